import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AllocationPool } from '@alcor/contracts';
import { Database } from '@alcor/persistence';
import { IpRangeEntity } from '../../domain/ip-range.entity';
import { IpRangeRepository } from '../../domain/ip-range.repository';
import { gatewayIpInUse, ipAddressInUse } from '../../domain/ipam-errors';
import { layOutRange, RangeLayout } from '../../domain/range-layout';
import { recordRangeChange } from '../../events/ip-events';
import { ipToBigInt, NumericRange, samePools } from '@alcor/netaddr';
import { poolSpaceOf } from '../../allocation/pool-space';

export interface RangeChanges {
  gatewayIp?: string | null;
  allocationPools?: AllocationPool[];
}

/**
 * Changes a range's gateway or pools. The range row is locked FOR UPDATE, so allocators (which
 * hold FOR KEY SHARE) finish first and none starts until this commits: the checks below see
 * every allocation. Refused: moving a gateway a port holds (GatewayIpInUse), and new pools
 * that would strand an address allocated from the old ones (IpAddressInUse). Addresses a caller
 * placed explicitly outside the old pools are not the pools' business and stay where they are.
 */
@Injectable()
export class UpdateRange {
  constructor(private readonly database: Database) {}

  execute(subnetId: string, changes: RangeChanges): Promise<IpRangeEntity> {
    return this.database.transaction(async (tx) => {
      const range = await IpRangeRepository.lockForChange(tx, subnetId);
      const next = layOutRange({
        ipVersion: range.ipVersion,
        cidr: range.cidr,
        gatewayIp: changes.gatewayIp !== undefined ? changes.gatewayIp : range.gatewayIp,
        allocationPools: changes.allocationPools ?? range.allocationPools,
      });
      const gatewayChanged = next.gatewayIp !== range.gatewayIp;
      if (!gatewayChanged && samePools(next.pools, range.allocationPools)) return range;
      if (gatewayChanged && range.gatewayIp !== null) {
        const holder = await holderOf(tx, range.subnetId, range.gatewayIp);
        if (holder !== undefined) throw gatewayIpInUse(range.gatewayIp, holder);
      }
      const stranded = await firstStranded(tx, range.subnetId, poolSpaceOf(range).pools, next);
      if (stranded) throw ipAddressInUse(range.networkId, stranded);
      range.gatewayIp = next.gatewayIp;
      range.allocationPools = next.pools;
      range.totalIps = next.totalIps.toString();
      range.revisionNumber += 1;
      range.updatedAt = new Date();
      await tx.save(IpRangeEntity, range);
      await recordRangeChange(tx, 'updated', range);
      return range;
    });
  }
}

/** The port holding an address (null for Alcor's port-less allocations), undefined if free. */
async function holderOf(tx: EntityManager, subnetId: string, ipAddress: string): Promise<string | null | undefined> {
  const rows: { port_id: string | null }[] = await tx.query('SELECT port_id FROM ip_allocations WHERE subnet_id = $1 AND ip_address = $2', [
    subnetId,
    ipAddress,
  ]);
  return rows.length > 0 ? rows[0].port_id : undefined;
}

/** The lowest address allocated inside the old pools that the new pools and gateway leave out. */
async function firstStranded(tx: EntityManager, subnetId: string, oldPools: NumericRange[], next: RangeLayout): Promise<string | undefined> {
  if (oldPools.length === 0) return undefined;
  const numbers = (ranges: NumericRange[], end: 'start' | 'end') => ranges.map((r) => r[end].toString());
  const rows: { ip_address: string }[] = await tx.query(
    `SELECT a.ip_address FROM ip_allocations a
      WHERE a.subnet_id = $1
        AND EXISTS (SELECT 1 FROM unnest($2::numeric[], $3::numeric[]) AS o(s, e) WHERE a.ip_number BETWEEN o.s AND o.e)
        AND NOT EXISTS (SELECT 1 FROM unnest($4::numeric[], $5::numeric[]) AS n(s, e) WHERE a.ip_number BETWEEN n.s AND n.e)
        AND a.ip_number IS DISTINCT FROM $6::numeric
      ORDER BY a.ip_number LIMIT 1`,
    [
      subnetId,
      numbers(oldPools, 'start'),
      numbers(oldPools, 'end'),
      numbers(next.poolRanges, 'start'),
      numbers(next.poolRanges, 'end'),
      next.gatewayIp === null ? null : ipToBigInt(next.gatewayIp).toString(),
    ],
  );
  return rows[0]?.ip_address;
}
