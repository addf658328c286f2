import { EntityManager } from 'typeorm';
import { ChangeKind, Port, PORT_RESOURCE, TOPICS } from '@alcor/contracts';
import { recordResourceChange, recordResourceChanges } from '@alcor/persistence';

/** Records a port change in the outbox, in the transaction that made it. */
export function recordPortChange(tx: EntityManager, change: ChangeKind, port: Port): Promise<void> {
  return recordResourceChange(tx, TOPICS.portEvents, PORT_RESOURCE, change, port);
}

/** Records the changes of a bulk request in one statement. */
export function recordPortChanges(tx: EntityManager, change: ChangeKind, ports: Port[]): Promise<void> {
  return recordResourceChanges(tx, TOPICS.portEvents, PORT_RESOURCE, change, ports);
}
