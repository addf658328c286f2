export * from './data-source/data-source-options';
export * from './data-source/database';
export * from './data-source/unique-violation';
export * from './outbox/outbox';
export * from './outbox/outbox-event.entity';
export * from './outbox/outbox-relay';
export * from './outbox/outbox.schema';
