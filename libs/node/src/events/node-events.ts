import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChangeKind, eventType, ResourceEvent, TOPICS } from '@alcor/contracts';
import { enqueueOutbox } from '@alcor/persistence';
import { NodeInfo } from '../http/node.mapper';

export const NODE_RESOURCE = 'node';

/**
 * Records a node change in the outbox, in the transaction that made it; keyed by node id so the
 * DPM sees one node's changes in commit order. Nodes belong to no project: projectId is ''.
 */
export async function recordNodeChange(tx: EntityManager, change: ChangeKind, node: NodeInfo): Promise<void> {
  const event: ResourceEvent<NodeInfo> = {
    schemaVersion: 1,
    eventId: randomUUID(),
    type: eventType(NODE_RESOURCE, change),
    resource: NODE_RESOURCE,
    resourceId: node.node_id,
    projectId: '',
    revisionNumber: node.revision_number,
    occurredAt: new Date().toISOString(),
    data: node,
  };
  await enqueueOutbox(tx, { topic: TOPICS.nodeEvents, key: node.node_id, eventType: event.type, eventId: event.eventId, payload: event });
}
