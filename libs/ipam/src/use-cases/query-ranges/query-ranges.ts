import { Injectable } from '@nestjs/common';
import { IpUsage } from '@alcor/contracts';
import { Database } from '@alcor/persistence';
import { IpRangeEntity } from '../../domain/ip-range.entity';
import { IpRangeRepository } from '../../domain/ip-range.repository';

export interface RangeWithUsage {
  range: IpRangeEntity;
  usedIps: number;
}

@Injectable()
export class QueryRanges {
  constructor(private readonly database: Database) {}

  get(subnetId: string): Promise<RangeWithUsage> {
    return this.database.read(async (em) => {
      const range = await IpRangeRepository.get(em, subnetId);
      const used = await IpRangeRepository.usedCounts(em, [range.subnetId]);
      return { range, usedIps: used.get(range.subnetId) ?? 0 };
    });
  }

  list(): Promise<RangeWithUsage[]> {
    return this.database.read(async (em) => {
      const ranges = await IpRangeRepository.list(em);
      const used = await IpRangeRepository.usedCounts(em, ranges.map((r) => r.subnetId));
      return ranges.map((range) => ({ range, usedIps: used.get(range.subnetId) ?? 0 }));
    });
  }

  /**
   * Neutron's IP availability per subnet: total = addresses in the pools, used = allocated
   * addresses (explicit ones outside the pools included). Unknown subnets are left out.
   */
  usage(subnetIds: string[]): Promise<IpUsage[]> {
    return this.database.read(async (em) => {
      const ranges = await IpRangeRepository.list(em, subnetIds);
      const used = await IpRangeRepository.usedCounts(em, ranges.map((r) => r.subnetId));
      return ranges.map((range) => ({ subnetId: range.subnetId, totalIps: Number(range.totalIps), usedIps: used.get(range.subnetId) ?? 0 }));
    });
  }
}
