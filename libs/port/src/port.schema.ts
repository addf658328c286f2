import { PersistenceSchema } from '@alcor/persistence';
import { PortFixedIpEntity } from './domain/port-fixed-ip.entity';
import { PortEntity } from './domain/port.entity';
import { CreatePorts1764000006000 } from './migrations/1764000006000-create-ports';

/** The port manager's tables. */
export const portSchema: PersistenceSchema = {
  entities: [PortEntity, PortFixedIpEntity],
  migrations: [CreatePorts1764000006000],
};
