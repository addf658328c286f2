import { EntityManager } from 'typeorm';
import { FloatingIpEntity } from './floating-ip.entity';

/** Writes a floating IP's mutable columns back. */
export async function saveFloatingIp(tx: EntityManager, e: FloatingIpEntity): Promise<void> {
  await tx.update(FloatingIpEntity, { id: e.id }, {
    description: e.description,
    portId: e.portId,
    fixedIpAddress: e.fixedIpAddress,
    routerId: e.routerId,
    status: e.status,
    tags: e.tags,
    revisionNumber: e.revisionNumber,
    associationRevision: e.associationRevision,
    updatedAt: e.updatedAt,
  });
}
