export interface MacRequest {
  networkId: string;
  portId: string;
  projectId: string;
  /** A caller-chosen MAC; absent: generate one (OUI + random). */
  macAddress?: string;
}

export interface MacAllocation {
  networkId: string;
  portId: string;
  macAddress: string;
}

/**
 * The MAC manager's allocation API. `allocate` is all-or-none: one taken MAC fails the whole call
 * with 409 MacAddressInUse and allocates nothing. In-process it joins the caller's transaction.
 */
export interface MacAllocator {
  allocate(requests: MacRequest[]): Promise<MacAllocation[]>;
  /** Idempotent: releasing a MAC that is not allocated is not an error. */
  release(macs: { networkId: string; macAddress: string }[]): Promise<void>;
}

export const MAC_ALLOCATOR = Symbol('MacAllocator');
