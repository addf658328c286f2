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
