import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { NETWORK_SUBNET_CLEANER, SUBNET_CLIENT } from '@alcor/contracts';
import { NeutronExtensions, neutronTagsController } from '@alcor/neutron-api';
import { InProcessSubnetClient } from './client/in-process-subnet.client';
import { SubnetVisibilityResolver } from './domain/subnet-visibility';
import { AlcorSubnetsController } from './http/alcor-subnets.controller';
import { InternalNetworkSubnetsController } from './http/internal-network-subnets.controller';
import { NeutronSubnetsController } from './http/neutron-subnets.controller';
import { CreateSubnets } from './use-cases/create-subnets/create-subnets';
import { DeleteNetworkSubnets } from './use-cases/delete-network-subnets/delete-network-subnets';
import { DeleteSubnet } from './use-cases/delete-subnet/delete-subnet';
import { QuerySubnets } from './use-cases/query-subnets/query-subnets';
import { SUBNET_TAGS, SubnetTags } from './use-cases/subnet-tags/subnet-tags';
import { UpdateSubnet } from './use-cases/update-subnet/update-subnet';

/**
 * The subnet manager: subnets on the Neutron and Alcor APIs. Needs VPC_CLIENT and IP_ALLOCATOR
 * from the process (in-process modules, or REST clients in split mode). Global so the port
 * manager finds SUBNET_CLIENT when both run in one process.
 */
@Global()
@Module({
  controllers: [NeutronSubnetsController, neutronTagsController('subnets', 'subnet', SUBNET_TAGS), AlcorSubnetsController, InternalNetworkSubnetsController],
  providers: [
    CreateSubnets,
    UpdateSubnet,
    DeleteSubnet,
    QuerySubnets,
    SubnetVisibilityResolver,
    { provide: SUBNET_TAGS, useClass: SubnetTags },
    { provide: SUBNET_CLIENT, useClass: InProcessSubnetClient },
    DeleteNetworkSubnets,
    { provide: NETWORK_SUBNET_CLEANER, useExisting: DeleteNetworkSubnets },
  ],
  exports: [SUBNET_CLIENT, NETWORK_SUBNET_CLEANER],
})
export class SubnetModule implements OnModuleInit {
  constructor(@Inject(NeutronExtensions) private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    // Not 'subnet_allocation': in Neutron that alias means /v2.0/subnetpools, which is not served.
    this.extensions.registerCollections('subnets');
    this.extensions.register(
      { alias: 'subnet', name: 'Subnet', description: 'IPv4 and IPv6 subnets with allocation pools, gateway, DNS and host routes.' },
    );
  }
}
