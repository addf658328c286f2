import { Injectable } from '@nestjs/common';
import { Port, PortDeleteListener } from '@alcor/contracts';
import { touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { associationOf, resetStatusIfReassociated } from '../../domain/floating-ip-association-status';
import { FloatingIpRepository } from '../../domain/floating-ip.repository';
import { saveFloatingIp } from '../../domain/floating-ip-store';
import { recordFloatingIpChange } from '../../events/floating-ip-events';

/**
 * Neutron's disassociate_floatingips on port delete: the port's floating IPs stay allocated but
 * lose their association. In one process it runs inside the port's delete transaction.
 */
@Injectable()
export class DisassociatePort implements PortDeleteListener {
  constructor(private readonly database: Database) {}

  portsDeleting(ports: Port[]): Promise<void> {
    return this.byPortIds(ports.map((p) => p.id));
  }

  byPortIds(portIds: string[]): Promise<void> {
    return this.database.transaction(async (tx) => {
      for (const fip of await FloatingIpRepository.lockByPorts(tx, portIds)) {
        const associationBefore = associationOf(fip);
        Object.assign(fip, { portId: null, fixedIpAddress: null, routerId: null });
        touch(fip);
        resetStatusIfReassociated(fip, associationBefore);
        await saveFloatingIp(tx, fip);
        await recordFloatingIpChange(tx, 'updated', fip);
      }
    });
  }
}
