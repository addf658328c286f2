import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChangeKind, eventType, ResourceEvent } from '@alcor/contracts';
import { enqueueOutbox } from '@alcor/persistence';
import { NcmInfo } from '../http/ncm.mapper';

export const NCM_RESOURCE = 'ncm';

/** Until TOPICS in @alcor/contracts names it (same naming scheme as the other resource topics). */
export const NCM_EVENTS_TOPIC = 'persistent://alcor/events/ncms';

/** Records an NCM registry change in the outbox, in the transaction that made it. */
export async function recordNcmChange(tx: EntityManager, change: ChangeKind, ncm: NcmInfo): Promise<void> {
  const event: ResourceEvent<NcmInfo> = {
    schemaVersion: 1,
    eventId: randomUUID(),
    type: eventType(NCM_RESOURCE, change),
    resource: NCM_RESOURCE,
    resourceId: ncm.id,
    projectId: '',
    revisionNumber: ncm.revision_number,
    occurredAt: new Date().toISOString(),
    data: ncm,
  };
  await enqueueOutbox(tx, { topic: NCM_EVENTS_TOPIC, key: ncm.id, eventType: event.type, eventId: event.eventId, payload: event });
}
