import { Inject, Injectable, Optional } from '@nestjs/common';
import { PORT_DELETE_LISTENER, PortDeleteListener } from '@alcor/contracts';
import { checkRevision, conflict, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { PortEntity } from '../../domain/port.entity';
import { PortRepository } from '../../domain/port.repository';
import { recordPortChange } from '../../events/port-events';
import { toPort } from '../../http/port.mapper';
import { PortDependencies } from '../port-dependencies';
import { unbindPort } from '../port-security-groups';

/** Router-owned ports go with their router interface, not through /ports (Neutron's ServicePortInUse). */
const SERVICE_OWNERS = ['network:router_interface', 'network:router_gateway', 'network:floatingip', 'network:router_interface_distributed'];

/** Deletes a port and frees its addresses and MAC exactly once, in the same transaction. */
@Injectable()
export class DeletePort {
  constructor(
    private readonly database: Database,
    private readonly deps: PortDependencies,
    /** The floating-IP manager, when the process has one: a deleted port loses its floating IPs. */
    @Optional() @Inject(PORT_DELETE_LISTENER) private readonly listener?: PortDeleteListener,
  ) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[], allowServicePorts = false): Promise<PortEntity> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const port = await PortRepository.lockOwned(tx, ctx, id);
      checkRevision(port, ifMatch);
      if (!allowServicePorts && SERVICE_OWNERS.includes(port.deviceOwner)) {
        throw conflict('ServicePortInUse', `Port ${port.id} cannot be deleted directly via the port API: has device owner ${port.deviceOwner}.`);
      }
      await this.listener?.portDeleting(toPort(port));
      const addresses = port.fixedIps.map((ip) => ({ subnetId: ip.subnetId, ipAddress: ip.ipAddress }));
      await tx.delete(PortEntity, { id: port.id });
      await this.deps.ips.release(addresses);
      onFailure(() => this.deps.ips.allocate(addresses.map((a) => ({ ...a, portId: port.id }))));
      await this.deps.macs.release([{ networkId: port.networkId, macAddress: port.macAddress }]);
      onFailure(() => this.deps.macs.allocate([{ networkId: port.networkId, portId: port.id, projectId: port.projectId, macAddress: port.macAddress }]));
      await unbindPort(this.deps.securityGroups, port, onFailure);
      await recordPortChange(tx, 'deleted', toPort(port));
      await this.deps.uncountPorts([port.projectId], onFailure);
      return port;
    });
  }
}
