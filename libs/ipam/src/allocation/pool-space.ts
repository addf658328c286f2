import { IpVersion, NumericRange, parsePool } from '@alcor/netaddr';
import { IpRangeEntity } from '../domain/ip-range.entity';

/** What automatic allocation draws from: a subnet's pools as numbers. */
export interface PoolSpace {
  subnetId: string;
  version: IpVersion;
  pools: NumericRange[];
  total: bigint;
}

export function poolSpaceOf(range: IpRangeEntity): PoolSpace {
  const pools = range.allocationPools.flatMap((pool) => {
    const parsed = parsePool(pool);
    return parsed ? [{ start: parsed.start, end: parsed.end }] : [];
  });
  return { subnetId: range.subnetId, version: range.ipVersion, pools, total: BigInt(range.totalIps) };
}

/** The address at a position counted across the pools in order (0 <= offset < total). */
export function addressAt(space: PoolSpace, offset: bigint): bigint {
  let rest = offset;
  for (const pool of space.pools) {
    const size = pool.end - pool.start + 1n;
    if (rest < size) return pool.start + rest;
    rest -= size;
  }
  throw new RangeError(`offset ${offset} beyond ${space.total} pool addresses`);
}
