import { PersistenceSchema } from '../data-source/data-source-options';
import { CreateOutbox1764000000000 } from '../migrations/1764000000000-create-outbox';
import { OutboxPayloadText1764400000000 } from '../migrations/1764400000000-outbox-payload-text';
import { OutboxEventEntity } from './outbox-event.entity';

export const outboxSchema: PersistenceSchema = {
  entities: [OutboxEventEntity],
  migrations: [CreateOutbox1764000000000, OutboxPayloadText1764400000000],
};
