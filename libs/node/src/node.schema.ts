import { PersistenceSchema } from '@alcor/persistence';
import { NcmEntity } from './domain/ncm.entity';
import { NodeEntity } from './domain/node.entity';
import { CreateNodes1764000002000 } from './migrations/1764000002000-create-nodes';

/** The node manager's tables (shared-nothing: no other manager reads them directly). */
export const nodeSchema: PersistenceSchema = {
  entities: [NodeEntity, NcmEntity],
  migrations: [CreateNodes1764000002000],
};
