import { percentile, ratio, round, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('picks the value at rank ceil(p/100 * n)', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('clamps tiny p to the first value and handles one or no samples', () => {
    expect(percentile(hundred, 0.001)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('returns a sample that is never below any lower percentile', () => {
    const values = Array.from({ length: 37 }, (_, i) => (i * 7919) % 101).sort((a, b) => a - b);
    const ps = [1, 10, 50, 90, 95, 99, 100].map((p) => percentile(values, p) ?? Number.NaN);
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
    for (const v of ps) expect(values).toContain(v);
  });
});

describe('summarize', () => {
  it('sorts unsorted durations without touching the input', () => {
    const input = [5, 1, 4, 2, 3];
    expect(summarize(input)).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5 });
    expect(input).toEqual([5, 1, 4, 2, 3]);
  });

  it('reports nulls for no samples', () => {
    expect(summarize([])).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null });
  });
});

describe('round and ratio', () => {
  it('rounds and keeps null', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(null, 2)).toBeNull();
    expect(round(Number.NaN, 2)).toBeNull();
  });

  it('divides, or null when a side is missing or the divisor is zero', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(1, 3)).toBe(0.333);
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(4, 0)).toBeNull();
    expect(ratio(4, undefined)).toBeNull();
  });
});
