import { InvalidSubscribeOptionsError } from './errors';

/**
 * How the consumers of one subscription share its messages (Pulsar's subscription types):
 * - exclusive: one consumer; a second one is rejected.
 * - failover: one active consumer; when it leaves, the next takes over, unacked messages included.
 * - shared: round-robin over consumers; no ordering.
 * - key-shared: all messages of a key go to one consumer, first delivered in publish order.
 */
export type SubscriptionMode = 'exclusive' | 'shared' | 'failover' | 'key-shared';

export const SUBSCRIPTION_MODES: readonly SubscriptionMode[] = ['exclusive', 'shared', 'failover', 'key-shared'];

export interface SubscribeOptions {
  mode: SubscriptionMode;
  consumerName?: string;
  /**
   * With deadLetterTopic: a message nacked on its delivery with redeliveryCount >= maxRedeliveries
   * is moved there (so the handler sees it maxRedeliveries + 1 times). Without it: no effect.
   */
  maxRedeliveries?: number;
  /** Shared and key-shared only: Pulsar ignores dead-lettering on the other modes. */
  deadLetterTopic?: string;
  nackRedeliveryDelayMs?: number;
  /** Unacked messages this consumer may hold before delivery pauses (flow control). */
  receiverQueueSize?: number;
  /** Ack after the handler returns normally. Default false: the handler (or later code) acks. */
  autoAck?: boolean;
  /** Where a new subscription starts; ignored when the subscription already exists. Default latest. */
  initialPosition?: 'latest' | 'earliest';
}

export const DEFAULT_RECEIVER_QUEUE_SIZE = 1000;
/** Short, for tests and in-process use; also the Pulsar Java client's minimum. */
export const DEFAULT_NACK_REDELIVERY_DELAY_MS = 100;

export interface ResolvedSubscribeOptions {
  mode: SubscriptionMode;
  consumerName?: string;
  maxRedeliveries?: number;
  deadLetterTopic?: string;
  nackRedeliveryDelayMs: number;
  receiverQueueSize: number;
  autoAck: boolean;
  initialPosition: 'latest' | 'earliest';
}

/** Applies defaults and rejects what some adapter could not honour, so every adapter behaves alike. */
export function resolveSubscribeOptions(
  options: SubscribeOptions,
  defaults: { nackRedeliveryDelayMs?: number } = {},
): ResolvedSubscribeOptions {
  const invalid = (why: string) => new InvalidSubscribeOptionsError(`invalid subscribe options: ${why}`);
  if (!SUBSCRIPTION_MODES.includes(options.mode)) throw invalid(`unknown mode ${String(options.mode)}`);
  const resolved: ResolvedSubscribeOptions = {
    ...options,
    nackRedeliveryDelayMs: options.nackRedeliveryDelayMs ?? defaults.nackRedeliveryDelayMs ?? DEFAULT_NACK_REDELIVERY_DELAY_MS,
    receiverQueueSize: options.receiverQueueSize ?? DEFAULT_RECEIVER_QUEUE_SIZE,
    autoAck: options.autoAck ?? false,
    initialPosition: options.initialPosition ?? 'latest',
  };
  if (!Number.isInteger(resolved.receiverQueueSize) || resolved.receiverQueueSize < 1) {
    throw invalid('receiverQueueSize must be an integer >= 1');
  }
  if (!Number.isFinite(resolved.nackRedeliveryDelayMs) || resolved.nackRedeliveryDelayMs < 0) {
    throw invalid('nackRedeliveryDelayMs must be a finite number >= 0');
  }
  if (resolved.maxRedeliveries !== undefined && (!Number.isInteger(resolved.maxRedeliveries) || resolved.maxRedeliveries < 1)) {
    throw invalid('maxRedeliveries must be an integer >= 1 (Pulsar rejects 0)');
  }
  if (resolved.deadLetterTopic !== undefined) {
    if (!resolved.deadLetterTopic) throw invalid('deadLetterTopic must not be empty');
    if (resolved.maxRedeliveries === undefined) throw invalid('deadLetterTopic needs maxRedeliveries');
    if (resolved.mode !== 'shared' && resolved.mode !== 'key-shared') {
      // Pulsar only tracks redeliveries for shared and key-shared, so it would never dead-letter here.
      throw invalid(`dead-lettering needs mode shared or key-shared, not ${resolved.mode}`);
    }
  }
  if (resolved.initialPosition !== 'latest' && resolved.initialPosition !== 'earliest') {
    throw invalid(`unknown initialPosition ${String(resolved.initialPosition)}`);
  }
  return resolved;
}
