import { Injectable } from '@nestjs/common';
import { MacAllocation, MacAllocator, MacRequest } from '@alcor/contracts';
import { toUnicastMac, normalizeMac } from '../domain/mac-address';
import { AllocateMacs } from '../use-cases/allocate-macs/allocate-macs';
import { ReleaseMacs } from '../use-cases/release-macs/release-macs';

/**
 * The MAC manager called in the same process (standalone mode). Its unit of work joins the
 * caller's transaction, so a port and its MAC commit or roll back together.
 */
@Injectable()
export class InProcessMacAllocator implements MacAllocator {
  constructor(
    private readonly allocateMacs: AllocateMacs,
    private readonly releaseMacs: ReleaseMacs,
  ) {}

  async allocate(requests: MacRequest[]): Promise<MacAllocation[]> {
    // Validate every request before touching the store: a bad one fails the call, allocating nothing.
    const claims = requests.map((r) => ({
      scope: r.networkId,
      portId: r.portId,
      projectId: r.projectId,
      macAddress: r.macAddress === undefined ? undefined : toUnicastMac(r.macAddress),
      state: 'Active' as const,
    }));
    const allocated = await this.allocateMacs.execute(claims);
    return allocated.map((a, i) => ({ networkId: requests[i].networkId, portId: requests[i].portId, macAddress: a.macAddress }));
  }

  async release(macs: { networkId: string; macAddress: string }[]): Promise<void> {
    await this.releaseMacs.execute(macs.map((m) => ({ scope: m.networkId, macAddress: normalizeMac(m.macAddress) })));
  }
}
