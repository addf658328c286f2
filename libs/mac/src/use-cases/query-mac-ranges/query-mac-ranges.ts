import { Injectable } from '@nestjs/common';
import { ListQuery } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { MacRangeEntity } from '../../domain/mac-range.entity';
import { MacRangeRepository } from '../../domain/mac-range.repository';

@Injectable()
export class QueryMacRanges {
  constructor(private readonly database: Database) {}

  get(id: string): Promise<MacRangeEntity> {
    return this.database.read((em) => MacRangeRepository.get(em, id));
  }

  /** Rows for one page (limit + 1, so the caller knows whether another page follows). */
  list(query: ListQuery): Promise<MacRangeEntity[]> {
    return this.database.read(async (em) => {
      const marker = query.marker ? await MacRangeRepository.get(em, query.marker) : undefined;
      return MacRangeRepository.list(em, query, marker);
    });
  }
}
