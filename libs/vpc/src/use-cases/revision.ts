import { revisionMismatch } from '@alcor/neutron-api';
import { NetworkEntity } from '../domain/network.entity';

/** If-Match: proceed only when the stored revision is one the caller named. */
export function checkRevision(entity: NetworkEntity, acceptable: number[] | undefined): void {
  if (acceptable && !acceptable.includes(entity.revisionNumber)) {
    throw revisionMismatch(acceptable[0], entity.revisionNumber);
  }
}

/** Every stored change bumps the revision and the update time. */
export function touch(entity: NetworkEntity, now = new Date()): void {
  entity.revisionNumber += 1;
  entity.updatedAt = now;
}
