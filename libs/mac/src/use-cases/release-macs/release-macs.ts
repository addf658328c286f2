import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { MacAllocationEntity } from '../../domain/mac-allocation.entity';
import { MacAllocationRepository } from '../../domain/mac-allocation.repository';
import { MacKey } from '../../domain/mac-claim';
import { macAddressNotFound } from '../../domain/mac-errors';

/** Frees MACs: the row goes, so the MAC can be allocated again (in the caller's transaction, if any). */
@Injectable()
export class ReleaseMacs {
  constructor(private readonly database: Database) {}

  /** Idempotent: a MAC that is not allocated is skipped. Returns how many were freed. */
  execute(keys: MacKey[]): Promise<number> {
    return this.database.transaction(async (tx) => {
      let released = 0;
      for (const key of keys) if (await MacAllocationRepository.remove(tx, key.scope, key.macAddress)) released++;
      return released;
    });
  }

  /** Alcor's DELETE /macs/{mac}: the allocation as it was, or MacAddressNotFound. */
  releaseOne(key: MacKey): Promise<MacAllocationEntity> {
    return this.database.transaction(async (tx) => {
      const entity = await MacAllocationRepository.lock(tx, key.scope, key.macAddress);
      if (!entity) throw macAddressNotFound(key.scope, key.macAddress);
      await MacAllocationRepository.remove(tx, key.scope, key.macAddress);
      return entity;
    });
  }
}
