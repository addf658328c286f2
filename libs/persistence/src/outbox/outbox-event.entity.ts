import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A change committed with the rows it describes, waiting to be published on the bus. */
@Entity({ name: 'outbox' })
export class OutboxEventEntity {
  // bigint identity: the order in which changes committed (per key, the order consumers see).
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 255 })
  topic!: string;

  @Column({ name: 'message_key', type: 'varchar', length: 255 })
  key!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 128 })
  eventType!: string;

  /** The event as JSON text (see the migration that made it text). */
  @Column({ type: 'text' })
  payload!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
