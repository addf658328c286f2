import { flatnessRatios, nextBatches, parseSizes, PORTS_PER_NETWORK, spreadSample, subnetCidrOf } from './scale-plan';

describe('scale plan', () => {
  it('gives each network its own /18, none overlapping', () => {
    expect(subnetCidrOf(0)).toBe('10.64.0.0/18');
    expect(subnetCidrOf(3)).toBe('10.64.192.0/18');
    expect(subnetCidrOf(4)).toBe('10.65.0.0/18');
    expect(new Set(Array.from({ length: 256 }, (_, i) => subnetCidrOf(i))).size).toBe(256);
    expect(() => subnetCidrOf(256)).toThrow();
  });

  it('parses sizes ascending and rejects junk', () => {
    expect(parseSizes('100000,1000,10000,1000')).toEqual([1000, 10000, 100000]);
    expect(() => parseSizes('1000,x')).toThrow();
    expect(() => parseSizes('0')).toThrow();
  });

  it('splits a load into bulks that never cross a network boundary', () => {
    const batches = nextBatches(9_500, 1_500, 1_000);
    expect(batches).toEqual([
      { network: 0, count: 500 },
      { network: 1, count: 1000 },
    ]);
    const all = nextBatches(0, 25_000, 3_000);
    expect(all.reduce((n, b) => n + b.count, 0)).toBe(25_000);
    for (const b of all) expect(b.count).toBeLessThanOrEqual(3_000);
    expect(Math.max(...all.map((b) => b.network))).toBe(Math.floor((25_000 - 1) / PORTS_PER_NETWORK));
    expect(nextBatches(10, 0, 100)).toEqual([]);
  });

  it('samples evenly over the whole population', () => {
    const s = spreadSample(100_000, 4);
    expect(s).toEqual([12_500, 37_500, 62_500, 87_500]);
    expect(spreadSample(3, 6)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(spreadSample(0, 5)).toEqual([]);
  });

  it('reports largest over smallest size per phase', () => {
    const line = (phase: string, stored: number, p50: number, p99: number, tput: number) => ({ phase, stored_ports: stored, p50_ms: p50, p99_ms: p99, throughput_per_s: tput });
    const ratios = flatnessRatios([line('get', 100_000, 3, 9, 500), line('get', 1_000, 2, 6, 1000), line('get', 10_000, 2.5, 7, 800), line('list-mac', 1_000, 1, null as unknown as number, 10)]);
    expect(ratios[0]).toEqual({ phase: 'get', from_ports: 1_000, to_ports: 100_000, ratio_p50: 1.5, ratio_p99: 1.5, ratio_throughput: 2 });
    expect(ratios[1]).toMatchObject({ phase: 'list-mac', ratio_p50: 1, ratio_p99: null });
  });
});
