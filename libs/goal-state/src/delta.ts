import {
  OperationType,
  UpdateType,
  type GoalStateV2,
  type SecurityGroupConfiguration,
  type SecurityGroupConfiguration_SecurityGroupRule as Rule,
  type SecurityGroupState,
  type SubnetConfiguration,
  type VpcConfiguration,
} from '@alcor/proto';
import { deepEqual } from './equal';
import { hostResourcesOf, isEmptyGoalState, STATE_MAPS, type StateMapName } from './host-resources';
import { emptyGoalState } from './reference';
import { must } from './must';

type AnyState = { operationType: OperationType; configuration: unknown };
type StateMap = Record<string, AnyState>;

/**
 * The delta message that turns `before` into `after` for one host: new keys CREATE, changed keys
 * UPDATE, vanished keys DELETE (carrying their last configuration: the agent needs the MAC, IPs and
 * subnet of what it removes). Two exceptions, both from ACA's rules: a changed port is re-sent as
 * CREATE (ACA v2 refuses port UPDATE, hazard 13); a changed security group is an UPDATE with
 * update_type DELTA whose rules carry their own operation (only the rules that changed).
 * Unchanged subnet and VPC states the delta's ports, neighbors, DHCP and routers refer to are added
 * with operation INFO, so every message is self-contained (hazard 7). undefined: nothing changed.
 */
export function diffGoalStates(hostIp: string, before: GoalStateV2 | undefined, after: GoalStateV2 | undefined): GoalStateV2 | undefined {
  const delta = emptyGoalState();
  for (const [field] of STATE_MAPS) {
    const b = (before?.[field] ?? {}) as StateMap;
    const a = (after?.[field] ?? {}) as StateMap;
    const out = delta[field] as StateMap;
    for (const key of Object.keys(a)) {
      const next = a[key];
      const prev = b[key];
      if (!prev) out[key] = { operationType: OperationType.CREATE, configuration: next.configuration };
      else if (!deepEqual(prev.configuration, next.configuration)) out[key] = changed(field, prev, next);
    }
    for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) out[key] = { operationType: OperationType.DELETE, configuration: b[key].configuration };
  }
  if (isEmptyGoalState(delta)) return undefined;
  addLookupStates(delta, lookupIn(after));
  delta.hostResources = hostResourcesOf(hostIp, delta);
  return delta;
}

function changed(field: StateMapName, prev: AnyState, next: AnyState): AnyState {
  if (field === 'portStates') return { operationType: OperationType.CREATE, configuration: next.configuration };
  if (field === 'securityGroupStates') return securityGroupDelta(prev as SecurityGroupState, next as SecurityGroupState);
  return { operationType: OperationType.UPDATE, configuration: next.configuration };
}

/** Per-rule delta (design 6.11: ~200 B per rule instead of the whole group). */
export function securityGroupDelta(prev: SecurityGroupState, next: SecurityGroupState): SecurityGroupState {
  const before = new Map(must(prev.configuration).securityGroupRules.map((r) => [r.id, r]));
  const after = new Map(must(next.configuration).securityGroupRules.map((r) => [r.id, r]));
  const rules: Rule[] = [];
  for (const [id, rule] of after) {
    const old = before.get(id);
    if (!old) rules.push({ ...rule, operationType: OperationType.CREATE });
    else if (!deepEqual(old, rule)) rules.push({ ...rule, operationType: OperationType.UPDATE });
  }
  for (const [id, rule] of before) if (!after.has(id)) rules.push({ ...rule, operationType: OperationType.DELETE });
  rules.sort(byId);
  return { operationType: OperationType.UPDATE, configuration: { ...must(next.configuration), updateType: UpdateType.DELTA, securityGroupRules: rules } };
}

/** Where the current subnet and VPC states of a host are looked up (INFO states). */
export interface LookupStates {
  subnet(id: string): SubnetConfiguration | undefined;
  vpc(id: string): VpcConfiguration | undefined;
}

export function lookupIn(gs: GoalStateV2 | undefined): LookupStates {
  return { subnet: (id) => gs?.subnetStates[id]?.configuration, vpc: (id) => gs?.vpcStates[id]?.configuration };
}

/** Adds, as INFO, the current subnet and VPC states the message's states refer to and it lacks (hazard 7). */
export function addLookupStates(delta: GoalStateV2, current: LookupStates): void {
  const subnets = new Set<string>();
  const vpcs = new Set<string>();
  for (const s of Object.values(delta.portStates)) {
    vpcs.add(must(s.configuration).vpcId);
    for (const f of must(s.configuration).fixedIps) subnets.add(f.subnetId);
  }
  for (const s of Object.values(delta.neighborStates)) for (const f of must(s.configuration).fixedIps) subnets.add(f.subnetId);
  for (const s of Object.values(delta.dhcpStates)) subnets.add(must(s.configuration).subnetId);
  for (const s of Object.values(delta.routerStates)) for (const t of must(s.configuration).subnetRoutingTables) subnets.add(t.subnetId);
  for (const id of subnets) {
    const configuration = delta.subnetStates[id] ? undefined : current.subnet(id);
    if (configuration) delta.subnetStates[id] = { operationType: OperationType.INFO, configuration };
  }
  for (const id of vpcs) {
    const configuration = delta.vpcStates[id] ? undefined : current.vpc(id);
    if (configuration) delta.vpcStates[id] = { operationType: OperationType.INFO, configuration };
  }
}

/**
 * What a host holds after applying `delta` to `state` (the agent's view; used by tests and by
 * simulated agents): DELETE removes, anything else stores the configuration (an SG DELTA merges its
 * rules). States are normalised to CREATE, the operation a full goal state carries.
 */
export function applyGoalStateDelta(state: GoalStateV2 | undefined, delta: GoalStateV2): GoalStateV2 {
  const next = emptyGoalState();
  for (const [field] of STATE_MAPS) Object.assign(next[field], state?.[field] ?? {});
  for (const [field] of STATE_MAPS) {
    const out = next[field] as StateMap;
    for (const [key, s] of Object.entries(delta[field] as StateMap)) {
      if (s.operationType === OperationType.DELETE) delete out[key];
      else if (field === 'securityGroupStates' && (s.configuration as SecurityGroupConfiguration).updateType === UpdateType.DELTA) {
        out[key] = { operationType: OperationType.CREATE, configuration: mergeRules(out[key]?.configuration as SecurityGroupConfiguration | undefined, s.configuration as SecurityGroupConfiguration) };
      } else out[key] = { operationType: OperationType.CREATE, configuration: s.configuration };
    }
  }
  const ip = Object.keys(delta.hostResources)[0] ?? Object.keys(state?.hostResources ?? {})[0] ?? '';
  next.hostResources = hostResourcesOf(ip, next);
  return next;
}

function mergeRules(old: SecurityGroupConfiguration | undefined, delta: SecurityGroupConfiguration): SecurityGroupConfiguration {
  const rules = new Map((old?.securityGroupRules ?? []).map((r) => [r.id, r]));
  for (const r of delta.securityGroupRules) {
    if (r.operationType === OperationType.DELETE) rules.delete(r.id);
    else rules.set(r.id, { ...r, operationType: OperationType.CREATE });
  }
  return { ...delta, updateType: UpdateType.FULL, securityGroupRules: [...rules.values()].sort(byId) };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
