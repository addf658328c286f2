import { EntityManager } from 'typeorm';
import { ChangeKind, FLOATINGIP_RESOURCE, TOPICS } from '@alcor/contracts';
import { recordResourceChange } from '@alcor/persistence';
import { FloatingIpEntity } from '../domain/floating-ip.entity';
import { toFloatingIpEvent } from '../http/floating-ip.mapper';

/** Records a floating-IP change (association included) in the outbox, in the transaction that made it. */
export function recordFloatingIpChange(tx: EntityManager, change: ChangeKind, fip: FloatingIpEntity): Promise<void> {
  return recordResourceChange(tx, TOPICS.floatingIpEvents, FLOATINGIP_RESOURCE, change, toFloatingIpEvent(fip));
}
