import { EntityManager } from 'typeorm';
import { ChangeKind, Subnet, SUBNET_RESOURCE, TOPICS } from '@alcor/contracts';
import { recordResourceChange } from '@alcor/persistence';

/** Records a subnet change in the outbox, in the transaction that made it. */
export function recordSubnetChange(tx: EntityManager, change: ChangeKind, subnet: Subnet): Promise<void> {
  return recordResourceChange(tx, TOPICS.subnetEvents, SUBNET_RESOURCE, change, subnet);
}
