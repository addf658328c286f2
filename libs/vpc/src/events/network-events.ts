import { EntityManager } from 'typeorm';
import { ChangeKind, Network, NETWORK_RESOURCE, TOPICS } from '@alcor/contracts';
import { recordResourceChange } from '@alcor/persistence';

/** Records a network change in the outbox, in the transaction that made it. */
export function recordNetworkChange(tx: EntityManager, change: ChangeKind, network: Network): Promise<void> {
  return recordResourceChange(tx, TOPICS.networkEvents, NETWORK_RESOURCE, change, network);
}
