import { Injectable } from '@nestjs/common';
import { AllocationPool, IpAllocation, IpAllocator, IpRangeSpec, IpRequest, IpUsage } from '@alcor/contracts';
import { AllocateIps } from '../use-cases/allocate-ips/allocate-ips';
import { CreateRange } from '../use-cases/create-range/create-range';
import { DeleteRange } from '../use-cases/delete-range/delete-range';
import { QueryRanges } from '../use-cases/query-ranges/query-ranges';
import { ReleaseIps } from '../use-cases/release-ips/release-ips';
import { UpdateRange } from '../use-cases/update-range/update-range';

/**
 * The Private IP manager called in the same process (standalone mode). Every call joins the
 * caller's unit of work when there is one, so a port and its addresses commit or roll back
 * together.
 */
@Injectable()
export class InProcessIpAllocator implements IpAllocator {
  constructor(
    private readonly create: CreateRange,
    private readonly update: UpdateRange,
    private readonly remove: DeleteRange,
    private readonly allocateIps: AllocateIps,
    private readonly releaseIps: ReleaseIps,
    private readonly ranges: QueryRanges,
  ) {}

  async createRange(spec: IpRangeSpec): Promise<void> {
    await this.create.execute(spec);
  }

  async updateRange(subnetId: string, changes: { gatewayIp?: string | null; allocationPools?: AllocationPool[] }): Promise<void> {
    await this.update.execute(subnetId, changes);
  }

  async deleteRange(subnetId: string): Promise<void> {
    await this.remove.execute(subnetId);
  }

  async allocate(requests: IpRequest[]): Promise<IpAllocation[]> {
    const allocated = await this.allocateIps.execute(requests.map((r) => ({ subnetId: r.subnetId, portId: r.portId, ipAddress: r.ipAddress, alternatives: r.alternatives })));
    return allocated.map((a, i) => ({ subnetId: a.subnetId, portId: requests[i].portId, ipAddress: a.ipAddress }));
  }

  async release(allocations: { subnetId: string; ipAddress: string }[]): Promise<void> {
    await this.releaseIps.execute(allocations);
  }

  usage(subnetIds: string[]): Promise<IpUsage[]> {
    return this.ranges.usage(subnetIds);
  }
}
