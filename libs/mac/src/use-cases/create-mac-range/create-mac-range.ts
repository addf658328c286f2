import { Injectable } from '@nestjs/common';
import { conflict } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { MacRangeEntity } from '../../domain/mac-range.entity';
import { MacRangeRepository } from '../../domain/mac-range.repository';
import { checkRangeBounds, MacRangeDraft } from '../../domain/mac-range-rules';

@Injectable()
export class CreateMacRange {
  constructor(private readonly database: Database) {}

  execute(draft: MacRangeDraft): Promise<MacRangeEntity> {
    checkRangeBounds(draft.from, draft.to);
    return this.database.transaction(async (tx) => {
      const now = new Date();
      const entity = tx.create(MacRangeEntity, { ...draft, createdAt: now, updatedAt: now });
      if (!(await MacRangeRepository.insertIfAbsent(tx, entity))) {
        throw conflict('MacRangeExists', `MAC range ${draft.id} already exists.`);
      }
      return entity;
    });
  }
}
