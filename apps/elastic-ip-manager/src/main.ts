import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { managerUrls } from '@alcor/config';
import { PORT_CLIENT, RestPortClient, RestRouterClient, RestVpcClient, ROUTER_CLIENT, SUBNET_CLIENT, VPC_CLIENT } from '@alcor/contracts';
import { FloatingIpModule, floatingIpSchema } from '@alcor/floating-ip';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { remoteQuotaEnforcer } from '@alcor/quota';
import { RestSubnetClient } from '@alcor/subnet';

@Module({
  imports: [
    CoreModule.forRoot({ serviceName: 'elastic-ip-manager', schemas: [floatingIpSchema] }),
    RemoteClientsModule.forRoot([
      { token: VPC_CLIENT, create: (env) => new RestVpcClient(managerUrls(env).vpc) },
      { token: SUBNET_CLIENT, create: (env) => new RestSubnetClient(managerUrls(env).subnet) },
      { token: PORT_CLIENT, create: (env) => new RestPortClient(managerUrls(env).port) },
      { token: ROUTER_CLIENT, create: (env) => new RestRouterClient(managerUrls(env).route) },
      remoteQuotaEnforcer,
    ]),
    FloatingIpModule,
  ],
})
class ElasticIpManagerApp {}

// Alcor's elastic-IP manager port.
void startHttpService(ElasticIpManagerApp, { name: 'elastic-ip-manager', defaultPort: 9011 });
