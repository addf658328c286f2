import { EntityManager } from 'typeorm';
import { UUID_PATTERN } from '@alcor/neutron-api';
import { IpRangeEntity } from './ip-range.entity';
import { subnetNotFound } from './ipam-errors';

const ALIAS = 'r';

/** Ranges by subnet id; an id that is not a UUID is simply not found. */
export class IpRangeRepository {
  /**
   * The range, locked FOR KEY SHARE: allocators on one subnet never wait for each other, while
   * an update or delete of the range (FOR UPDATE) waits until they commit, and they wait for it.
   * So a pool change or a delete always sees every allocation made under the old definition.
   */
  static lockForAllocation(tx: EntityManager, subnetId: string): Promise<IpRangeEntity> {
    return IpRangeRepository.locked(tx, subnetId, 'for_key_share');
  }

  /** The range, locked FOR UPDATE for a change of its definition or its deletion. */
  static lockForChange(tx: EntityManager, subnetId: string): Promise<IpRangeEntity> {
    return IpRangeRepository.locked(tx, subnetId, 'pessimistic_write');
  }

  static async find(em: EntityManager, subnetId: string): Promise<IpRangeEntity | null> {
    if (!UUID_PATTERN.test(subnetId)) return null;
    return em.getRepository(IpRangeEntity).findOneBy({ subnetId: subnetId.toLowerCase() });
  }

  static async get(em: EntityManager, subnetId: string): Promise<IpRangeEntity> {
    const range = await IpRangeRepository.find(em, subnetId);
    if (!range) throw subnetNotFound(subnetId);
    return range;
  }

  static list(em: EntityManager, subnetIds?: string[]): Promise<IpRangeEntity[]> {
    const qb = em.getRepository(IpRangeEntity).createQueryBuilder(ALIAS).orderBy(`${ALIAS}.created_at`).addOrderBy(`${ALIAS}.subnet_id`);
    if (subnetIds) {
      const ids = subnetIds.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase());
      if (ids.length === 0) return Promise.resolve([]);
      qb.where(`${ALIAS}.subnet_id IN (:...ids)`, { ids });
    }
    return qb.getMany();
  }

  /** Allocated addresses per subnet (subnets with none are absent). */
  static async usedCounts(em: EntityManager, subnetIds: string[]): Promise<Map<string, number>> {
    if (subnetIds.length === 0) return new Map();
    const rows: { subnet_id: string; used: string | number }[] = await em.query(
      'SELECT subnet_id, count(*) AS used FROM ip_allocations WHERE subnet_id = ANY($1::uuid[]) GROUP BY subnet_id',
      [subnetIds],
    );
    return new Map(rows.map((row) => [row.subnet_id, Number(row.used)]));
  }

  private static async locked(tx: EntityManager, subnetId: string, mode: 'for_key_share' | 'pessimistic_write'): Promise<IpRangeEntity> {
    if (!UUID_PATTERN.test(subnetId)) throw subnetNotFound(subnetId);
    const range = await tx
      .getRepository(IpRangeEntity)
      .createQueryBuilder(ALIAS)
      .setLock(mode)
      .where(`${ALIAS}.subnet_id = :id`, { id: subnetId.toLowerCase() })
      .getOne();
    if (!range) throw subnetNotFound(subnetId);
    return range;
  }
}
