import { EntityManager } from 'typeorm';
import { RouterEntity } from './router.entity';

/** Writes a router's mutable columns back (no read-before-write as save() would do). */
export async function saveRouter(tx: EntityManager, e: RouterEntity): Promise<void> {
  await tx.update(RouterEntity, { id: e.id }, {
    name: e.name,
    description: e.description,
    adminStateUp: e.adminStateUp,
    status: e.status,
    gwPortId: e.gwPortId,
    gwNetworkId: e.gwNetworkId,
    enableSnat: e.enableSnat,
    gwFixedIps: e.gwFixedIps,
    routes: e.routes,
    tags: e.tags,
    revisionNumber: e.revisionNumber,
    updatedAt: e.updatedAt,
  });
}
