import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { IpRangeEntity } from '../../domain/ip-range.entity';
import { IpRangeRepository } from '../../domain/ip-range.repository';
import { subnetInUse } from '../../domain/ipam-errors';
import { recordRangeChange } from '../../events/ip-events';

/**
 * Deletes a range that has no allocation. FOR UPDATE waits for in-flight allocators (FOR KEY
 * SHARE), so the check sees their rows; the foreign key of ip_allocations backs it up.
 */
@Injectable()
export class DeleteRange {
  constructor(private readonly database: Database) {}

  execute(subnetId: string): Promise<IpRangeEntity> {
    return this.database.transaction(async (tx) => {
      const range = await IpRangeRepository.lockForChange(tx, subnetId);
      const used: unknown[] = await tx.query('SELECT 1 FROM ip_allocations WHERE subnet_id = $1 LIMIT 1', [range.subnetId]);
      if (used.length > 0) throw subnetInUse(range.subnetId);
      await tx.delete(IpRangeEntity, { subnetId: range.subnetId });
      await recordRangeChange(tx, 'deleted', range);
      return range;
    });
  }
}
