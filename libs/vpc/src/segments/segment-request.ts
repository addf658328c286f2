import { conflict, invalidInput, NeutronError } from '@alcor/neutron-api';
import { MAX_VNI, NETWORK_TYPES, NetworkType, SegmentPolicy } from './segment-policy';

/** The provider attributes of a create request, as given (all optional). */
export interface SegmentRequest {
  networkType?: string | null;
  physicalNetwork?: string | null;
  segmentationId?: number | null;
}

/** A validated request: either a specific segment to claim or a range to allocate from. */
export type SegmentPlan =
  | { kind: 'claim'; networkType: NetworkType; physicalNetwork: string; segmentationId: number }
  | { kind: 'allocate'; networkType: 'vxlan' }
  | { kind: 'allocate'; networkType: 'vlan'; physicalNetworks: string[] };

/** Checks provider attributes the way Neutron's type drivers do; throws Neutron errors. */
export function planSegment(request: SegmentRequest, policy: SegmentPolicy): SegmentPlan {
  const { physicalNetwork, segmentationId } = request;
  const type = request.networkType ?? undefined;
  if (type === undefined) {
    if (physicalNetwork != null || segmentationId != null) {
      throw invalidInput('provider:network_type required when other provider attributes are given.');
    }
    return { kind: 'allocate', networkType: 'vxlan' };
  }
  if (!(NETWORK_TYPES as readonly string[]).includes(type)) {
    throw invalidInput(`network_type value '${type}' not supported.`);
  }
  switch (type as NetworkType) {
    case 'vxlan':
      if (physicalNetwork != null) throw invalidInput('provider:physical_network specified for vxlan network.');
      if (segmentationId == null) return { kind: 'allocate', networkType: 'vxlan' };
      if (segmentationId < 1 || segmentationId > MAX_VNI) {
        throw invalidInput(`segmentation_id ${segmentationId} out of range 1 through ${MAX_VNI} for vxlan.`);
      }
      return { kind: 'claim', networkType: 'vxlan', physicalNetwork: '', segmentationId };
    case 'vlan': {
      if (physicalNetwork != null && !policy.vlanPhysnets.includes(physicalNetwork)) {
        throw invalidInput(`physical_network '${physicalNetwork}' unknown for VLAN provider network.`);
      }
      if (segmentationId == null) {
        const physicalNetworks = physicalNetwork != null ? [physicalNetwork] : policy.vlanRanges.map((r) => r.physicalNetwork);
        return { kind: 'allocate', networkType: 'vlan', physicalNetworks };
      }
      if (physicalNetwork == null) throw invalidInput('provider:physical_network required for VLAN provider network.');
      if (segmentationId < 1 || segmentationId > 4094) {
        throw invalidInput(`segmentation_id ${segmentationId} out of range 1 through 4094 for vlan.`);
      }
      return { kind: 'claim', networkType: 'vlan', physicalNetwork, segmentationId };
    }
    case 'flat':
      if (segmentationId != null) throw invalidInput('provider:segmentation_id specified for flat network.');
      if (physicalNetwork == null) throw invalidInput('provider:physical_network required for flat provider network.');
      if (!policy.flatNetworks.includes('*') && !policy.flatNetworks.includes(physicalNetwork)) {
        throw invalidInput(`physical_network '${physicalNetwork}' unknown for flat provider network.`);
      }
      return { kind: 'claim', networkType: 'flat', physicalNetwork, segmentationId: 0 };
  }
}

export function segmentInUse(networkType: NetworkType, physicalNetwork: string, segmentationId: number): NeutronError {
  switch (networkType) {
    case 'flat':
      return conflict('FlatNetworkInUse', `Unable to create the flat network. Physical network ${physicalNetwork} is in use.`);
    case 'vlan':
      return conflict(
        'VlanIdInUse',
        `Unable to create the network. The VLAN ${segmentationId} on physical network ${physicalNetwork} is in use.`,
      );
    default:
      return conflict('TunnelIdInUse', `Unable to create the network. The tunnel ID ${segmentationId} is in use.`);
  }
}

export const noNetworkAvailable = () =>
  new NeutronError(503, 'NoNetworkAvailable', 'Unable to create the network. No tenant network is available for allocation.');
