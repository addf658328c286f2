import { revisionMismatch } from '../errors/neutron-error';

/** A stored resource with Neutron's standard revision and timestamps. */
export interface Revisioned {
  revisionNumber: number;
  updatedAt: Date;
}

/** If-Match: proceed only when the stored revision is one the caller named. */
export function checkRevision(entity: Revisioned, acceptable: number[] | undefined): void {
  if (acceptable && !acceptable.includes(entity.revisionNumber)) {
    throw revisionMismatch(acceptable[0], entity.revisionNumber);
  }
}

/** Every stored change bumps the revision and the update time. */
export function touch(entity: Revisioned, now = new Date()): void {
  entity.revisionNumber += 1;
  entity.updatedAt = now;
}

/** Neutron prints times as 2026-11-24T04:19:47Z: UTC, whole seconds. */
export const neutronTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
