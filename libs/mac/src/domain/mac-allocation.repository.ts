import { EntityManager } from 'typeorm';
import { MacAllocationEntity } from './mac-allocation.entity';

/** Queries on mac_allocations; the MAC manager's API is admin-only, so nothing is project-scoped. */
export class MacAllocationRepository {
  /**
   * Inserts the row unless (scope, mac) is taken. The primary key arbitrates between concurrent
   * allocators; DO NOTHING keeps the caller's transaction usable, so it can retry another MAC.
   */
  static async insertIfAbsent(tx: EntityManager, row: MacAllocationEntity): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO mac_allocations (scope, mac_address, port_id, project_id, range_id, state, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (scope, mac_address) DO NOTHING
       RETURNING mac_address`,
      [row.scope, row.macAddress, row.portId, row.projectId, row.rangeId, row.state, row.createdAt],
    );
    return inserted.length === 1;
  }

  /**
   * insertIfAbsent for many rows in one statement; returns the MACs that were inserted (per
   * scope: `${scope}/${mac}`). Rows are inserted in key order, so two callers whose candidates
   * overlap take the row locks in the same order.
   */
  static async insertManyIfAbsent(tx: EntityManager, rows: MacAllocationEntity[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const sorted = [...rows].sort((a, b) => (macKey(a) < macKey(b) ? -1 : 1));
    const column = <K extends keyof MacAllocationEntity>(k: K) => sorted.map((r) => r[k]);
    const inserted: { scope: string; mac_address: string }[] = await tx.query(
      `INSERT INTO mac_allocations (scope, mac_address, port_id, project_id, range_id, state, created_at)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::timestamptz[])
       ON CONFLICT (scope, mac_address) DO NOTHING
       RETURNING scope, mac_address`,
      [column('scope'), column('macAddress'), column('portId'), column('projectId'), column('rangeId'), column('state'), column('createdAt')],
    );
    return new Set(inserted.map((r) => `${r.scope}/${r.mac_address}`));
  }

  static find(em: EntityManager, scope: string, macAddress: string): Promise<MacAllocationEntity | null> {
    return em.getRepository(MacAllocationEntity).findOneBy({ scope, macAddress });
  }

  /** The row, locked for the rest of the transaction. */
  static lock(tx: EntityManager, scope: string, macAddress: string): Promise<MacAllocationEntity | null> {
    return tx
      .getRepository(MacAllocationEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.scope = :scope AND m.mac_address = :macAddress', { scope, macAddress })
      .getOne();
  }

  /** Deletes the row if present; true when it was. */
  static async remove(tx: EntityManager, scope: string, macAddress: string): Promise<boolean> {
    const deleted: unknown[] = await tx.query('DELETE FROM mac_allocations WHERE scope = $1 AND mac_address = $2 RETURNING mac_address', [
      scope,
      macAddress,
    ]);
    return deleted.length > 0;
  }

  static count(em: EntityManager, filter: { scope?: string; rangeId?: string } = {}): Promise<number> {
    const qb = em.getRepository(MacAllocationEntity).createQueryBuilder('m');
    if (filter.scope !== undefined) qb.andWhere('m.scope = :scope', { scope: filter.scope });
    if (filter.rangeId !== undefined) qb.andWhere('m.range_id = :rangeId', { rangeId: filter.rangeId });
    return qb.getCount();
  }
}

function macKey(row: MacAllocationEntity): string {
  return `${row.scope}/${row.macAddress}`;
}
