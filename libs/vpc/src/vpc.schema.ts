import { PersistenceSchema } from '@alcor/persistence';
import { NetworkEntity } from './domain/network.entity';
import { SegmentAllocationEntity } from './domain/segment-allocation.entity';
import { CreateNetworks1764000001000 } from './migrations/1764000001000-create-networks';

/** The VPC manager's tables (shared-nothing: no other manager reads them directly). */
export const vpcSchema: PersistenceSchema = {
  entities: [NetworkEntity, SegmentAllocationEntity],
  migrations: [CreateNetworks1764000001000],
};
