import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { numberToMac } from '../../domain/mac-address';
import { MacRangeEntity } from '../../domain/mac-range.entity';
import { MacRangeRepository } from '../../domain/mac-range.repository';
import { MAC_SETTINGS, MacSettings } from '../../generation/mac-settings';

/** At start: range0 = OUI:00:00:00-OUI:ff:ff:ff for the configured OUI (Alcor's default range). */
@Injectable()
export class EnsureDefaultMacRange {
  constructor(
    private readonly database: Database,
    @Inject(MAC_SETTINGS) private readonly settings: MacSettings,
  ) {}

  execute(): Promise<void> {
    const { rangeId, first, last } = this.settings.defaultSpan;
    return this.database.transaction(async (tx) => {
      const now = new Date();
      const range = tx.create(MacRangeEntity, { id: rangeId, from: numberToMac(first), to: numberToMac(last), state: 'Active', createdAt: now, updatedAt: now });
      await MacRangeRepository.upsert(tx, range);
    });
  }
}
