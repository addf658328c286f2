import { Injectable } from '@nestjs/common';
import { UUID_PATTERN } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { readIpAddress } from '../../domain/address-input';
import { IpRangeRepository } from '../../domain/ip-range.repository';
import { IpAllocationsChange, recordAllocationChange } from '../../events/ip-events';
import { formatIp } from '@alcor/netaddr';

export interface IpRelease {
  subnetId: string;
  ipAddress: string;
}

/**
 * Frees addresses. Idempotent: an address that is not allocated, or a subnet that does not
 * exist, is skipped. Resolves with what was actually freed.
 */
@Injectable()
export class ReleaseIps {
  constructor(private readonly database: Database) {}

  async execute(releases: IpRelease[]): Promise<IpRelease[]> {
    const wanted = releases
      .filter((r) => UUID_PATTERN.test(r.subnetId ?? ''))
      .map((r) => ({ subnetId: r.subnetId.toLowerCase(), ipAddress: formatIp(readIpAddress(r.ipAddress)) }));
    if (wanted.length === 0) return [];
    return this.database.transaction(async (tx) => {
      const freed: { subnet_id: string; ip_address: string; port_id: string | null }[] = await tx.query(
        // Wrapped in a SELECT: typeorm answers a bare DELETE with [rows, count] instead of rows.
        `WITH freed AS (
           DELETE FROM ip_allocations a USING unnest($1::uuid[], $2::text[]) AS r(subnet_id, ip_address)
            WHERE a.subnet_id = r.subnet_id AND a.ip_address = r.ip_address
            RETURNING a.subnet_id, a.ip_address, a.port_id
         ) SELECT subnet_id, ip_address, port_id FROM freed`,
        [wanted.map((w) => w.subnetId), wanted.map((w) => w.ipAddress)],
      );
      const bySubnet = new Map<string, IpAllocationsChange['allocations']>();
      for (const row of freed) bySubnet.set(row.subnet_id, [...(bySubnet.get(row.subnet_id) ?? []), { ip_address: row.ip_address, port_id: row.port_id }]);
      for (const range of await IpRangeRepository.list(tx, [...bySubnet.keys()])) {
        await recordAllocationChange(tx, 'deleted', range, bySubnet.get(range.subnetId) ?? []);
      }
      return freed.map((row) => ({ subnetId: row.subnet_id, ipAddress: row.ip_address }));
    });
  }
}
