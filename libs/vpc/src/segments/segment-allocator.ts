import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { conflict } from '@alcor/neutron-api';
import { SegmentRange } from '@alcor/config';
import { noNetworkAvailable, SegmentPlan, segmentInUse } from './segment-request';
import { Segment, SegmentPolicy } from './segment-policy';

/** How many times a gap that a concurrent transaction just took is looked for again. */
const MAX_RACE_RETRIES = 256;
/**
 * Ranges larger than this get random picks first (as Neutron's type drivers pick at random): a
 * hit is one insert, no gap search, and concurrent creates rarely chase the same id. Near-full
 * ranges fall through to the exact lowest-free search, so "full" is reported only when true.
 */
const RANDOM_PICKS_ABOVE = 256;
const RANDOM_PICKS = 8;

/**
 * Claims or allocates a segmentation id inside the caller's transaction. The primary key of
 * segment_allocations is the arbiter: a concurrent winner makes our insert a no-op and we try
 * another id, so no id is ever handed out twice and allocation fails (503) only when the
 * configured ranges are full.
 */
export async function allocateSegment(
  tx: EntityManager,
  networkId: string,
  plan: SegmentPlan,
  policy: SegmentPolicy,
): Promise<Segment> {
  if (plan.kind === 'claim') {
    const claimed = await insertAllocation(tx, plan.networkType, plan.physicalNetwork, plan.segmentationId, networkId);
    if (!claimed) throw segmentInUse(plan.networkType, plan.physicalNetwork, plan.segmentationId);
    return {
      networkType: plan.networkType,
      physicalNetwork: plan.networkType === 'vxlan' ? null : plan.physicalNetwork,
      segmentationId: plan.networkType === 'flat' ? null : plan.segmentationId,
    };
  }
  const pools: { physicalNetwork: string; ranges: SegmentRange[] }[] =
    plan.networkType === 'vxlan'
      ? [{ physicalNetwork: '', ranges: policy.vniRanges }]
      : plan.physicalNetworks.map((physnet) => ({
          physicalNetwork: physnet,
          ranges: policy.vlanRanges.filter((r) => r.physicalNetwork === physnet),
        }));
  for (const pool of pools) {
    for (const range of pool.ranges) {
      const id = await allocateFromRange(tx, plan.networkType, pool.physicalNetwork, range, networkId);
      if (id !== undefined) {
        return { networkType: plan.networkType, physicalNetwork: pool.physicalNetwork || null, segmentationId: id };
      }
    }
  }
  throw noNetworkAvailable();
}

async function allocateFromRange(
  tx: EntityManager,
  networkType: string,
  physicalNetwork: string,
  range: SegmentRange,
  networkId: string,
): Promise<number | undefined> {
  if (range.max - range.min + 1 > RANDOM_PICKS_ABOVE) {
    for (let pick = 0; pick < RANDOM_PICKS; pick++) {
      const candidate = randomInt(range.min, range.max + 1);
      if (await insertAllocation(tx, networkType, physicalNetwork, candidate, networkId)) return candidate;
    }
  }
  for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
    const candidate = await lowestFree(tx, networkType, physicalNetwork, range);
    if (candidate === undefined) return undefined;
    if (await insertAllocation(tx, networkType, physicalNetwork, candidate, networkId)) return candidate;
  }
  // Lost every race, which is contention, not exhaustion: a retryable conflict, not a 503.
  throw conflict('SegmentAllocationContention', 'Too many concurrent network creates on one segment range; retry the request.');
}

/** The lowest id of the range not in use: the range start, or just after a used id. */
async function lowestFree(
  tx: EntityManager,
  networkType: string,
  physicalNetwork: string,
  range: SegmentRange,
): Promise<number | undefined> {
  const rows: { candidate: number }[] = await tx.query(
    `SELECT candidate FROM (
       SELECT $3::int AS candidate
        WHERE NOT EXISTS (SELECT 1 FROM segment_allocations
                           WHERE network_type = $1 AND physical_network = $2 AND segmentation_id = $3)
       UNION ALL
       SELECT a.segmentation_id + 1 FROM segment_allocations a
        WHERE a.network_type = $1 AND a.physical_network = $2
          AND a.segmentation_id >= $3 AND a.segmentation_id < $4
          AND NOT EXISTS (SELECT 1 FROM segment_allocations b
                           WHERE b.network_type = $1 AND b.physical_network = $2
                             AND b.segmentation_id = a.segmentation_id + 1)
     ) gaps ORDER BY candidate LIMIT 1`,
    [networkType, physicalNetwork, range.min, range.max],
  );
  return rows.length > 0 ? Number(rows[0].candidate) : undefined;
}

async function insertAllocation(
  tx: EntityManager,
  networkType: string,
  physicalNetwork: string,
  segmentationId: number,
  networkId: string,
): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO segment_allocations (network_type, physical_network, segmentation_id, network_id)
     VALUES ($1, $2, $3, $4) ON CONFLICT (network_type, physical_network, segmentation_id) DO NOTHING
     RETURNING segmentation_id`,
    [networkType, physicalNetwork, segmentationId, networkId],
  );
  return rows.length === 1;
}
