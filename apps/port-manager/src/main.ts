import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { managerUrls } from '@alcor/config';
import { INTERNAL_SERVICE_HEADERS, IP_ALLOCATOR, MAC_ALLOCATOR, NODE_CLIENT, PORT_DELETE_LISTENER, RestFloatingIpClient, RestVpcClient, SECURITY_GROUP_CLIENT, SUBNET_CLIENT, VPC_CLIENT } from '@alcor/contracts';
import { RestIpAllocator } from '@alcor/ipam';
import { RestMacAllocator } from '@alcor/mac';
import { RestNodeClient } from '@alcor/node';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { PortModule, portSchema } from '@alcor/port';
import { remoteQuotaEnforcer } from '@alcor/quota';
import { RestSecurityGroupClient } from '@alcor/security-group';
import { RestSubnetClient } from '@alcor/subnet';

@Module({
  imports: [
    CoreModule.forRoot({ serviceName: 'port-manager', schemas: [portSchema] }),
    RemoteClientsModule.forRoot([
      { token: VPC_CLIENT, create: (env) => new RestVpcClient(managerUrls(env).vpc) },
      { token: SUBNET_CLIENT, create: (env) => new RestSubnetClient(managerUrls(env).subnet) },
      { token: IP_ALLOCATOR, create: (env) => new RestIpAllocator(managerUrls(env).ip) },
      { token: MAC_ALLOCATOR, create: (env) => new RestMacAllocator(managerUrls(env).mac, { ...INTERNAL_SERVICE_HEADERS }) },
      { token: NODE_CLIENT, create: (env) => new RestNodeClient(managerUrls(env).node, { ...INTERNAL_SERVICE_HEADERS }) },
      { token: SECURITY_GROUP_CLIENT, create: (env) => new RestSecurityGroupClient(managerUrls(env).securityGroup) },
      remoteQuotaEnforcer,
      // A deleted port loses its floating IPs, when an elastic-IP manager is deployed (ELASTIC_IP_MANAGER_URL).
      { token: PORT_DELETE_LISTENER, create: (env) => (env.ELASTIC_IP_MANAGER_URL ? new RestFloatingIpClient(env.ELASTIC_IP_MANAGER_URL) : undefined) },
    ]),
    PortModule,
  ],
})
class PortManagerApp {}

// Alcor's port manager port.
void startHttpService(PortManagerApp, { name: 'port-manager', defaultPort: 9006 });
