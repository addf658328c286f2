import { EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound, RequestContext, scopeProject, UUID_PATTERN } from '@alcor/neutron-api';
import { RouterInterfaceEntity } from './router-interface.entity';
import { RouterEntity } from './router.entity';

const ALIAS = 'r';

export const routerNotFound = (id: string) => notFound('RouterNotFound', `Router ${id} could not be found`);

/** Queries on routers and their interfaces, every one scoped to the caller's project unless it is an admin. */
export class RouterRepository {
  static async getVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<RouterEntity> {
    const found = UUID_PATTERN.test(id) ? await RouterRepository.scoped(em, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne() : null;
    if (!found) throw routerNotFound(id);
    return found;
  }

  /** A router the caller owns, row-locked: interface and route changes of one router take turns. */
  static async lockOwned(tx: EntityManager, ctx: RequestContext, id: string): Promise<RouterEntity> {
    if (!UUID_PATTERN.test(id)) throw routerNotFound(id);
    const found = await RouterRepository.scoped(tx, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).setLock('pessimistic_write').getOne();
    if (!found) throw routerNotFound(id);
    return found;
  }

  static list(em: EntityManager, ctx: RequestContext, query: ListQuery, marker?: RouterEntity): Promise<RouterEntity[]> {
    return applyListQuery(RouterRepository.scoped(em, ctx), ALIAS, query, marker ? columnValues(em, RouterEntity, marker) : undefined).getMany();
  }

  static interfacesOf(em: EntityManager, routerId: string): Promise<RouterInterfaceEntity[]> {
    return em.getRepository(RouterInterfaceEntity).find({ where: { routerId }, order: { createdAt: 'ASC', portId: 'ASC' } });
  }

  static interfaceOnSubnet(em: EntityManager, subnetId: string): Promise<RouterInterfaceEntity | null> {
    return em.getRepository(RouterInterfaceEntity).findOne({ where: { subnetId } });
  }

  /** Neutron's get_router_for_floatingip: the router with an interface on the subnet and its gateway on the network. */
  static async routerForFloatingIp(em: EntityManager, subnetId: string, externalNetworkId: string): Promise<string | undefined> {
    const rows: { id: string }[] = await em.query(
      `SELECT r.id FROM router_interfaces i JOIN routers r ON r.id = i.router_id
        WHERE i.subnet_id = $1 AND r.gw_network_id = $2 ORDER BY r.created_at LIMIT 1`,
      [subnetId, externalNetworkId],
    );
    return rows[0]?.id;
  }

  private static scoped(em: EntityManager, ctx: RequestContext) {
    const qb = em.getRepository(RouterEntity).createQueryBuilder(ALIAS);
    const project = scopeProject(ctx);
    if (project !== undefined) qb.where(`${ALIAS}.project_id = :project`, { project });
    return qb;
  }
}
