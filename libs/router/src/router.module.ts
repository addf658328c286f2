import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { ROUTER_CLIENT } from '@alcor/contracts';
import { NeutronExtensions, neutronTagsController } from '@alcor/neutron-api';
import { InProcessRouterClient } from './client/in-process-router.client';
import { AlcorRoutersController } from './http/alcor-routers.controller';
import { InternalRoutersController } from './http/internal-routers.controller';
import { NeutronRoutersController } from './http/neutron-routers.controller';
import { CreateRouters } from './use-cases/create-routers/create-routers';
import { DeleteRouter } from './use-cases/delete-router/delete-router';
import { ExtraRoutes } from './use-cases/extra-routes/extra-routes';
import { QueryRouters } from './use-cases/query-routers/query-routers';
import { RouterDependencies } from './use-cases/router-dependencies';
import { RouterGateway } from './use-cases/router-gateway';
import { AddRouterInterface } from './use-cases/router-interfaces/add-router-interface';
import { RemoveRouterInterface } from './use-cases/router-interfaces/remove-router-interface';
import { ROUTER_TAGS, RouterTags } from './use-cases/router-tags/router-tags';
import { UpdateRouter } from './use-cases/update-router/update-router';

/**
 * The route manager: Neutron routers with interfaces, external gateways and extra routes. Needs
 * VPC_CLIENT, SUBNET_CLIENT and PORT_CLIENT (and FLOATING_IP_CLIENT, QUOTA_ENFORCER when present).
 * Global: its ROUTER_CLIENT serves the floating-IP manager of the same process.
 */
@Global()
@Module({
  controllers: [NeutronRoutersController, neutronTagsController('routers', 'router', ROUTER_TAGS), AlcorRoutersController, InternalRoutersController],
  providers: [
    RouterDependencies,
    RouterGateway,
    CreateRouters,
    UpdateRouter,
    DeleteRouter,
    QueryRouters,
    AddRouterInterface,
    RemoveRouterInterface,
    ExtraRoutes,
    { provide: ROUTER_TAGS, useClass: RouterTags },
    { provide: ROUTER_CLIENT, useClass: InProcessRouterClient },
  ],
  exports: [ROUTER_CLIENT],
})
export class RouterModule implements OnModuleInit {
  constructor(@Inject(NeutronExtensions) private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    this.extensions.registerCollections('routers');
    this.extensions.register(
      { alias: 'router', name: 'Neutron L3 Router', description: 'Routers with interfaces on subnets and an external gateway.' },
      { alias: 'extraroute', name: 'Neutron Extra Route', description: 'routes (destination, nexthop) on routers.' },
      { alias: 'extraroute-atomic', name: 'Atomically add/remove extra routes', description: 'add_extraroutes and remove_extraroutes actions.' },
      { alias: 'ext-gw-mode', name: 'Neutron L3 Configurable external gateway mode', description: 'enable_snat in external_gateway_info.' },
    );
  }
}
