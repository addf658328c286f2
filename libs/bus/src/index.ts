export type { MessageBus, OutgoingMessage, PublishResult } from './message-bus';
export type { MessageHandler, ReceivedMessage } from './received-message';
export type { Subscription } from './subscription';
export {
  DEFAULT_NACK_REDELIVERY_DELAY_MS,
  DEFAULT_RECEIVER_QUEUE_SIZE,
  SUBSCRIPTION_MODES,
  resolveSubscribeOptions,
  type ResolvedSubscribeOptions,
  type SubscribeOptions,
  type SubscriptionMode,
} from './subscribe-options';
export { InvalidSubscribeOptionsError, MessageBusClosedError, MessageBusError, SubscriptionBusyError } from './errors';
export { DEAD_LETTER_ORIGIN_MESSAGE_ID, DEAD_LETTER_REAL_TOPIC } from './dead-letter';
export { MESSAGE_BUS } from './message-bus.token';
export { decodeJson, publishJson, type JsonPublishOptions } from './json';
export {
  InMemoryMessageBus,
  type InMemoryMessageBusOptions,
  type TopicInspection,
} from './in-memory/in-memory-message-bus';
export {
  PulsarWebSocketMessageBus,
  type PulsarWebSocketMessageBusOptions,
} from './pulsar/pulsar-message-bus';
export { PulsarAdmin, PulsarAdminError, type PulsarAdminOptions } from './pulsar/pulsar-admin';
export { parseTopicName, type PulsarTopicName } from './pulsar/topic-name';
