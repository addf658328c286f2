import { EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery } from '@alcor/neutron-api';
import { macRangeNotFound } from './mac-errors';
import { MacRangeEntity } from './mac-range.entity';

const ALIAS = 'r';

export class MacRangeRepository {
  static async get(em: EntityManager, id: string): Promise<MacRangeEntity> {
    const found = await em.getRepository(MacRangeEntity).findOneBy({ id });
    if (!found) throw macRangeNotFound(id);
    return found;
  }

  /** The range, row-locked for the rest of the transaction, or MacRangeNotFound. */
  static async lock(tx: EntityManager, id: string): Promise<MacRangeEntity> {
    const found = await tx
      .getRepository(MacRangeEntity)
      .createQueryBuilder(ALIAS)
      .setLock('pessimistic_write')
      .where(`${ALIAS}.id = :id`, { id })
      .getOne();
    if (!found) throw macRangeNotFound(id);
    return found;
  }

  /** Inserts unless the id is taken; true when inserted. */
  static async insertIfAbsent(tx: EntityManager, range: MacRangeEntity): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO mac_ranges (id, from_mac, to_mac, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [range.id, range.from, range.to, range.state, range.createdAt, range.updatedAt],
    );
    return inserted.length === 1;
  }

  /** Writes the range whatever was there (the default range follows MAC_OUI). */
  static async upsert(tx: EntityManager, range: MacRangeEntity): Promise<void> {
    await tx.query(
      `INSERT INTO mac_ranges (id, from_mac, to_mac, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET from_mac = EXCLUDED.from_mac, to_mac = EXCLUDED.to_mac, state = EXCLUDED.state,
         updated_at = EXCLUDED.updated_at
       WHERE (mac_ranges.from_mac, mac_ranges.to_mac, mac_ranges.state) IS DISTINCT FROM (EXCLUDED.from_mac, EXCLUDED.to_mac, EXCLUDED.state)`,
      [range.id, range.from, range.to, range.state, range.createdAt, range.updatedAt],
    );
  }

  static list(em: EntityManager, query: ListQuery, marker?: MacRangeEntity): Promise<MacRangeEntity[]> {
    const qb = em.getRepository(MacRangeEntity).createQueryBuilder(ALIAS);
    return applyListQuery(qb, ALIAS, query, marker ? columnValues(em, MacRangeEntity, marker) : undefined).getMany();
  }
}
