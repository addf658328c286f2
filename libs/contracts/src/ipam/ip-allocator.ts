export interface AllocationPool {
  start: string;
  end: string;
}

/** One subnet's address space as the IPAM manager keeps it (Alcor: one IP range per subnet). */
export interface IpRangeSpec {
  subnetId: string;
  networkId: string;
  projectId: string;
  ipVersion: 4 | 6;
  cidr: string;
  gatewayIp: string | null;
  allocationPools: AllocationPool[];
}

export interface IpRequest {
  subnetId: string;
  portId: string;
  /** A specific address; absent: the next free one from the subnet's pools. */
  ipAddress?: string;
  /**
   * Automatic requests only: further subnets to take the address from, in order, when the pools
   * of `subnetId` are full (Neutron allocates from a network's IPv4 subnets in turn, and fails
   * only when all of them are full). The allocation names the subnet that gave the address.
   */
  alternatives?: string[];
}

export interface IpAllocation {
  subnetId: string;
  portId: string;
  ipAddress: string;
}

export interface IpUsage {
  subnetId: string;
  totalIps: number;
  usedIps: number;
}

/**
 * The Private IP manager's API. Errors are Neutron's: IpAddressAlreadyAllocated (409),
 * InvalidIpForSubnet (400), IpAddressGenerationFailure (409), SubnetInUse (409), SubnetNotFound
 * (404). `allocate` is all-or-none. In-process every call joins the caller's transaction.
 */
export interface IpAllocator {
  createRange(spec: IpRangeSpec): Promise<void>;
  /** New gateway or pools; refused (409) if an allocated address would fall outside them. */
  updateRange(subnetId: string, changes: { gatewayIp?: string | null; allocationPools?: AllocationPool[] }): Promise<void>;
  /** Refused with 409 SubnetInUse while any address is allocated. */
  deleteRange(subnetId: string): Promise<void>;
  allocate(requests: IpRequest[]): Promise<IpAllocation[]>;
  /** Idempotent. */
  release(allocations: { subnetId: string; ipAddress: string }[]): Promise<void>;
  usage(subnetIds: string[]): Promise<IpUsage[]>;
}

export const IP_ALLOCATOR = Symbol('IpAllocator');
