import { FloatingIpEntity } from './floating-ip.entity';

/** What the data plane programs for a floating IP: a change of it is a new association. */
export const associationOf = (f: FloatingIpEntity) => `${f.portId ?? ''}|${f.fixedIpAddress ?? ''}|${f.routerId ?? ''}`;

/**
 * Call after touch(): a changed association (associate, move, disassociate) is DOWN at once, until
 * the new host acks it (the DPM then reports ACTIVE for this association_revision or a later one).
 */
export function resetStatusIfReassociated(fip: FloatingIpEntity, associationBefore: string): void {
  if (associationOf(fip) === associationBefore) return;
  fip.status = 'DOWN';
  fip.associationRevision = fip.revisionNumber;
}
