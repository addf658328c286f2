import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChangeKind, eventType, ResourceEvent } from '@alcor/contracts';
import { enqueueOutbox } from './outbox';

/** The API view of a resource, as every event carries it. */
export interface ResourceView {
  id: string;
  project_id: string;
  revision_number: number;
}

/** Records a resource change in the outbox, in the transaction that made it; keyed by resource id. */
export async function recordResourceChange<T extends ResourceView>(
  tx: EntityManager,
  topic: string,
  resource: string,
  change: ChangeKind,
  view: T,
): Promise<void> {
  const event: ResourceEvent<T> = {
    schemaVersion: 1,
    eventId: randomUUID(),
    type: eventType(resource, change),
    resource,
    resourceId: view.id,
    projectId: view.project_id,
    revisionNumber: view.revision_number,
    occurredAt: new Date().toISOString(),
    data: view,
  };
  await enqueueOutbox(tx, { topic, key: view.id, eventType: event.type, eventId: event.eventId, payload: event });
}
