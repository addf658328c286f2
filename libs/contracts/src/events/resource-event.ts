/**
 * The envelope of every resource change on the bus (schema version 1). Consumers dedupe by
 * `eventId` (delivery is at-least-once) and order by `revisionNumber` per resource.
 */
export interface ResourceEvent<T> {
  schemaVersion: 1;
  eventId: string;
  type: string;
  resource: string;
  resourceId: string;
  projectId: string;
  revisionNumber: number;
  occurredAt: string;
  /** The resource after the change; for a delete, as it was just before. */
  data: T;
}

export type ChangeKind = 'created' | 'updated' | 'deleted';

export const eventType = (resource: string, change: ChangeKind) => `${resource}.${change}`;
