import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { MacAllocationEntity } from '../../domain/mac-allocation.entity';
import { MacAllocationRepository } from '../../domain/mac-allocation.repository';
import { MacKey } from '../../domain/mac-claim';
import { macAddressNotFound } from '../../domain/mac-errors';

@Injectable()
export class QueryMacs {
  constructor(private readonly database: Database) {}

  async get(key: MacKey): Promise<MacAllocationEntity> {
    const found = await this.database.read((em) => MacAllocationRepository.find(em, key.scope, key.macAddress));
    if (!found) throw macAddressNotFound(key.scope, key.macAddress);
    return found;
  }

  /** How many MACs are allocated: in one scope (network), or everywhere. */
  countUsed(scope?: string): Promise<number> {
    return this.database.read((em) => MacAllocationRepository.count(em, { scope }));
  }
}
