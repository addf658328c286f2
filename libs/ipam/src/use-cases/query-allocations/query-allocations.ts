import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { readIpAddress } from '../../domain/address-input';
import { IpAllocationEntity } from '../../domain/ip-allocation.entity';
import { IpRangeEntity } from '../../domain/ip-range.entity';
import { IpRangeRepository } from '../../domain/ip-range.repository';
import { ipAddressAllocationNotFound } from '../../domain/ipam-errors';
import { formatIp } from '@alcor/netaddr';
import { AllocatedIp } from '../allocate-ips/allocate-ips';

@Injectable()
export class QueryAllocations {
  constructor(private readonly database: Database) {}

  /** One allocated address of a subnet (404 when the subnet or the allocation is unknown). */
  get(subnetId: string, ipAddress: string): Promise<AllocatedIp> {
    const canonical = formatIp(readIpAddress(ipAddress));
    return this.database.read(async (em) => {
      const range = await IpRangeRepository.get(em, subnetId);
      const row = await em.getRepository(IpAllocationEntity).findOneBy({ subnetId: range.subnetId, ipAddress: canonical });
      if (!row) throw ipAddressAllocationNotFound(canonical, range.subnetId);
      return allocated(range, row);
    });
  }

  /** Every allocated address of a subnet, in address order. */
  list(subnetId: string): Promise<AllocatedIp[]> {
    return this.database.read(async (em) => {
      const range = await IpRangeRepository.get(em, subnetId);
      const rows = await em
        .getRepository(IpAllocationEntity)
        .createQueryBuilder('a')
        .where('a.subnet_id = :id', { id: range.subnetId })
        .orderBy('a.ip_number')
        .getMany();
      return rows.map((row) => allocated(range, row));
    });
  }
}

function allocated(range: IpRangeEntity, row: IpAllocationEntity): AllocatedIp {
  return { subnetId: range.subnetId, networkId: range.networkId, ipVersion: range.ipVersion, portId: row.portId, ipAddress: row.ipAddress };
}
