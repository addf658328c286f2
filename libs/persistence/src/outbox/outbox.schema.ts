import { PersistenceSchema } from '../data-source/data-source-options';
import { CreateOutbox1764000000000 } from '../migrations/1764000000000-create-outbox';
import { OutboxEventEntity } from './outbox-event.entity';

export const outboxSchema: PersistenceSchema = {
  entities: [OutboxEventEntity],
  migrations: [CreateOutbox1764000000000],
};
