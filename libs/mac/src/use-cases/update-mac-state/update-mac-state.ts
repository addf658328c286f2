import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { MacAllocationEntity } from '../../domain/mac-allocation.entity';
import { MacAllocationRepository } from '../../domain/mac-allocation.repository';
import { MacKey, MacStateChanges } from '../../domain/mac-claim';
import { macAddressNotFound } from '../../domain/mac-errors';

/** Alcor's PUT /macs/{mac}: a new port, project or state for an allocated MAC (not a new MAC). */
@Injectable()
export class UpdateMacState {
  constructor(private readonly database: Database) {}

  execute(key: MacKey, changes: MacStateChanges): Promise<MacAllocationEntity> {
    return this.database.transaction(async (tx) => {
      const entity = await MacAllocationRepository.lock(tx, key.scope, key.macAddress);
      if (!entity) throw macAddressNotFound(key.scope, key.macAddress);
      if (changes.portId !== undefined) entity.portId = changes.portId;
      if (changes.projectId !== undefined) entity.projectId = changes.projectId;
      if (changes.state !== undefined) entity.state = changes.state;
      await tx.update(
        MacAllocationEntity,
        { scope: entity.scope, macAddress: entity.macAddress },
        { portId: entity.portId, projectId: entity.projectId, state: entity.state },
      );
      return entity;
    });
  }
}
