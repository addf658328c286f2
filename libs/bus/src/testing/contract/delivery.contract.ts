import { DEAD_LETTER_REAL_TOPIC } from '../../dead-letter';
import type { ReceivedMessage } from '../../received-message';
import type { SubscriptionMode } from '../../subscribe-options';
import { publishText, recorder, text, texts, type ContractContext } from './contract-context';

/** Contents, acknowledgement, redelivery and dead-lettering. */
export function describeDeliveryContract(ctx: ContractContext): void {
  const NACK_DELAY_MS = 100;

  describe('delivery', () => {
    it('delivers payload bytes, key and properties intact', async () => {
      const topic = ctx.topic('intact');
      const got = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, got.handler);
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const before = Date.now();
      const first = await ctx.bus().publish(topic, { key: 'key-1', payload: bytes, properties: { a: '1', 'b.c': 'x y' } });
      const second = await ctx.bus().publish(topic, { payload: new Uint8Array([7, 0, 7]) });
      await ctx.waitFor(() => got.messages.length === 2, 'both messages');

      const [withKey, withoutKey] = got.messages;
      expect(typeof first.messageId).toBe('string');
      expect(first.messageId).not.toBe(second.messageId);
      expect(Buffer.isBuffer(withKey.payload)).toBe(true);
      expect([...withKey.payload]).toEqual([...bytes]);
      expect(withKey.key).toBe('key-1');
      expect(withKey.properties).toEqual({ a: '1', 'b.c': 'x y' });
      expect(withKey.topic).toBe(topic);
      expect(withKey.redeliveryCount).toBe(0);
      expect(withKey.messageId).not.toBe(withoutKey.messageId);
      // Broker clock on the same machine: allow a little skew.
      expect(withKey.publishTime).toBeGreaterThanOrEqual(before - 1000);
      expect(withKey.publishTime).toBeLessThanOrEqual(Date.now() + 1000);
      expect([...withoutKey.payload]).toEqual([7, 0, 7]);
      expect(withoutKey.key).toBeUndefined();
      expect(withoutKey.properties).toEqual({});
    }, ctx.testTimeoutMs);

    it('does not redeliver acked messages, not even to a later consumer', async () => {
      const topic = ctx.topic('acked');
      const first = recorder();
      const consumer = await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, first.handler);
      for (const body of ['a', 'b', 'c']) await publishText(ctx.bus(), topic, body);
      await ctx.waitFor(() => first.messages.length === 3, 'three messages');
      await consumer.close();

      // Anything unacked would reach the next consumer before a message published after it.
      const second = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, second.handler);
      await publishText(ctx.bus(), topic, 'marker');
      await ctx.waitFor(() => texts(second.messages).includes('marker'), 'the marker');
      expect(texts(second.messages)).toEqual(['marker']);
    }, ctx.testTimeoutMs);

    it('redelivers a nacked message with redeliveryCount incremented (shared)', async () => {
      const topic = ctx.topic('nack');
      const got: ReceivedMessage[] = [];
      await ctx.bus().subscribe(topic, 'sub', { mode: 'shared', nackRedeliveryDelayMs: NACK_DELAY_MS }, async (m) => {
        got.push(m);
        await (m.redeliveryCount < 2 ? m.nack() : m.ack());
      });
      await publishText(ctx.bus(), topic, 'retry me', { key: 'k', properties: { p: 'v' } });
      await ctx.waitFor(() => got.length === 3, 'two redeliveries');

      expect(got.map((m) => m.redeliveryCount)).toEqual([0, 1, 2]);
      expect(new Set(got.map((m) => m.messageId)).size).toBe(1);
      for (const m of got) {
        expect(text(m)).toBe('retry me');
        expect(m.key).toBe('k');
        expect(m.properties).toEqual({ p: 'v' });
      }
    }, ctx.testTimeoutMs);

    it.each<SubscriptionMode>(['exclusive', 'shared'])('treats a handler that throws as a nack (%s)', async (mode) => {
      const topic = ctx.topic(`throw-${mode}`);
      const got: ReceivedMessage[] = [];
      await ctx.bus().subscribe(topic, 'sub', { mode, nackRedeliveryDelayMs: NACK_DELAY_MS }, async (m) => {
        got.push(m);
        if (got.length === 1) throw new Error('handler failed (expected by the test)');
        await m.ack();
      });
      await publishText(ctx.bus(), topic, 'fragile');
      await ctx.waitFor(() => got.length === 2, 'the redelivery');

      expect(texts(got)).toEqual(['fragile', 'fragile']);
      expect(got[1].messageId).toBe(got[0].messageId);
      // Pulsar counts redeliveries only for shared and key-shared.
      if (mode === 'shared') expect(got[1].redeliveryCount).toBe(1);
    }, ctx.testTimeoutMs);

    it('moves a message to the dead-letter topic after maxRedeliveries, keeping key and properties', async () => {
      const topic = ctx.topic('poison');
      const deadLetterTopic = ctx.topic('poison-dlq');
      const dead = recorder();
      await ctx.bus().subscribe(deadLetterTopic, 'dlq-reader', { mode: 'exclusive' }, dead.handler);
      const attempts: ReceivedMessage[] = [];
      const others = recorder();
      const options = { mode: 'shared' as const, maxRedeliveries: 2, deadLetterTopic, nackRedeliveryDelayMs: NACK_DELAY_MS };
      await ctx.bus().subscribe(topic, 'sub', options, async (m) => {
        if (text(m) !== 'poison') return others.handler(m);
        attempts.push(m);
        await m.nack();
      });
      await publishText(ctx.bus(), topic, 'poison', { key: 'bad', properties: { kind: 'test' } });
      await ctx.waitFor(() => dead.messages.length === 1, 'the dead-lettered message');

      expect(attempts.map((m) => m.redeliveryCount)).toEqual([0, 1, 2]);
      const [letter] = dead.messages;
      expect(text(letter)).toBe('poison');
      expect(letter.key).toBe('bad');
      expect(letter.properties.kind).toBe('test');
      expect(letter.properties[DEAD_LETTER_REAL_TOPIC]).toContain(topic);

      await publishText(ctx.bus(), topic, 'marker');
      await ctx.waitFor(() => others.messages.length === 1, 'the marker');
      expect(attempts).toHaveLength(3);
    }, ctx.testTimeoutMs);

    it('does not ack on its own: a message left unacked goes to the next consumer', async () => {
      const topic = ctx.topic('no-auto-ack');
      const first = recorder({ ack: false });
      const consumer = await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, first.handler);
      await publishText(ctx.bus(), topic, 'unacked');
      await ctx.waitFor(() => first.messages.length === 1, 'the first delivery');
      await consumer.close();

      const second = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, second.handler);
      await ctx.waitFor(() => second.messages.length === 1, 'the redelivery to the second consumer');
      expect(text(second.messages[0])).toBe('unacked');
      expect(second.messages[0].messageId).toBe(first.messages[0].messageId);
    }, ctx.testTimeoutMs);

    it('with autoAck, acks once the handler returns and nacks when it throws', async () => {
      const topic = ctx.topic('auto-ack');
      const got: ReceivedMessage[] = [];
      const options = { mode: 'exclusive' as const, autoAck: true, nackRedeliveryDelayMs: NACK_DELAY_MS };
      const consumer = await ctx.bus().subscribe(topic, 'sub', options, (m) => {
        got.push(m);
        if (got.length === 1) throw new Error('handler failed (expected by the test)');
      });
      await publishText(ctx.bus(), topic, 'once');
      await ctx.waitFor(() => got.length === 2, 'the redelivery after the throw');
      await consumer.close();

      const later = recorder();
      await ctx.bus().subscribe(topic, 'sub', { mode: 'exclusive' }, later.handler);
      await publishText(ctx.bus(), topic, 'marker');
      await ctx.waitFor(() => later.messages.length >= 1, 'the marker');
      expect(texts(later.messages)).toEqual(['marker']);
    }, ctx.testTimeoutMs);
  });
}
