import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { managerUrls } from '@alcor/config';
import { IP_ALLOCATOR, RestVpcClient, VPC_CLIENT } from '@alcor/contracts';
import { RestIpAllocator } from '@alcor/ipam';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { remoteQuotaEnforcer } from '@alcor/quota';
import { SubnetModule, subnetSchema } from '@alcor/subnet';

@Module({
  imports: [
    CoreModule.forRoot({ serviceName: 'subnet-manager', schemas: [subnetSchema] }),
    RemoteClientsModule.forRoot([
      { token: VPC_CLIENT, create: (env) => new RestVpcClient(managerUrls(env).vpc) },
      { token: IP_ALLOCATOR, create: (env) => new RestIpAllocator(managerUrls(env).ip) },
      remoteQuotaEnforcer,
    ]),
    SubnetModule,
  ],
})
class SubnetManagerApp {}

// Alcor's subnet manager port.
void startHttpService(SubnetManagerApp, { name: 'subnet-manager', defaultPort: 9002 });
