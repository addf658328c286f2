import { Brackets, EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound, RequestContext, scopeProject, UUID_PATTERN, forbidden } from '@alcor/neutron-api';
import { NetworkEntity } from './network.entity';

const ALIAS = 'n';

export const networkNotFound = (id: string) => notFound('NetworkNotFound', `Network ${id} could not be found.`);

/**
 * Queries on networks, every one scoped to what the caller may see: its own networks, shared and
 * external ones, or everything for an admin.
 */
export class NetworkRepository {
  /** A network the caller may see, or NetworkNotFound. */
  static async getVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<NetworkEntity> {
    const found = UUID_PATTERN.test(id)
      ? await NetworkRepository.visibleQuery(em, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne()
      : null;
    if (!found) throw networkNotFound(id);
    return found;
  }

  /** A network the caller owns (or any, for an admin), row-locked for the rest of the transaction. */
  static async lockOwned(tx: EntityManager, ctx: RequestContext, id: string): Promise<NetworkEntity> {
    if (!UUID_PATTERN.test(id)) throw networkNotFound(id);
    const entity = await tx
      .getRepository(NetworkEntity)
      .createQueryBuilder(ALIAS)
      .setLock('pessimistic_write')
      .where(`${ALIAS}.id = :id`, { id: id.toLowerCase() })
      .getOne();
    if (!entity) throw networkNotFound(id);
    const project = scopeProject(ctx);
    if (project !== undefined && entity.projectId !== project) {
      if (entity.shared || entity.routerExternal) throw forbidden(`(rule:update_network) is disallowed by policy`, 'PolicyNotAuthorized');
      throw networkNotFound(id);
    }
    return entity;
  }

  static list(em: EntityManager, ctx: RequestContext, query: ListQuery, marker?: NetworkEntity): Promise<NetworkEntity[]> {
    const qb = NetworkRepository.visibleQuery(em, ctx);
    return applyListQuery(qb, ALIAS, query, marker ? columnValues(em, NetworkEntity, marker) : undefined).getMany();
  }

  /** Networks shared with every project: their subnets are visible to all (Neutron's access_as_shared). */
  static async sharedIds(em: EntityManager): Promise<string[]> {
    const rows = await em.getRepository(NetworkEntity).find({ select: { id: true }, where: { shared: true } });
    return rows.map((r) => r.id);
  }

  static async count(em: EntityManager, projectId?: string): Promise<number> {
    const qb = em.getRepository(NetworkEntity).createQueryBuilder(ALIAS);
    if (projectId !== undefined) qb.where(`${ALIAS}.project_id = :projectId`, { projectId });
    return qb.getCount();
  }

  private static visibleQuery(em: EntityManager, ctx: RequestContext) {
    const qb = em.getRepository(NetworkEntity).createQueryBuilder(ALIAS);
    const project = scopeProject(ctx);
    if (project !== undefined) {
      qb.where(
        new Brackets((w) =>
          w
            .where(`${ALIAS}.project_id = :project`, { project })
            .orWhere(`${ALIAS}.shared = true`)
            .orWhere(`${ALIAS}.router_external = true`),
        ),
      );
    }
    return qb;
  }
}
