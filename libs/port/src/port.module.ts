import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { NETWORK_PORT_CLEANER, PORT_CLIENT } from '@alcor/contracts';
import { NeutronExtensions, neutronTagsController } from '@alcor/neutron-api';
import { InProcessPortClient } from './client/in-process-port.client';
import { AlcorPortsController } from './http/alcor-ports.controller';
import { InternalNetworkPortsController } from './http/internal-network-ports.controller';
import { NeutronPortsController } from './http/neutron-ports.controller';
import { ClearNetworkPorts } from './use-cases/clear-network-ports/clear-network-ports';
import { CreatePorts } from './use-cases/create-ports/create-ports';
import { PortCreateBatcher } from './use-cases/create-ports/create-port-batcher';
import { DeletePorts } from './use-cases/delete-ports/delete-ports';
import { PortDeleteBatcher } from './use-cases/delete-ports/port-delete-batcher';
import { PortStatusConsumer } from './events/port-status-consumer';
import { PortDependencies } from './use-cases/port-dependencies';
import { PORT_TAGS, PortTags } from './use-cases/port-tags/port-tags';
import { QueryPorts } from './use-cases/query-ports/query-ports';
import { PortUpdateBatcher } from './use-cases/update-ports/port-update-batcher';
import { UpdatePorts } from './use-cases/update-ports/update-ports';

/**
 * The port manager: ports on the Neutron and Alcor APIs. Needs VPC_CLIENT, SUBNET_CLIENT,
 * NODE_CLIENT, MAC_ALLOCATOR and IP_ALLOCATOR from the process (in-process modules or REST).
 */
@Global()
@Module({
  controllers: [NeutronPortsController, neutronTagsController('ports', 'port', PORT_TAGS), AlcorPortsController, InternalNetworkPortsController],
  providers: [PortStatusConsumer, PortDependencies, CreatePorts, PortCreateBatcher, UpdatePorts, PortUpdateBatcher, DeletePorts, PortDeleteBatcher, QueryPorts, { provide: PORT_TAGS, useClass: PortTags }, { provide: PORT_CLIENT, useClass: InProcessPortClient }, ClearNetworkPorts, { provide: NETWORK_PORT_CLEANER, useExisting: ClearNetworkPorts }],
  exports: [PORT_CLIENT, NETWORK_PORT_CLEANER],
})
export class PortModule implements OnModuleInit {
  constructor(@Inject(NeutronExtensions) private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    this.extensions.registerCollections('ports');
    this.extensions.register(
      { alias: 'port', name: 'Port', description: 'Ports with fixed IPs and MAC addresses.' },
      { alias: 'binding', name: 'Port Binding', description: 'binding:host_id (a registered node), vnic_type, profile, vif_type, vif_details.' },
      { alias: 'allowed-address-pairs', name: 'Allowed address pairs', description: 'allowed_address_pairs on ports.' },
      { alias: 'extra_dhcp_opt', name: 'Neutron Extra DHCP options', description: 'extra_dhcp_opts on ports.' },
      { alias: 'ip-substring-filtering', name: 'IP address substring filtering', description: 'fixed_ips=ip_address_substr=...' },
    );
  }
}
