import { Injectable } from '@nestjs/common';
import { checkRevision, RequestContext, touch } from '@alcor/neutron-api';
import { Database, isUniqueViolation } from '@alcor/persistence';
import { associationOf, resetStatusIfReassociated } from '../../domain/floating-ip-association-status';
import { FloatingIpChanges } from '../../domain/floating-ip-draft';
import { FloatingIpEntity } from '../../domain/floating-ip.entity';
import { FloatingIpRepository } from '../../domain/floating-ip.repository';
import { saveFloatingIp } from '../../domain/floating-ip-store';
import { recordFloatingIpChange } from '../../events/floating-ip-events';
import { toFloatingIp } from '../../http/floating-ip.mapper';
import { alreadyAssociated, FloatingIpAssociation } from '../association';

/**
 * Associates (port_id, fixed_ip_address), re-derives (port_id absent) or disassociates
 * (port_id null) a floating IP. Two concurrent associations of one fixed IP: the unique key lets one commit.
 * A changed association is DOWN until the data plane reports it applied (FloatingIpStatusConsumer).
 */
@Injectable()
export class UpdateFloatingIp {
  constructor(
    private readonly database: Database,
    private readonly association: FloatingIpAssociation,
  ) {}

  async execute(ctx: RequestContext, id: string, changes: FloatingIpChanges, ifMatch?: number[]): Promise<FloatingIpEntity> {
    let fip: FloatingIpEntity | undefined;
    try {
      return await this.database.transaction(async (tx) => {
        fip = await FloatingIpRepository.lockOwned(tx, ctx, id);
        checkRevision(fip, ifMatch);
        const before = JSON.stringify(toFloatingIp(fip));
        const associationBefore = associationOf(fip);
        if (changes.description !== undefined) fip.description = changes.description;
        if (changes.portId !== undefined || changes.fixedIpAddress !== undefined) {
          const portId = changes.portId !== undefined ? changes.portId : fip.portId;
          Object.assign(fip, await this.association.resolve(tx, fip, portId, changes.fixedIpAddress));
        }
        if (JSON.stringify(toFloatingIp(fip)) === before) return fip;
        touch(fip);
        resetStatusIfReassociated(fip, associationBefore);
        await saveFloatingIp(tx, fip);
        await recordFloatingIpChange(tx, 'updated', fip);
        return fip;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'floating_ips_fixed_ip_key') && fip?.portId && fip.fixedIpAddress) throw alreadyAssociated(fip, fip.portId, fip.fixedIpAddress);
      throw error;
    }
  }
}
