import { Brackets, EntityManager } from 'typeorm';
import { applyListQuery, columnValues, forbidden, ListQuery, notFound, UUID_PATTERN } from '@alcor/neutron-api';
import { SubnetEntity } from './subnet.entity';
import { SubnetVisibility } from './subnet-visibility';

const ALIAS = 's';

export const subnetNotFound = (id: string) => notFound('SubnetNotFound', `Subnet ${id} could not be found.`);

/** Queries on subnets, every one scoped by the caller's SubnetVisibility (the one place it is applied). */
export class SubnetRepository {
  static async getVisible(em: EntityManager, visibility: SubnetVisibility, id: string): Promise<SubnetEntity> {
    const found = UUID_PATTERN.test(id)
      ? await SubnetRepository.scoped(em, visibility).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne()
      : null;
    if (!found) throw subnetNotFound(id);
    return found;
  }

  /**
   * A subnet the caller owns (any, for an admin), row-locked for the rest of the transaction. A
   * subnet the caller only sees through a shared network answers 403, as Neutron does when the
   * caller may show but not change it; one it cannot see answers 404.
   */
  static async lockOwned(tx: EntityManager, visibility: SubnetVisibility, id: string, action: 'update_subnet' | 'delete_subnet' = 'update_subnet'): Promise<SubnetEntity> {
    if (!UUID_PATTERN.test(id)) throw subnetNotFound(id);
    const found = await tx
      .getRepository(SubnetEntity)
      .createQueryBuilder(ALIAS)
      .where(`${ALIAS}.id = :id`, { id: id.toLowerCase() })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw subnetNotFound(id);
    if (visibility.project !== undefined && found.projectId !== visibility.project) {
      if (visibility.sharedNetworkIds.includes(found.networkId)) throw forbidden(`(rule:${action}) is disallowed by policy`, 'PolicyNotAuthorized');
      throw subnetNotFound(id);
    }
    return found;
  }

  static list(em: EntityManager, visibility: SubnetVisibility, query: ListQuery, marker?: SubnetEntity): Promise<SubnetEntity[]> {
    return applyListQuery(SubnetRepository.scoped(em, visibility), ALIAS, query, marker ? columnValues(em, SubnetEntity, marker) : undefined).getMany();
  }

  /** Every subnet of a network, whoever owns it: for overlap checks and port addressing. */
  static ofNetwork(em: EntityManager, networkId: string): Promise<SubnetEntity[]> {
    return em.getRepository(SubnetEntity).find({ where: { networkId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every subnet of a network, row-locked: a network's delete takes them all with it. */
  static lockOfNetwork(tx: EntityManager, networkId: string): Promise<SubnetEntity[]> {
    return tx
      .getRepository(SubnetEntity)
      .createQueryBuilder(ALIAS)
      .where(`${ALIAS}.network_id = :networkId`, { networkId })
      .orderBy(`${ALIAS}.created_at`, 'ASC')
      .addOrderBy(`${ALIAS}.id`, 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  static byIds(em: EntityManager, visibility: SubnetVisibility, ids: string[]): Promise<SubnetEntity[]> {
    const valid = ids.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase());
    if (valid.length === 0) return Promise.resolve([]);
    return SubnetRepository.scoped(em, visibility).andWhere(`${ALIAS}.id IN (:...ids)`, { ids: valid }).getMany();
  }

  private static scoped(em: EntityManager, visibility: SubnetVisibility) {
    const qb = em.getRepository(SubnetEntity).createQueryBuilder(ALIAS);
    const { project, sharedNetworkIds } = visibility;
    if (project === undefined) return qb;
    if (sharedNetworkIds.length === 0) return qb.where(`${ALIAS}.project_id = :project`, { project });
    return qb.where(
      new Brackets((w) =>
        w.where(`${ALIAS}.project_id = :project`, { project }).orWhere(`${ALIAS}.network_id IN (:...sharedNetworkIds)`, { sharedNetworkIds: [...sharedNetworkIds] }),
      ),
    );
  }
}
