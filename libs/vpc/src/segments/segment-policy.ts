import { PhysnetRange, SegmentRange } from '@alcor/config';

/** What the operator configured for segmentation (Neutron's ML2 type-driver settings). */
export interface SegmentPolicy {
  vniRanges: SegmentRange[];
  vlanRanges: PhysnetRange[];
  /** Physical networks that may carry VLANs (those with or without a tenant range). */
  vlanPhysnets: string[];
  /** Physical networks allowed for flat networks; '*' allows any. */
  flatNetworks: string[];
  globalPhysnetMtu: number;
}

export const SEGMENT_POLICY = Symbol('SegmentPolicy');

export const VXLAN_OVERHEAD = 50;
export const MAX_VNI = 16_777_215;

export type NetworkType = 'vxlan' | 'vlan' | 'flat';
export const NETWORK_TYPES: readonly NetworkType[] = ['vxlan', 'vlan', 'flat'];

export interface Segment {
  networkType: NetworkType;
  physicalNetwork: string | null;
  segmentationId: number | null;
}

/** The largest MTU a network of this type can have. */
export function maxMtu(policy: SegmentPolicy, networkType: NetworkType): number {
  return networkType === 'vxlan' ? policy.globalPhysnetMtu - VXLAN_OVERHEAD : policy.globalPhysnetMtu;
}
