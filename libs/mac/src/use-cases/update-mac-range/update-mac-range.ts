import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { refuseDefaultRange } from '../../domain/default-range';
import { MacRangeEntity } from '../../domain/mac-range.entity';
import { MacRangeRepository } from '../../domain/mac-range.repository';
import { checkRangeBounds, MacRangeChanges } from '../../domain/mac-range-rules';

/** New bounds or state; MACs already allocated from the range stay allocated. */
@Injectable()
export class UpdateMacRange {
  constructor(private readonly database: Database) {}

  execute(id: string, changes: MacRangeChanges): Promise<MacRangeEntity> {
    refuseDefaultRange(id, 'update');
    return this.database.transaction(async (tx) => {
      const entity = await MacRangeRepository.lock(tx, id);
      const next = { from: changes.from ?? entity.from, to: changes.to ?? entity.to, state: changes.state ?? entity.state };
      checkRangeBounds(next.from, next.to);
      if (next.from === entity.from && next.to === entity.to && next.state === entity.state) return entity;
      Object.assign(entity, next, { updatedAt: new Date() });
      await tx.update(MacRangeEntity, { id }, { ...next, updatedAt: entity.updatedAt });
      return entity;
    });
  }
}
