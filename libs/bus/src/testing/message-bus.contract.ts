import { randomBytes } from 'node:crypto';
import type { MessageBus } from '../message-bus';
import type { ContractContext } from './contract/contract-context';
import { describeCursorContract } from './contract/cursor.contract';
import { describeDeliveryContract } from './contract/delivery.contract';
import { describeModesContract } from './contract/modes.contract';
import { waitFor } from './wait-for';

export interface MessageBusContractOptions {
  /** Prepended to every topic name (e.g. a namespace an adapter maps, or a per-run marker). */
  topicPrefix?: string;
  /** Longest wait for any expected delivery. Default 10 s, enough for a real broker's failover delay. */
  timeoutMs?: number;
}

/**
 * The behaviour every MessageBus adapter must show (see README.md for what is and is not asserted).
 * Each test gets a fresh bus from makeBus and unique topic names, so it can run against a shared
 * real broker; waits poll with a timeout instead of sleeping.
 */
export function describeMessageBusContract(
  name: string,
  makeBus: () => Promise<MessageBus>,
  options: MessageBusContractOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const prefix = options.topicPrefix ?? 'contract-';
  let bus: MessageBus | undefined;

  const ctx: ContractContext = {
    bus: () => {
      if (!bus) throw new Error('no bus: makeBus failed or the test runs outside the contract');
      return bus;
    },
    topic: (topicName) => `${prefix}${topicName}-${randomBytes(6).toString('hex')}`,
    waitFor: (condition, what) => waitFor(condition, what, timeoutMs),
    testTimeoutMs: timeoutMs * 3 + 5_000,
  };

  describe(`MessageBus contract: ${name}`, () => {
    beforeEach(async () => {
      bus = await makeBus();
    }, timeoutMs);

    afterEach(async () => {
      await bus?.close();
      bus = undefined;
    }, timeoutMs);

    describeDeliveryContract(ctx);
    describeModesContract(ctx);
    describeCursorContract(ctx);
  });
}
