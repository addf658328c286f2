import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { managerUrls } from '@alcor/config';
import { FLOATING_IP_CLIENT, PORT_CLIENT, RestFloatingIpClient, RestPortClient, RestVpcClient, SUBNET_CLIENT, VPC_CLIENT } from '@alcor/contracts';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { remoteQuotaEnforcer } from '@alcor/quota';
import { RouterModule, routerSchema } from '@alcor/router';
import { RestSubnetClient } from '@alcor/subnet';

@Module({
  imports: [
    CoreModule.forRoot({ serviceName: 'route-manager', schemas: [routerSchema] }),
    RemoteClientsModule.forRoot([
      { token: VPC_CLIENT, create: (env) => new RestVpcClient(managerUrls(env).vpc) },
      { token: SUBNET_CLIENT, create: (env) => new RestSubnetClient(managerUrls(env).subnet) },
      { token: PORT_CLIENT, create: (env) => new RestPortClient(managerUrls(env).port) },
      // Floating-IP in-use checks only when an elastic-IP manager is deployed (ELASTIC_IP_MANAGER_URL).
      { token: FLOATING_IP_CLIENT, create: (env) => (env.ELASTIC_IP_MANAGER_URL ? new RestFloatingIpClient(env.ELASTIC_IP_MANAGER_URL) : undefined) },
      remoteQuotaEnforcer,
    ]),
    RouterModule,
  ],
})
class RouteManagerApp {}

// Alcor's route manager port.
void startHttpService(RouteManagerApp, { name: 'route-manager', defaultPort: 9003 });
