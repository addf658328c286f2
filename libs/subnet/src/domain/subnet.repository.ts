import { EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound, RequestContext, scopeProject, UUID_PATTERN } from '@alcor/neutron-api';
import { SubnetEntity } from './subnet.entity';

const ALIAS = 's';

export const subnetNotFound = (id: string) => notFound('SubnetNotFound', `Subnet ${id} could not be found.`);

/** Queries on subnets, every one scoped to the caller's project unless it is an admin. */
export class SubnetRepository {
  static async getVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<SubnetEntity> {
    const found = UUID_PATTERN.test(id)
      ? await SubnetRepository.scoped(em, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne()
      : null;
    if (!found) throw subnetNotFound(id);
    return found;
  }

  /** A subnet the caller owns, row-locked for the rest of the transaction. */
  static async lockOwned(tx: EntityManager, ctx: RequestContext, id: string): Promise<SubnetEntity> {
    if (!UUID_PATTERN.test(id)) throw subnetNotFound(id);
    const found = await SubnetRepository.scoped(tx, ctx)
      .andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw subnetNotFound(id);
    return found;
  }

  static list(em: EntityManager, ctx: RequestContext, query: ListQuery, marker?: SubnetEntity): Promise<SubnetEntity[]> {
    return applyListQuery(SubnetRepository.scoped(em, ctx), ALIAS, query, marker ? columnValues(em, SubnetEntity, marker) : undefined).getMany();
  }

  /** Every subnet of a network, whoever owns it: for overlap checks and port addressing. */
  static ofNetwork(em: EntityManager, networkId: string): Promise<SubnetEntity[]> {
    return em.getRepository(SubnetEntity).find({ where: { networkId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  static byIds(em: EntityManager, ctx: RequestContext, ids: string[]): Promise<SubnetEntity[]> {
    const valid = ids.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase());
    if (valid.length === 0) return Promise.resolve([]);
    return SubnetRepository.scoped(em, ctx).andWhere(`${ALIAS}.id IN (:...ids)`, { ids: valid }).getMany();
  }

  private static scoped(em: EntityManager, ctx: RequestContext) {
    const qb = em.getRepository(SubnetEntity).createQueryBuilder(ALIAS);
    const project = scopeProject(ctx);
    if (project !== undefined) qb.where(`${ALIAS}.project_id = :project`, { project });
    return qb;
  }
}
