import { AllocationPool, INTERNAL_SERVICE_HEADERS, IpAllocation, IpAllocator, IpRangeSpec, IpRequest, IpUsage, restCall } from '@alcor/contracts';

/**
 * The Private IP manager over its internal REST endpoints (split mode). Depends only on
 * @alcor/contracts, so it can move there beside RestVpcClient. Neutron errors of the manager come
 * back as the same NeutronError (restCall), so callers cannot tell it from the in-process one.
 */
export class RestIpAllocator implements IpAllocator {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async createRange(spec: IpRangeSpec): Promise<void> {
    await restCall(this.baseUrl, 'POST', '/internal/ip-ranges', spec, this.headers);
  }

  async updateRange(subnetId: string, changes: { gatewayIp?: string | null; allocationPools?: AllocationPool[] }): Promise<void> {
    await restCall(this.baseUrl, 'PUT', `/internal/ip-ranges/${encodeURIComponent(subnetId)}`, changes, this.headers);
  }

  async deleteRange(subnetId: string): Promise<void> {
    await restCall(this.baseUrl, 'DELETE', `/internal/ip-ranges/${encodeURIComponent(subnetId)}`, undefined, this.headers);
  }

  async allocate(requests: IpRequest[]): Promise<IpAllocation[]> {
    return (await restCall<{ allocations: IpAllocation[] }>(this.baseUrl, 'POST', '/internal/ip-allocations', { requests }, this.headers)).allocations;
  }

  async release(allocations: { subnetId: string; ipAddress: string }[]): Promise<void> {
    await restCall(this.baseUrl, 'POST', '/internal/ip-allocations/release', { allocations }, this.headers);
  }

  async usage(subnetIds: string[]): Promise<IpUsage[]> {
    return (await restCall<{ usage: IpUsage[] }>(this.baseUrl, 'POST', '/internal/ip-usage', { subnetIds }, this.headers)).usage;
  }
}
