import { PersistenceSchema } from '@alcor/persistence';
import { FloatingIpEntity } from './domain/floating-ip.entity';
import { CreateFloatingIps1764200001000 } from './migrations/1764200001000-create-floating-ips';
import { FloatingIpAssociationRevision1764200002000 } from './migrations/1764200002000-floating-ip-association-revision';

/** The floating-IP manager's tables. */
export const floatingIpSchema: PersistenceSchema = {
  entities: [FloatingIpEntity],
  migrations: [CreateFloatingIps1764200001000, FloatingIpAssociationRevision1764200002000],
};
