/** Pure parts of the scale command: sizes, address plan, sampling, ratios (unit-tested). */

/** Ports per network (and per subnet): a /18 holds 16,382 hosts, so no subnet is ever exhausted. */
export const PORTS_PER_NETWORK = 10_000;

/** Network i's subnet: a /18 of its own inside 10.64.0.0/10 (so 256 networks, 2.56M ports, fit). */
export function subnetCidrOf(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 256) throw new Error(`network index ${index} out of range 0..255`);
  const second = 64 + Math.floor(index / 4);
  const third = (index % 4) * 64;
  return `10.${second}.${third}.0/18`;
}

/** "1000,10000,100000" -> ascending distinct positive sizes. */
export function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be positive integers, got ${text}`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** How many of the next `wanted` ports go to which network, given `stored` already loaded. */
export function nextBatches(stored: number, wanted: number, bulkSize: number): { network: number; count: number }[] {
  const batches: { network: number; count: number }[] = [];
  let at = stored;
  const end = stored + wanted;
  while (at < end) {
    const network = Math.floor(at / PORTS_PER_NETWORK);
    const roomInNetwork = (network + 1) * PORTS_PER_NETWORK - at;
    const count = Math.min(bulkSize, roomInNetwork, end - at);
    batches.push({ network, count });
    at += count;
  }
  return batches;
}

/** `count` indexes spread evenly over [0, population), deterministic (old and new rows alike). */
export function spreadSample(population: number, count: number): number[] {
  if (population <= 0) return [];
  const n = Math.min(count, population);
  return Array.from({ length: count }, (_, i) => Math.floor(((i % n) + 0.5) * (population / n)));
}

export interface SizedLine {
  phase: string;
  stored_ports: number;
  p50_ms: number | null;
  p99_ms: number | null;
  throughput_per_s: number;
}

/** Per phase: largest size over smallest size (p50, p99; throughput smallest over largest). */
export function flatnessRatios(lines: readonly SizedLine[]) {
  const phases = [...new Set(lines.map((l) => l.phase))];
  return phases.map((phase) => {
    const own = lines.filter((l) => l.phase === phase).sort((a, b) => a.stored_ports - b.stored_ports);
    const small = own[0];
    const large = own[own.length - 1];
    const div = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 1000) / 1000);
    return {
      phase,
      from_ports: small.stored_ports,
      to_ports: large.stored_ports,
      ratio_p50: div(large.p50_ms, small.p50_ms),
      ratio_p99: div(large.p99_ms, small.p99_ms),
      ratio_throughput: div(small.throughput_per_s, large.throughput_per_s),
    };
  });
}
