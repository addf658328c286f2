import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChangeKind, eventType, ResourceEvent } from '@alcor/contracts';
import { enqueueOutbox, enqueueOutboxMany } from './outbox';

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
  const event = resourceEvent(resource, change, view);
  await enqueueOutbox(tx, { topic, key: view.id, eventType: event.type, eventId: event.eventId, payload: event });
}

/** The same for many resources at once (a bulk request), in one statement. */
export async function recordResourceChanges<T extends ResourceView>(
  tx: EntityManager,
  topic: string,
  resource: string,
  change: ChangeKind,
  views: T[],
): Promise<void> {
  const events = views.map((view) => resourceEvent(resource, change, view));
  await enqueueOutboxMany(tx, events.map((e) => ({ topic, key: e.resourceId, eventType: e.type, eventId: e.eventId, payload: e })));
}

function resourceEvent<T extends ResourceView>(resource: string, change: ChangeKind, view: T): ResourceEvent<T> {
  return {
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
}
