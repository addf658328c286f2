import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { IP_ALLOCATOR, MAC_ALLOCATOR, NODE_CLIENT, RestVpcClient, SUBNET_CLIENT, VPC_CLIENT } from '@alcor/contracts';
import { INTERNAL_SERVICE_HEADERS, RestIpAllocator } from '@alcor/ipam';
import { RestMacAllocator } from '@alcor/mac';
import { RestNodeClient } from '@alcor/node';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { PortModule, portSchema } from '@alcor/port';
import { RestSubnetClient } from '@alcor/subnet';

@Module({
  imports: [
    CoreModule.forRoot({ serviceName: 'port-manager', schemas: [portSchema] }),
    RemoteClientsModule.forRoot([
      { token: VPC_CLIENT, create: (env) => new RestVpcClient(env.VPC_MANAGER_URL ?? 'http://127.0.0.1:9001') },
      { token: SUBNET_CLIENT, create: (env) => new RestSubnetClient(env.SUBNET_MANAGER_URL ?? 'http://127.0.0.1:9002') },
      { token: IP_ALLOCATOR, create: (env) => new RestIpAllocator(env.IP_MANAGER_URL ?? 'http://127.0.0.1:9004') },
      { token: MAC_ALLOCATOR, create: (env) => new RestMacAllocator(env.MAC_MANAGER_URL ?? 'http://127.0.0.1:9005', { ...INTERNAL_SERVICE_HEADERS }) },
      { token: NODE_CLIENT, create: (env) => new RestNodeClient(env.NODE_MANAGER_URL ?? 'http://127.0.0.1:9007', { ...INTERNAL_SERVICE_HEADERS }) },
    ]),
    PortModule,
  ],
})
class PortManagerApp {}

// Alcor's port manager port.
void startHttpService(PortManagerApp, { name: 'port-manager', defaultPort: 9006 });
