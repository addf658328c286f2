import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NETWORK_PORT_CLEANER, NETWORK_SUBNET_CLEANER, RestNetworkPortCleaner, RestNetworkSubnetCleaner } from '@alcor/contracts';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { remoteQuotaEnforcer } from '@alcor/quota';
import { VpcModule, vpcSchema } from '@alcor/vpc';

@Module({
  imports: [
    CoreModule.forRoot({ serviceName: 'vpc-manager', schemas: [vpcSchema] }),
    RemoteClientsModule.forRoot([
      remoteQuotaEnforcer,
      // A network delete takes its DHCP ports and subnets along when the managers' URLs are given;
      // without them a network that still has subnets is refused (409 NetworkInUse).
      { token: NETWORK_PORT_CLEANER, create: (env) => (env.PORT_MANAGER_URL ? new RestNetworkPortCleaner(env.PORT_MANAGER_URL) : undefined) },
      { token: NETWORK_SUBNET_CLEANER, create: (env) => (env.SUBNET_MANAGER_URL ? new RestNetworkSubnetCleaner(env.SUBNET_MANAGER_URL) : undefined) },
    ]),
    VpcModule,
  ],
})
class VpcManagerApp {}

// Alcor's VPC manager port.
void startHttpService(VpcManagerApp, { name: 'vpc-manager', defaultPort: 9001 });
