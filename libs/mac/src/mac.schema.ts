import { PersistenceSchema } from '@alcor/persistence';
import { MacAllocationEntity } from './domain/mac-allocation.entity';
import { MacRangeEntity } from './domain/mac-range.entity';
import { CreateMacAllocations1764000003000 } from './migrations/1764000003000-create-mac-allocations';

/** The MAC manager's tables (shared-nothing: no other manager reads them directly). */
export const macSchema: PersistenceSchema = {
  entities: [MacAllocationEntity, MacRangeEntity],
  migrations: [CreateMacAllocations1764000003000],
};
