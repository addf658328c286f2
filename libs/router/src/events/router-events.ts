import { EntityManager } from 'typeorm';
import { ChangeKind, ROUTER_RESOURCE, TOPICS } from '@alcor/contracts';
import { recordResourceChange } from '@alcor/persistence';
import { RouterEntity } from '../domain/router.entity';
import { RouterRepository } from '../domain/router.repository';
import { toRouterEvent } from '../http/router.mapper';

/**
 * Records a router change (with its current interfaces) in the outbox, in the transaction that
 * made it: the data plane learns of every router, interface and route change.
 */
export async function recordRouterChange(tx: EntityManager, change: ChangeKind, router: RouterEntity): Promise<void> {
  const interfaces = change === 'deleted' ? [] : await RouterRepository.interfacesOf(tx, router.id);
  await recordResourceChange(tx, TOPICS.routerEvents, ROUTER_RESOURCE, change, toRouterEvent(router, interfaces));
}
