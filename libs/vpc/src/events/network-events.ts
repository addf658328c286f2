import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChangeKind, eventType, Network, NETWORK_RESOURCE, ResourceEvent, TOPICS } from '@alcor/contracts';
import { enqueueOutbox } from '@alcor/persistence';

/** Records a network change in the outbox, in the transaction that made it. */
export async function recordNetworkChange(tx: EntityManager, change: ChangeKind, network: Network): Promise<void> {
  const event: ResourceEvent<Network> = {
    schemaVersion: 1,
    eventId: randomUUID(),
    type: eventType(NETWORK_RESOURCE, change),
    resource: NETWORK_RESOURCE,
    resourceId: network.id,
    projectId: network.project_id,
    revisionNumber: network.revision_number,
    occurredAt: new Date().toISOString(),
    data: network,
  };
  await enqueueOutbox(tx, {
    topic: TOPICS.networkEvents,
    key: network.id,
    eventType: event.type,
    eventId: event.eventId,
    payload: event,
  });
}
