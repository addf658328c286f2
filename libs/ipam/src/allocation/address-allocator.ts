import { randomBytes, randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { bigIntToIp } from '@alcor/netaddr';
import { addressAt, PoolSpace } from './pool-space';

/**
 * How many of the lowest free addresses a caller picks from at random. It must well exceed the
 * allocators in flight on one subnet: their uncommitted picks are still listed as free, and a
 * collision costs a wait for the other transaction. Neutron picks among the first 1000.
 */
const CANDIDATE_WINDOW = 64;
/**
 * Above this many pool addresses, try random picks first: a hit costs one insert, while the exact
 * search walks every allocated address below the first free one (O(n) per allocation, O(n^2)
 * for a bulk request). Near-full pools fall through to the exact search, so "full" stays exact.
 */
const RANDOM_SEARCH_ABOVE = 256n;
const RANDOM_TRIES = 8;
/**
 * A lost race means another transaction took (or is committing) that address, so rounds are
 * bounded by the pool size in practice; this cap only turns pathological churn into a 409.
 */
const MAX_ROUNDS = 1000;

/**
 * Inserts one allocation row; false when the address is taken. On PostgreSQL a concurrent
 * uncommitted insert of the same address makes this wait for that transaction's outcome, so
 * the primary key decides every race and nothing is handed out twice.
 */
export async function claimAddress(tx: EntityManager, subnetId: string, ipAddress: string, ipNumber: bigint, portId: string | null): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO ip_allocations (subnet_id, ip_address, ip_number, port_id, created_at)
     VALUES ($1, $2, $3::numeric, $4, now())
     ON CONFLICT DO NOTHING RETURNING ip_address`,
    [subnetId, ipAddress, ipNumber.toString(), portId],
  );
  return rows.length === 1;
}

/** One address to claim, for claimAddresses. */
interface Pick {
  ipAddress: string;
  ipNumber: bigint;
  portId: string | null;
}

/**
 * claimAddress for many addresses of one subnet in one statement; returns the addresses that
 * were inserted. Rows go in address order, so callers whose picks overlap lock in one order.
 */
async function claimAddresses(tx: EntityManager, subnetId: string, picks: Pick[]): Promise<Set<string>> {
  const sorted = [...picks].sort((a, b) => (a.ipNumber < b.ipNumber ? -1 : a.ipNumber > b.ipNumber ? 1 : 0));
  const rows: { ip_address: string }[] = await tx.query(
    `INSERT INTO ip_allocations (subnet_id, ip_address, ip_number, port_id, created_at)
     SELECT $1::uuid, a, n, p, now() FROM unnest($2::varchar[], $3::numeric[], $4::uuid[]) AS t(a, n, p)
     ON CONFLICT DO NOTHING RETURNING ip_address`,
    [subnetId, sorted.map((p) => p.ipAddress), sorted.map((p) => p.ipNumber.toString()), sorted.map((p) => p.portId)],
  );
  return new Set(rows.map((r) => r.ip_address));
}

/**
 * Allocates a free address of the pools for each port (undefined where the pools are full), one
 * multi-row insert per round for all of them. Small pools: random picks among the lowest free
 * addresses, so concurrent allocators rarely chase the same one; huge pools (IPv6): random
 * addresses first, falling back to the exact search, so "full" is only ever reported when it is true.
 */
export async function allocateFromPools(tx: EntityManager, space: PoolSpace, portIds: (string | null)[]): Promise<(string | undefined)[]> {
  const result: (string | undefined)[] = new Array(portIds.length).fill(undefined);
  if (space.total === 0n) return result;
  let waiting = portIds.map((_p, i) => i);
  const claimRound = async (picks: Map<string, { value: bigint; index: number }>) => {
    const won = await claimAddresses(tx, space.subnetId, [...picks].map(([ipAddress, { value, index }]) => ({ ipAddress, ipNumber: value, portId: portIds[index] })));
    for (const [ipAddress, { index }] of picks) if (won.has(ipAddress)) result[index] = ipAddress;
    waiting = waiting.filter((i) => result[i] === undefined);
  };
  if (space.total > RANDOM_SEARCH_ABOVE) {
    for (let i = 0; i < RANDOM_TRIES && waiting.length > 0; i++) {
      const picks = new Map<string, { value: bigint; index: number }>();
      for (const index of waiting) {
        const value = addressAt(space, randomBelow(space.total));
        const text = bigIntToIp(value, space.version);
        if (!picks.has(text)) picks.set(text, { value, index });
      }
      await claimRound(picks);
    }
  }
  for (let round = 0; round < MAX_ROUNDS && waiting.length > 0; round++) {
    const candidates = await lowestFree(tx, space, Math.max(CANDIDATE_WINDOW, 2 * waiting.length));
    if (candidates.length === 0) break;
    const picks = new Map<string, { value: bigint; index: number }>();
    for (const index of waiting) {
      if (candidates.length === 0) break;
      const [value] = candidates.splice(randomInt(candidates.length), 1);
      picks.set(bigIntToIp(value, space.version), { value, index });
    }
    await claimRound(picks);
  }
  return result;
}

/**
 * The lowest free addresses of the pools, in one statement: every free run starts at a pool
 * start or just after an allocated address, and ends before the next allocated address or at
 * the pool end. Walks the (subnet_id, ip_number) index from each pool start and stops after
 * `window` runs, like the VNI gap search of the VPC manager.
 */
async function lowestFree(tx: EntityManager, space: PoolSpace, window: number): Promise<bigint[]> {
  const rows: { candidate: string }[] = await tx.query(
    `WITH pool AS (
       SELECT s, e FROM unnest($2::numeric[], $3::numeric[]) AS p(s, e)
     ), run_start AS (
       SELECT p.s AS g, p.e AS pe FROM pool p
        WHERE NOT EXISTS (SELECT 1 FROM ip_allocations b WHERE b.subnet_id = $1 AND b.ip_number = p.s)
       UNION ALL
       SELECT a.n + 1, p.e FROM pool p
        CROSS JOIN LATERAL (
          SELECT x.ip_number AS n FROM ip_allocations x
           WHERE x.subnet_id = $1 AND x.ip_number >= p.s AND x.ip_number < p.e
             AND NOT EXISTS (SELECT 1 FROM ip_allocations b WHERE b.subnet_id = $1 AND b.ip_number = x.ip_number + 1)
           ORDER BY x.ip_number LIMIT $4::int
        ) a
     ), run AS (
       SELECT g, LEAST(pe, g + ($4::int - 1),
                COALESCE((SELECT min(b.ip_number) FROM ip_allocations b WHERE b.subnet_id = $1 AND b.ip_number > g) - 1, pe)) AS stop
         FROM run_start
     )
     SELECT c::text AS candidate FROM run CROSS JOIN LATERAL generate_series(g, stop) AS c
      ORDER BY c LIMIT $4::int`,
    [space.subnetId, space.pools.map((p) => p.start.toString()), space.pools.map((p) => p.end.toString()), window],
  );
  return rows.map((row) => BigInt(row.candidate));
}

/** A uniform-enough random number in [0, limit) for limits up to 2^128. */
function randomBelow(limit: bigint): bigint {
  return BigInt(`0x${randomBytes(24).toString('hex')}`) % limit;
}
