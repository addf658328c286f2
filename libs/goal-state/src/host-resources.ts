import { ResourceType, type GoalStateV2, type HostResources } from '@alcor/proto';

/** The GoalStateV2 map fields that hold states, with the ResourceType each one lists in host_resources. */
export const STATE_MAPS = [
  ['vpcStates', ResourceType.VPC],
  ['subnetStates', ResourceType.SUBNET],
  ['portStates', ResourceType.PORT],
  ['dhcpStates', ResourceType.DHCP],
  ['neighborStates', ResourceType.NEIGHBOR],
  ['securityGroupStates', ResourceType.SECURITYGROUP],
  ['routerStates', ResourceType.ROUTER],
  ['gatewayStates', ResourceType.GATEWAY],
] as const;

export type StateMapName = (typeof STATE_MAPS)[number][0];

/**
 * host_resources of a one-host message: that host's IP -> every map key of the message with its
 * type (neighbors included, hazard 9). Per-host messages are already split, so router keys are the
 * plain router id (NCM strips the `<hostIp>/` prefix of the merged cluster message).
 */
export function hostResourcesOf(hostIp: string, gs: GoalStateV2): { [key: string]: HostResources } {
  const resources: { type: ResourceType; id: string }[] = [];
  for (const [field, type] of STATE_MAPS) for (const id in gs[field]) resources.push({ type, id });
  return { [hostIp]: { resources } };
}

/** True when the message carries no state at all. */
export function isEmptyGoalState(gs: GoalStateV2): boolean {
  for (const [field] of STATE_MAPS) for (const _ in gs[field]) return false;
  return true;
}
