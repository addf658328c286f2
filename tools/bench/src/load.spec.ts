import { runLoad } from './load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runLoad', () => {
  it('runs every index exactly once and never exceeds the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const result = await runLoad(50, 4, async (i) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      seen.push(i);
      await sleep(i % 3);
      inFlight -= 1;
      return 200;
    });
    expect(peak).toBe(4);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(result).toMatchObject({ requests: 50, items: 50, okItems: 50, errors: {} });
    expect(result.durationsMs).toHaveLength(50);
  });

  it('keeps C in flight: 8 operations of 40 ms at C = 4 take about 80 ms, not 320', async () => {
    const result = await runLoad(8, 4, async () => {
      await sleep(40);
      return 201;
    });
    expect(result.seconds).toBeGreaterThanOrEqual(0.075);
    expect(result.seconds).toBeLessThan(0.25);
    for (const ms of result.durationsMs) expect(ms).toBeGreaterThanOrEqual(35);
  });

  it('counts failures by status or error code and carries on', async () => {
    const result = await runLoad(10, 3, async (i) => {
      if (i === 0) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      if (i === 1) throw new Error('boom');
      if (i % 3 === 0) return 404;
      if (i === 8) return 500;
      return 200;
    });
    expect(result.requests).toBe(10);
    expect(result.errors).toEqual({ ECONNREFUSED: 1, boom: 1, '404': 3, '500': 1 });
    expect(result.okItems).toBe(4);
    expect(result.durationsMs).toHaveLength(4);
  });

  it('counts the items of multi-item operations (bulk) only when they succeed', async () => {
    const result = await runLoad(3, 1, async (i) => ({ status: i === 2 ? 409 : 201, items: 10 }));
    expect(result).toMatchObject({ requests: 3, items: 30, okItems: 20, errors: { '409': 1 } });
  });

  it('does nothing for zero operations and tolerates concurrency above the count', async () => {
    expect(await runLoad(0, 16, async () => 200)).toMatchObject({ requests: 0, durationsMs: [] });
    let calls = 0;
    await runLoad(2, 16, async () => ++calls && 200);
    expect(calls).toBe(2);
  });
});
