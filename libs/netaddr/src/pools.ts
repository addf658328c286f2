import { formatIp, IpVersion, parseIp } from './address';
import { Cidr, parseCidr } from './cidr';

/** An inclusive address range as the APIs write it (Neutron's allocation_pools item). */
export interface IpPool {
  start: string;
  end: string;
}

/** An inclusive range of address numbers. */
export interface NumericRange {
  start: bigint;
  end: bigint;
}

export interface ParsedPool extends NumericRange {
  version: IpVersion;
}

/** A pool's numbers; undefined when an end is not an address or the versions differ. */
export function parsePool(pool: IpPool): ParsedPool | undefined {
  const start = parseIp(pool?.start);
  const end = parseIp(pool?.end);
  if (!start || !end || start.version !== end.version) return undefined;
  return { version: start.version, start: start.value, end: end.value };
}

export function formatPool(pool: IpPool): string {
  return `${pool.start}-${pool.end}`;
}

export function toIpPool(range: NumericRange, version: IpVersion): IpPool {
  return { start: formatIp({ version, value: range.start }), end: formatIp({ version, value: range.end }) };
}

/**
 * Neutron's generate_pools: the block minus its network address, the IPv4 broadcast address and
 * the gateway. A single-address block (/32, /128) is its own pool; /31 and /127 get none.
 */
export function defaultAllocationPools(cidrText: string, gatewayIp: string | null): IpPool[] {
  const cidr = parseCidr(cidrText);
  if (!cidr) throw new RangeError(`'${cidrText}' is not a CIDR`);
  if (cidr.network === cidr.last) return [toIpPool({ start: cidr.network, end: cidr.last }, cidr.version)];
  const first = cidr.network + 1n;
  const last = cidr.version === 4 ? cidr.last - 1n : cidr.last;
  if (first >= last) return [];
  const gateway = gatewayIp === null ? undefined : parseIp(gatewayIp);
  const ranges = gateway && gateway.version === cidr.version ? subtract({ start: first, end: last }, gateway.value) : [{ start: first, end: last }];
  return ranges.map((range) => toIpPool(range, cidr.version));
}

function subtract(range: NumericRange, value: bigint): NumericRange[] {
  if (value < range.start || value > range.end) return [range];
  const parts: NumericRange[] = [];
  if (value > range.start) parts.push({ start: range.start, end: value - 1n });
  if (value < range.end) parts.push({ start: value + 1n, end: range.end });
  return parts;
}

/**
 * Where pools may lie (Neutron's validate_allocation_pools): after the network address and, in
 * IPv4, before the broadcast address. A single-address block allows itself, so its default pool
 * passes; /31 and /127 blocks have no room (undefined).
 */
export function poolBounds(cidr: Cidr): NumericRange | undefined {
  if (cidr.network === cidr.last) return { start: cidr.network, end: cidr.last };
  const bounds = { start: cidr.network + 1n, end: cidr.version === 4 ? cidr.last - 1n : cidr.last };
  return bounds.start <= bounds.end ? bounds : undefined;
}

export function rangesOverlap(a: NumericRange, b: NumericRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when the two pools share an address (pools of different versions never do). */
export function poolsOverlap(a: IpPool, b: IpPool): boolean {
  const pa = parsePool(a);
  const pb = parsePool(b);
  return !!pa && !!pb && pa.version === pb.version && rangesOverlap(pa, pb);
}

/** The first pair of overlapping pools (in start order), if any. */
export function findOverlappingPools(pools: IpPool[]): [IpPool, IpPool] | undefined {
  const sorted = pools
    .map((pool) => ({ pool, parsed: parsePool(pool) }))
    .filter((p): p is { pool: IpPool; parsed: ParsedPool } => p.parsed !== undefined)
    .sort((a, b) => (a.parsed.start < b.parsed.start ? -1 : a.parsed.start > b.parsed.start ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (rangesOverlap(sorted[i - 1].parsed, sorted[i].parsed)) return [sorted[i - 1].pool, sorted[i].pool];
  }
  return undefined;
}

export function rangeSize(range: NumericRange): bigint {
  return range.end >= range.start ? range.end - range.start + 1n : 0n;
}

/** Addresses in the pools (Neutron's total_ips); pools are assumed not to overlap. */
export function poolsSize(pools: IpPool[]): bigint {
  return pools.reduce((sum, pool) => {
    const parsed = parsePool(pool);
    return parsed ? sum + rangeSize(parsed) : sum;
  }, 0n);
}

export function poolsContain(pools: IpPool[], ipAddress: string): boolean {
  const address = parseIp(ipAddress);
  if (!address) return false;
  return pools.some((pool) => {
    const parsed = parsePool(pool);
    return !!parsed && parsed.version === address.version && address.value >= parsed.start && address.value <= parsed.end;
  });
}

/** Same pools in the same order, compared by address (so '10.0.0.02'-style spellings do not matter). */
export function samePools(a: IpPool[], b: IpPool[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((pool, i) => {
    const x = parsePool(pool);
    const y = parsePool(b[i]);
    return !!x && !!y && x.version === y.version && x.start === y.start && x.end === y.end;
  });
}
