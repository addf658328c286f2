import { SubscriptionBusyError } from '../../errors';
import type { ReceivedMessage } from '../../received-message';
import type { Subscription } from '../../subscription';
import { publishText, range, recorder, text, texts, type ContractContext } from './contract-context';

/** How the consumers of one subscription share it, per mode. */
export function describeModesContract(ctx: ContractContext): void {
  describe('subscription modes', () => {
    it('exclusive: rejects a second consumer, and takes a new one once the first has left', async () => {
      const topic = ctx.topic('exclusive');
      const ignore = recorder();
      const first = await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, ignore.handler);
      await expect(ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, ignore.handler)).rejects.toBeInstanceOf(
        SubscriptionBusyError,
      );
      // Other subscriptions on the topic are independent.
      await ctx.bus().subscribe(topic, 'other', { mode: 'exclusive' }, ignore.handler);

      await first.close();
      const next = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, next.handler);
      await publishText(ctx.bus(), topic, 'after');
      await ctx.waitFor(() => next.messages.length === 1, 'delivery to the new consumer');
      expect(texts(next.messages)).toEqual(['after']);
    }, ctx.testTimeoutMs);

    it('shared: spreads messages over the consumers, each delivered once', async () => {
      const topic = ctx.topic('shared');
      const a = recorder();
      const b = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'shared' }, a.handler);
      await ctx.bus().subscribe(topic, 'sub', { mode: 'shared' }, b.handler);
      const sent = range(0, 100).map(String);
      for (const body of sent) await publishText(ctx.bus(), topic, body);
      const all = () => [...texts(a.messages), ...texts(b.messages)];
      await ctx.waitFor(() => new Set(all()).size === sent.length, 'every message');

      expect(a.messages.length).toBeGreaterThan(0);
      expect(b.messages.length).toBeGreaterThan(0);
      expect(all().sort()).toEqual([...sent].sort());
    }, ctx.testTimeoutMs);

    it('failover: one consumer receives; when it leaves the other gets its unacked messages and the rest', async () => {
      const topic = ctx.topic('failover');
      const received: ReceivedMessage[][] = [[], []];
      let activeLeft = false;
      const handlerFor = (i: number) => async (m: ReceivedMessage) => {
        received[i].push(m);
        // The first active consumer acks 0-4 only; 5-9 stay unacked when it leaves.
        if (activeLeft || Number(text(m)) < 5) await m.ack();
      };
      const consumers: Subscription[] = [];
      for (const i of [0, 1]) {
        consumers.push(await ctx.bus().subscribe(topic, 'sub', { mode: 'failover', consumerName: `c${i}` }, handlerFor(i)));
      }
      for (const n of range(0, 10)) await publishText(ctx.bus(), topic, String(n));
      await ctx.waitFor(() => received.some((r) => r.length === 10), 'one consumer to get all ten');

      const active = received[0].length > 0 ? 0 : 1;
      const standby = 1 - active;
      expect(received[standby]).toHaveLength(0);
      expect(texts(received[active])).toEqual(range(0, 10).map(String));

      activeLeft = true;
      await consumers[active].close();
      await ctx.waitFor(() => received[standby].length >= 5, 'the unacked messages to fail over');
      for (const n of range(10, 15)) await publishText(ctx.bus(), topic, String(n));
      await ctx.waitFor(() => received[standby].length >= 10, 'the later messages');
      expect(texts(received[standby])).toEqual(range(5, 15).map(String));
    }, ctx.testTimeoutMs);

    it('key-shared: each key is handled by exactly one consumer, in publish order', async () => {
      const topic = ctx.topic('key-shared');
      const seen: { consumer: number; key: string; seq: number }[] = [];
      for (const consumer of [0, 1, 2]) {
        await ctx.bus().subscribe(topic, 'sub', { mode: 'key-shared', consumerName: `c${consumer}` }, async (m) => {
          seen.push({ consumer, key: m.key ?? '', seq: Number(text(m)) });
          await m.ack();
        });
      }
      const keys = range(0, 20).map((k) => `key-${k}`);
      for (const seq of range(0, 10)) {
        for (const key of keys) await publishText(ctx.bus(), topic, String(seq), { key });
      }
      await ctx.waitFor(() => seen.length >= 200, 'all 200 messages');

      expect(seen).toHaveLength(200);
      for (const key of keys) {
        const ofKey = seen.filter((s) => s.key === key);
        expect({ key, consumers: new Set(ofKey.map((s) => s.consumer)).size }).toEqual({ key, consumers: 1 });
        expect({ key, order: ofKey.map((s) => s.seq) }).toEqual({ key, order: range(0, 10) });
      }
    }, ctx.testTimeoutMs);

    it('key-shared: redelivers a nacked message to the consumer owning its key; first deliveries keep publish order', async () => {
      const topic = ctx.topic('key-shared-nack');
      const seen: { consumer: number; key: string; seq: number; redeliveryCount: number }[] = [];
      for (const consumer of [0, 1, 2]) {
        const options = { mode: 'key-shared' as const, consumerName: `c${consumer}`, nackRedeliveryDelayMs: 100 };
        await ctx.bus().subscribe(topic, 'sub', options, async (m) => {
          seen.push({ consumer, key: m.key ?? '', seq: Number(text(m)), redeliveryCount: m.redeliveryCount });
          await (m.redeliveryCount === 0 ? m.nack() : m.ack());
        });
      }
      const keys = range(0, 6).map((k) => `key-${k}`);
      for (const seq of range(0, 3)) {
        for (const key of keys) await publishText(ctx.bus(), topic, String(seq), { key });
      }
      const acked = () => seen.filter((s) => s.redeliveryCount > 0);
      await ctx.waitFor(() => acked().length >= 18, 'every message to be redelivered and acked');

      expect(acked()).toHaveLength(18);
      for (const key of keys) {
        const ofKey = seen.filter((s) => s.key === key);
        expect({ key, consumers: new Set(ofKey.map((s) => s.consumer)).size }).toEqual({ key, consumers: 1 });
        const firstDeliveries = ofKey.filter((s) => s.redeliveryCount === 0).map((s) => s.seq);
        expect({ key, order: firstDeliveries }).toEqual({ key, order: range(0, 3) });
      }
    }, ctx.testTimeoutMs);
  });
}
