import { publishText, range, recorder, texts, type ContractContext } from './contract-context';

/** Subscriptions as durable cursors: retention, start position, independence, order. */
export function describeCursorContract(ctx: ContractContext): void {
  describe('durable subscriptions', () => {
    it('keeps messages published while no consumer is connected and delivers them on reconnect', async () => {
      const topic = ctx.topic('retention');
      const first = recorder();
      const consumer = await ctx.bus().subscribe(topic, 'durable', { mode: 'exclusive' }, first.handler);
      await consumer.close();
      for (const body of ['away-1', 'away-2', 'away-3']) await publishText(ctx.bus(), topic, body);

      const back = recorder();
      await ctx.bus().subscribe(topic, 'durable', { mode: 'exclusive', initialPosition: 'latest' }, back.handler);
      await ctx.waitFor(() => back.messages.length >= 3, 'the retained messages');
      expect(texts(back.messages)).toEqual(['away-1', 'away-2', 'away-3']);
      expect(first.messages).toHaveLength(0);
    }, ctx.testTimeoutMs);

    it('starts a new subscription at the latest or the earliest retained message', async () => {
      const topic = ctx.topic('position');
      // An unacking subscription keeps the old messages stored (no retention policy is assumed).
      const holder = recorder({ ack: false });
      await ctx.bus().subscribe(topic, 'holder', { mode: 'exclusive' }, holder.handler);
      for (const body of ['old-1', 'old-2']) await publishText(ctx.bus(), topic, body);
      await ctx.waitFor(() => holder.messages.length === 2, 'the holder to see the old messages');

      const latest = recorder();
      const earliest = recorder();
      await ctx.bus().subscribe(topic, 'from-latest', { mode: 'exclusive', initialPosition: 'latest' }, latest.handler);
      await ctx.bus().subscribe(topic, 'from-earliest', { mode: 'exclusive', initialPosition: 'earliest' }, earliest.handler);
      await publishText(ctx.bus(), topic, 'new');
      await ctx.waitFor(() => latest.messages.length >= 1 && earliest.messages.length >= 3, 'both new subscriptions');
      expect(texts(latest.messages)).toEqual(['new']);
      expect(texts(earliest.messages)).toEqual(['old-1', 'old-2', 'new']);
    }, ctx.testTimeoutMs);

    it('gives every subscription on a topic every message', async () => {
      const topic = ctx.topic('fan-out');
      const x = recorder();
      const y = recorder();
      await ctx.bus().subscribe(topic, 'x', { mode: 'exclusive' }, x.handler);
      await ctx.bus().subscribe(topic, 'y', { mode: 'shared' }, y.handler);
      const sent = range(0, 10).map(String);
      for (const body of sent) await publishText(ctx.bus(), topic, body);
      await ctx.waitFor(() => x.messages.length >= 10 && y.messages.length >= 10, 'both subscriptions');
      expect(texts(x.messages)).toEqual(sent);
      expect(texts(y.messages).sort()).toEqual([...sent].sort());
    }, ctx.testTimeoutMs);

    it('exclusive: delivers in publish order, so per-key order holds', async () => {
      const topic = ctx.topic('ordered');
      const got = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, got.handler);
      const sent: string[] = [];
      for (const seq of range(0, 20)) {
        for (const key of ['a', 'b', 'c']) {
          sent.push(`${key}${seq}`);
          await publishText(ctx.bus(), topic, `${key}${seq}`, { key });
        }
      }
      await ctx.waitFor(() => got.messages.length >= sent.length, 'every message');
      expect(texts(got.messages)).toEqual(sent);
      for (const key of ['a', 'b', 'c']) {
        expect(got.messages.filter((m) => m.key === key).map((m) => texts([m])[0])).toEqual(range(0, 20).map((s) => `${key}${s}`));
      }
    }, ctx.testTimeoutMs);

    it('unsubscribe deletes the subscription: a new one with the same name starts afresh', async () => {
      const topic = ctx.topic('unsubscribe');
      const first = recorder();
      const consumer = await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, first.handler);
      await consumer.unsubscribe();
      await publishText(ctx.bus(), topic, 'while-gone');

      const again = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive', initialPosition: 'latest' }, again.handler);
      await publishText(ctx.bus(), topic, 'marker');
      await ctx.waitFor(() => again.messages.length >= 1, 'the marker');
      expect(texts(again.messages)).toEqual(['marker']);
    }, ctx.testTimeoutMs);
  });
}
