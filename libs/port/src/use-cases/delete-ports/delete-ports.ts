import { Inject, Injectable, Optional } from '@nestjs/common';
import { PORT_DELETE_LISTENER, PortDeleteListener } from '@alcor/contracts';
import { checkRevision, conflict, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { PortEntity } from '../../domain/port.entity';
import { PortRepository, portNotFound } from '../../domain/port.repository';
import { recordPortChanges } from '../../events/port-events';
import { toPort } from '../../http/port.mapper';
import { PortDependencies } from '../port-dependencies';
import { unbindPorts } from '../port-security-groups';

/** Router-owned ports go with their router interface, not through /ports (Neutron's ServicePortInUse). */
const SERVICE_OWNERS = ['network:router_interface', 'network:router_gateway', 'network:floatingip', 'network:router_interface_distributed'];

export interface PortDeleteRequest {
  ctx: RequestContext;
  id: string;
  ifMatch?: number[];
  /** Router and floating-IP managers delete the ports they own (Neutron's l3_port_check=False). */
  allowServicePorts?: boolean;
}

/**
 * Deletes ports and frees their addresses and MACs exactly once, all-or-none in one transaction:
 * the ports are locked in one statement, then one call each frees the addresses, the MACs, the
 * group bindings and the quota of all of them, and one statement records their events.
 */
@Injectable()
export class DeletePorts {
  constructor(
    private readonly database: Database,
    private readonly deps: PortDependencies,
    /** The floating-IP manager, when the process has one: a deleted port loses its floating IPs. */
    @Optional() @Inject(PORT_DELETE_LISTENER) private readonly listener?: PortDeleteListener,
  ) {}

  execute(requests: PortDeleteRequest[]): Promise<PortEntity[]> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const locked = await PortRepository.lockMany(tx, requests.map((r) => r.id));
      const ports = this.checked(requests, locked);
      if (ports.length === 0) return ports;
      await this.listener?.portsDeleting(ports.map(toPort));
      await tx.query('DELETE FROM ports WHERE id = ANY($1::uuid[])', [ports.map((p) => p.id)]);
      const addresses = ports.flatMap((p) => p.fixedIps.map((ip) => ({ subnetId: ip.subnetId, ipAddress: ip.ipAddress, portId: p.id })));
      await this.deps.ips.release(addresses.map(({ subnetId, ipAddress }) => ({ subnetId, ipAddress })));
      onFailure(() => this.deps.ips.allocate(addresses));
      await this.deps.macs.release(ports.map((p) => ({ networkId: p.networkId, macAddress: p.macAddress })));
      onFailure(() => this.deps.macs.allocate(ports.map((p) => ({ networkId: p.networkId, portId: p.id, projectId: p.projectId, macAddress: p.macAddress }))));
      await unbindPorts(this.deps.securityGroups, ports, onFailure);
      await recordPortChanges(tx, 'deleted', ports.map(toPort));
      await this.deps.uncountPorts(ports.map((p) => p.projectId), onFailure);
      return ports;
    });
  }

  /** The ports to delete, in request order; the first request that may not delete its port fails all. */
  private checked(requests: PortDeleteRequest[], locked: Map<string, PortEntity>): PortEntity[] {
    const seen = new Set<string>();
    return requests.map(({ ctx, id, ifMatch, allowServicePorts }) => {
      const port = locked.get(id.toLowerCase());
      // A second delete of the same port in one batch finds it gone, as it would one after the other.
      if (!port || !PortRepository.owns(ctx, port) || seen.has(port.id)) throw portNotFound(id);
      seen.add(port.id);
      checkRevision(port, ifMatch);
      if (!allowServicePorts && SERVICE_OWNERS.includes(port.deviceOwner)) {
        throw conflict('ServicePortInUse', `Port ${port.id} cannot be deleted directly via the port API: has device owner ${port.deviceOwner}.`);
      }
      return port;
    });
  }
}
