import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { parseVlanPhysnets, parseVlanRanges, parseVniRanges, splitList, Environment } from '@alcor/config';
import { VPC_CLIENT } from '@alcor/contracts';
import { NeutronExtensions, neutronTagsController } from '@alcor/neutron-api';
import { ENVIRONMENT } from '@alcor/platform';
import { InProcessVpcClient } from './client/in-process-vpc.client';
import { AlcorVpcsController } from './http/alcor-vpcs.controller';
import { NeutronNetworksController } from './http/neutron-networks.controller';
import { SEGMENT_POLICY, SegmentPolicy } from './segments/segment-policy';
import { CreateNetworks } from './use-cases/create-networks/create-networks';
import { DeleteNetwork } from './use-cases/delete-network/delete-network';
import { NetworkSubnets } from './use-cases/network-subnets/network-subnets';
import { NETWORK_TAGS, NetworkTags } from './use-cases/network-tags/network-tags';
import { QueryNetworks } from './use-cases/query-networks/query-networks';
import { UpdateNetwork } from './use-cases/update-network/update-network';

export function segmentPolicyFrom(environment: Environment): SegmentPolicy {
  return {
    vniRanges: parseVniRanges(environment.VNI_RANGES),
    vlanRanges: parseVlanRanges(environment.VLAN_RANGES),
    vlanPhysnets: parseVlanPhysnets(environment.VLAN_RANGES),
    flatNetworks: splitList(environment.FLAT_NETWORKS),
    globalPhysnetMtu: environment.GLOBAL_PHYSNET_MTU,
  };
}

/** The VPC manager: networks (VPCs), their segments, on the Neutron and Alcor APIs. Global: its VPC_CLIENT serves the other managers of the process. */
@Global()
@Module({
  controllers: [NeutronNetworksController, neutronTagsController('networks', 'network', NETWORK_TAGS), AlcorVpcsController],
  providers: [
    { provide: SEGMENT_POLICY, inject: [ENVIRONMENT], useFactory: segmentPolicyFrom },
    CreateNetworks,
    UpdateNetwork,
    DeleteNetwork,
    QueryNetworks,
    { provide: NETWORK_TAGS, useClass: NetworkTags },
    NetworkSubnets,
    { provide: VPC_CLIENT, useClass: InProcessVpcClient },
  ],
  exports: [VPC_CLIENT],
})
export class VpcModule implements OnModuleInit {
  constructor(@Inject(NeutronExtensions) private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    this.extensions.registerCollections('networks');
    this.extensions.register(
      { alias: 'network', name: 'Network', description: 'Core networks (Alcor VPCs).' },
      { alias: 'provider', name: 'Provider Network', description: 'provider:network_type, physical_network, segmentation_id (vxlan, vlan, flat).' },
      { alias: 'external-net', name: 'Neutron external network', description: 'router:external on networks.' },
      { alias: 'net-mtu', name: 'Network MTU', description: 'Networks report their MTU.' },
      { alias: 'net-mtu-writable', name: 'Network MTU (writable)', description: 'The MTU may be set on create and update.' },
      { alias: 'port-security', name: 'Port Security', description: 'port_security_enabled on networks.' },
      { alias: 'network_availability_zone', name: 'Network Availability Zone', description: 'availability_zone_hints on networks.' },
      { alias: 'l2_adjacency', name: 'L2 adjacency', description: 'Networks report l2_adjacency.' },
    );
  }
}
