import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { FLOATING_IP_CLIENT, PORT_DELETE_LISTENER } from '@alcor/contracts';
import { NeutronExtensions, neutronTagsController } from '@alcor/neutron-api';
import { InProcessFloatingIpClient } from './client/in-process-floating-ip.client';
import { FloatingIpStatusConsumer } from './events/floating-ip-status-consumer';
import { AlcorElasticIpsController } from './http/alcor-elastic-ips.controller';
import { InternalFloatingIpsController } from './http/internal-floating-ips.controller';
import { NeutronFloatingIpsController } from './http/neutron-floating-ips.controller';
import { FloatingIpAssociation } from './use-cases/association';
import { CreateFloatingIps } from './use-cases/create-floating-ips/create-floating-ips';
import { DeleteFloatingIp } from './use-cases/delete-floating-ip/delete-floating-ip';
import { FloatingIpDependencies } from './use-cases/floating-ip-dependencies';
import { FLOATING_IP_TAGS, FloatingIpTags } from './use-cases/floating-ip-tags/floating-ip-tags';
import { DisassociatePort } from './use-cases/port-deleted/disassociate-port';
import { QueryFloatingIps } from './use-cases/query-floating-ips/query-floating-ips';
import { UpdateFloatingIp } from './use-cases/update-floating-ip/update-floating-ip';

/**
 * The elastic-IP manager: Neutron floating IPs (and Alcor's /elasticips view of them). Needs
 * VPC_CLIENT, SUBNET_CLIENT, PORT_CLIENT and ROUTER_CLIENT (QUOTA_ENFORCER when present). Global:
 * it gives the process FLOATING_IP_CLIENT (route manager checks) and PORT_DELETE_LISTENER.
 * Statuses come from the data plane (TOPICS.floatingIpStatusEvents, FloatingIpStatusConsumer).
 */
@Global()
@Module({
  controllers: [NeutronFloatingIpsController, neutronTagsController('floatingips', 'floatingip', FLOATING_IP_TAGS), AlcorElasticIpsController, InternalFloatingIpsController],
  providers: [
    FloatingIpDependencies,
    FloatingIpAssociation,
    CreateFloatingIps,
    UpdateFloatingIp,
    DeleteFloatingIp,
    QueryFloatingIps,
    DisassociatePort,
    FloatingIpStatusConsumer,
    { provide: FLOATING_IP_TAGS, useClass: FloatingIpTags },
    { provide: FLOATING_IP_CLIENT, useClass: InProcessFloatingIpClient },
    { provide: PORT_DELETE_LISTENER, useExisting: DisassociatePort },
  ],
  exports: [FLOATING_IP_CLIENT, PORT_DELETE_LISTENER],
})
export class FloatingIpModule implements OnModuleInit {
  constructor(@Inject(NeutronExtensions) private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    this.extensions.registerCollections('floatingips');
  }
}
