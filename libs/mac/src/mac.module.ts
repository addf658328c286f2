import { DynamicModule, Global, Module, OnModuleInit } from '@nestjs/common';
import { MAC_ALLOCATOR } from '@alcor/contracts';
import { ENVIRONMENT } from '@alcor/platform';
import { InProcessMacAllocator } from './client/in-process-mac.allocator';
import { cryptoRandomSource, MAC_RANDOM_SOURCE, MacRandomSource } from './generation/mac-random-source';
import { MAC_SETTINGS, macSettingsFrom } from './generation/mac-settings';
import { AlcorMacRangesController } from './http/alcor-mac-ranges.controller';
import { AlcorMacsController } from './http/alcor-macs.controller';
import { InternalMacAllocationsController } from './http/internal-mac-allocations.controller';
import { AllocateMacs } from './use-cases/allocate-macs/allocate-macs';
import { CreateMacRange } from './use-cases/create-mac-range/create-mac-range';
import { DeleteMacRange } from './use-cases/delete-mac-range/delete-mac-range';
import { EnsureDefaultMacRange } from './use-cases/ensure-default-mac-range/ensure-default-mac-range';
import { QueryMacRanges } from './use-cases/query-mac-ranges/query-mac-ranges';
import { QueryMacs } from './use-cases/query-macs/query-macs';
import { ReleaseMacs } from './use-cases/release-macs/release-macs';
import { UpdateMacRange } from './use-cases/update-mac-range/update-mac-range';
import { UpdateMacState } from './use-cases/update-mac-state/update-mac-state';

/**
 * The MAC manager (Alcor's VMM): MAC allocations unique per network, MAC ranges, Alcor's /macs API.
 * Global: its MAC_ALLOCATOR serves the port manager of the same process.
 */
@Global()
@Module({
  controllers: [AlcorMacRangesController, AlcorMacsController, InternalMacAllocationsController],
  providers: [
    { provide: MAC_SETTINGS, inject: [ENVIRONMENT], useFactory: macSettingsFrom },
    { provide: MAC_RANDOM_SOURCE, useValue: cryptoRandomSource },
    AllocateMacs,
    ReleaseMacs,
    UpdateMacState,
    QueryMacs,
    CreateMacRange,
    UpdateMacRange,
    DeleteMacRange,
    QueryMacRanges,
    EnsureDefaultMacRange,
    { provide: MAC_ALLOCATOR, useClass: InProcessMacAllocator },
  ],
  exports: [MAC_ALLOCATOR],
})
export class MacModule implements OnModuleInit {
  constructor(private readonly defaultRange: EnsureDefaultMacRange) {}

  /** Tests shrink the random space to force collisions; everything else stays as configured. */
  static withRandomSource(random: MacRandomSource): DynamicModule {
    return { module: MacModule, providers: [{ provide: MAC_RANDOM_SOURCE, useValue: random }] };
  }

  async onModuleInit(): Promise<void> {
    await this.defaultRange.execute();
  }
}
