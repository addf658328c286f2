import { PersistenceSchema } from '@alcor/persistence';
import { IpAllocationEntity } from './domain/ip-allocation.entity';
import { IpRangeEntity } from './domain/ip-range.entity';
import { CreateIpTables1764000004000 } from './migrations/1764000004000-create-ip-tables';

/** The Private IP manager's tables (shared-nothing: no other manager reads them directly). */
export const ipamSchema: PersistenceSchema = {
  entities: [IpRangeEntity, IpAllocationEntity],
  migrations: [CreateIpTables1764000004000],
};
