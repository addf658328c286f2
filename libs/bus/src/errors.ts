/** Base class, so callers can tell bus failures from their own. */
export class MessageBusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The subscription cannot take this consumer: an exclusive one already has a consumer, consumers of
 * another mode are connected, or others are still connected when unsubscribing (Pulsar's
 * ConsumerBusy / SubscriptionBusy; the WebSocket API answers the upgrade with 409).
 */
export class SubscriptionBusyError extends MessageBusError {}

/** The options cannot be honoured the same way by every adapter, so none accepts them. */
export class InvalidSubscribeOptionsError extends MessageBusError {}

/** The bus or the consumer is closed: nothing more is published, received or acknowledged. */
export class MessageBusClosedError extends MessageBusError {}
