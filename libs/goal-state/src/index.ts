// @alcor/goal-state: the pure, incremental per-host goal-state builder (GoalStateV2, schema E3).
// No Nest, no I/O: the DPM feeds it topology changes and delivers what it returns.
export type {
  NetworkRecord,
  SubnetRecord,
  PortRecord,
  NodeRecord,
  SecurityGroupRecord,
  SecurityGroupRuleRecord,
  RouterRecord,
  RouterInterfaceRecord,
  FloatingIpRecord,
  TopologyChange,
  TopologyKind,
} from './records';
export type { FloatingIpPlacement, HostDelta, HostInfo } from './api';
export { GoalStateIndex } from './goal-state-index';
export { encodeGoalState, decodeGoalState } from './encode';
export { applyGoalStateDelta, diffGoalStates } from './delta';
export { hostResourcesOf, isEmptyGoalState } from './host-resources';
export { DEFAULT_DVR_MAC, dhcpId, portIdOfDhcpId, l2NeighborKey, l3NeighborKey, defaultHostName } from './conventions';
