import { Injectable } from '@nestjs/common';
import { conflict } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { refuseDefaultRange } from '../../domain/default-range';
import { MacAllocationRepository } from '../../domain/mac-allocation.repository';
import { MacRangeEntity } from '../../domain/mac-range.entity';
import { MacRangeRepository } from '../../domain/mac-range.repository';

/**
 * Deletes a range none of whose MACs is allocated. The row lock here and the foreign key from
 * mac_allocations make a concurrent allocation from the range either finish first (and we refuse)
 * or fail on the missing range.
 */
@Injectable()
export class DeleteMacRange {
  constructor(private readonly database: Database) {}

  execute(id: string): Promise<MacRangeEntity> {
    refuseDefaultRange(id, 'delete');
    return this.database.transaction(async (tx) => {
      const entity = await MacRangeRepository.lock(tx, id);
      const used = await MacAllocationRepository.count(tx, { rangeId: id });
      if (used > 0) throw conflict('MacRangeInUse', `MAC range ${id} has ${used} allocated MAC address(es) and cannot be deleted.`);
      await tx.delete(MacRangeEntity, { id });
      return entity;
    });
  }
}
