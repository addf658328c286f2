import type { MessageBus, OutgoingMessage } from '../../message-bus';
import type { MessageHandler, ReceivedMessage } from '../../received-message';

/** What every contract section gets from describeMessageBusContract. */
export interface ContractContext {
  /** The bus of the running test (a fresh one per test). */
  bus(): MessageBus;
  /** A topic name no other test, or earlier run against the same broker, has used. */
  topic(name: string): string;
  waitFor(condition: () => boolean, what: string): Promise<void>;
  /** Per-test jest timeout. */
  testTimeoutMs: number;
}

export function text(message: Pick<ReceivedMessage, 'payload'>): string {
  return message.payload.toString('utf8');
}

export function texts(messages: readonly Pick<ReceivedMessage, 'payload'>[]): string[] {
  return messages.map(text);
}

export function publishText(
  bus: MessageBus,
  topic: string,
  body: string,
  extra: Omit<OutgoingMessage, 'payload'> = {},
): Promise<{ messageId: string }> {
  return bus.publish(topic, { ...extra, payload: Buffer.from(body, 'utf8') });
}

/** A handler that records every delivery and, unless told otherwise, acks it. */
export function recorder(options: { ack?: boolean } = {}): { messages: ReceivedMessage[]; handler: MessageHandler } {
  const messages: ReceivedMessage[] = [];
  return {
    messages,
    handler: async (message) => {
      messages.push(message);
      if (options.ack ?? true) await message.ack();
    },
  };
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
