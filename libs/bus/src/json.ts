import type { MessageBus, PublishResult } from './message-bus';
import type { ReceivedMessage } from './received-message';

export interface JsonPublishOptions {
  key?: string;
  properties?: Record<string, string>;
}

/** Publishes a value as UTF-8 JSON. */
export function publishJson(
  bus: MessageBus,
  topic: string,
  value: unknown,
  options: JsonPublishOptions = {},
): Promise<PublishResult> {
  const text = JSON.stringify(value);
  // JSON.stringify(undefined) and functions yield undefined: refuse instead of sending "undefined".
  if (text === undefined) return Promise.reject(new TypeError('publishJson: value has no JSON form'));
  return bus.publish(topic, { key: options.key, payload: Buffer.from(text, 'utf8'), properties: options.properties });
}

/**
 * Parses a UTF-8 JSON payload. Pass a parser (e.g. a zod schema's `parse`) to get a checked type;
 * a throw inside a handler nacks the message, so malformed payloads end up dead-lettered.
 */
export function decodeJson(message: Pick<ReceivedMessage, 'payload'>): unknown;
export function decodeJson<T>(message: Pick<ReceivedMessage, 'payload'>, parse: (value: unknown) => T): T;
export function decodeJson<T>(message: Pick<ReceivedMessage, 'payload'>, parse?: (value: unknown) => T): T | unknown {
  const value: unknown = JSON.parse(message.payload.toString('utf8'));
  return parse ? parse(value) : value;
}
