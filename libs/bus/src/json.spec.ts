import { InMemoryMessageBus, decodeJson, publishJson, type ReceivedMessage } from './index';
import { waitFor } from './testing';

describe('JSON helpers', () => {
  it('round-trips a value with key and properties', async () => {
    const bus = new InMemoryMessageBus();
    const got: ReceivedMessage[] = [];
    await bus.subscribe('t', 's', { mode: 'exclusive', autoAck: true }, (m) => void got.push(m));
    await publishJson(bus, 't', { id: 'p1', ips: ['10.0.0.1'] }, { key: 'p1', properties: { eventType: 'PortCreated' } });
    await waitFor(() => got.length === 1, 'the message', 1000);
    expect(decodeJson(got[0])).toEqual({ id: 'p1', ips: ['10.0.0.1'] });
    expect(got[0].key).toBe('p1');
    expect(got[0].properties).toEqual({ eventType: 'PortCreated' });
    await bus.close();
  });

  it('checks the decoded value with a parser, and refuses values without a JSON form', async () => {
    const message = { payload: Buffer.from('{"n":1}') };
    const parse = (v: unknown) => {
      if (typeof v !== 'object' || v === null || typeof (v as { n?: unknown }).n !== 'number') throw new Error('bad');
      return v as { n: number };
    };
    expect(decodeJson(message, parse).n).toBe(1);
    expect(() => decodeJson({ payload: Buffer.from('{"n":"x"}') }, parse)).toThrow('bad');
    expect(() => decodeJson({ payload: Buffer.from('not json') })).toThrow(SyntaxError);
    await expect(publishJson(new InMemoryMessageBus(), 't', undefined)).rejects.toThrow(TypeError);
  });
});
