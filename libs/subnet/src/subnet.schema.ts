import { PersistenceSchema } from '@alcor/persistence';
import { SubnetEntity } from './domain/subnet.entity';
import { CreateSubnets1764000005000 } from './migrations/1764000005000-create-subnets';

/** The subnet manager's tables. */
export const subnetSchema: PersistenceSchema = {
  entities: [SubnetEntity],
  migrations: [CreateSubnets1764000005000],
};
