import { OperationType, type GoalStateV2, type NeighborConfiguration, type RouterConfiguration, type RouterConfiguration_FloatingIp, type SecurityGroupState } from '@alcor/proto';
import { l2NeighborKey, l3NeighborKey } from './conventions';
import { addLookupStates, securityGroupDelta, type LookupStates } from './delta';
import type { ChangeSet, Engine } from './engine';
import { deepEqual } from './equal';
import { hostResourcesOf, isEmptyGoalState } from './host-resources';
import { emptyGoalState } from './reference';
import type { HostView, PortView } from './views';
import { must } from './must';

type State<C> = { operationType: OperationType; configuration: C | undefined };

function state<C>(operationType: OperationType, configuration: C): State<C> {
  return { operationType, configuration };
}

// One CREATE state per shared configuration, reused by every full goal state that carries it.
const created = new WeakMap<object, State<unknown>>();

function createState<C extends object>(configuration: C): State<C> {
  let s = created.get(configuration) as State<C> | undefined;
  if (!s) created.set(configuration, (s = state(OperationType.CREATE, configuration)));
  return s;
}

/** The shared router state as one host gets it: its DVR MAC and the floating IPs of its own ports. */
export function routerFor(config: RouterConfiguration, host: HostView, floatingIps: readonly RouterConfiguration_FloatingIp[]): RouterConfiguration {
  return { ...config, hostDvrMacAddress: host.dvrMac, floatingIps: floatingIps as RouterConfiguration_FloatingIp[] };
}

/** Everything a host needs now, every state CREATE. */
export function fullHostGoalState(e: Engine, hostId: string): GoalStateV2 | undefined {
  const h = e.hostViews.get(hostId);
  if (!h) return undefined;
  const gs = emptyGoalState();
  for (const n of h.visible) {
    const v = e.vpcConfigs.get(n);
    if (v) gs.vpcStates[n] = state(OperationType.CREATE, v);
    for (const s of e.subnetsByNetwork.get(n)) {
      const config = e.subnetViews.get(s)?.config;
      if (config) gs.subnetStates[s] = state(OperationType.CREATE, config);
    }
  }
  for (const id of h.local) {
    const p = must(e.portViews.get(id));
    gs.portStates[id] = state(OperationType.CREATE, must(p.port));
    for (const [key, d] of p.dhcp) gs.dhcpStates[key] = state(OperationType.CREATE, d);
  }
  for (const g of h.groups) {
    const config = e.groupConfigs.get(g);
    if (config) gs.securityGroupStates[g] = state(OperationType.CREATE, config);
  }
  for (const r of h.routers) gs.routerStates[r] = state(OperationType.CREATE, routerFor(must(e.routerConfigs.get(r)), h, e.floatingIpsOn(hostId, r)));
  for (const v of h.vpcs) for (const p of e.vpcMembers.get(v)) gs.neighborStates[l2NeighborKey(p)] = createState(must(e.portViews.get(p)?.l2));
  for (const r of h.routers) for (const p of e.routerMembers.get(r)) gs.neighborStates[l3NeighborKey(p)] ??= createState(must(e.portViews.get(p)?.l3));
  gs.hostResources = hostResourcesOf(h.hostIp, gs);
  return gs;
}

/** The hosts a change set can affect. */
export function affectedHosts(e: Engine, c: ChangeSet): Set<string> {
  const out = new Set<string>(c.hosts);
  const addAll = (hosts: Iterable<string>): void => {
    for (const h of hosts) out.add(h);
  };
  for (const id of c.localPorts) {
    const before = c.prevPorts.get(id)?.host;
    const after = e.portViews.get(id)?.host;
    if (before) out.add(before);
    if (after) out.add(after);
  }
  // Host indexes are already "after"; a host that lost a VPC or router changed its id sets, so it is in c.hosts.
  for (const id of c.neighborPorts) {
    const before = c.prevPorts.get(id);
    const after = e.portViews.get(id);
    for (const v of [before, after]) {
      if (!v?.host) continue;
      addAll(e.vpcHosts.get(v.record.network_id));
      for (const r of v.l3Routers) addAll(e.routerHosts.get(r));
    }
  }
  for (const n of c.networks) addAll(e.visibleHosts.get(n));
  for (const s of c.subnets) {
    for (const v of [c.prevSubnets.get(s), e.subnetViews.get(s)]) if (v) addAll(e.visibleHosts.get(v.networkId));
  }
  for (const g of c.groups) addAll(e.groupHosts.get(g));
  for (const r of c.routers) addAll(e.routerHosts.get(r));
  addAll(c.fipRouters.keys()); // a floating IP lives on its fixed port's host only
  return out;
}

/**
 * One host's delta for a change set: candidate keys are the changed entries plus, for a host whose
 * id sets changed, the members of what it gained or lost; each key's before/after state is read
 * from the "before" views (change set) and the current ones, then compared (by reference first).
 */
export function hostDelta(e: Engine, c: ChangeSet, hostId: string, memo: Map<string, unknown>): GoalStateV2 | undefined {
  const hb = c.prevHosts.has(hostId) ? c.prevHosts.get(hostId) : e.hostViews.get(hostId);
  const ha = e.hostViews.get(hostId);
  const host = ha ?? hb;
  if (!host) return undefined;
  const reshaped = c.hosts.has(hostId);
  const portBefore = (id: string): PortView | undefined => (c.prevPorts.has(id) ? c.prevPorts.get(id) : e.portViews.get(id));
  const portAfter = (id: string): PortView | undefined => e.portViews.get(id);
  const delta = emptyGoalState();

  // ports and DHCP
  // a port changed on this host has this host before or after, so it is in the host's local sets
  const ports = reshaped ? candidates(new Set(), true, hb?.local, ha?.local) : [...c.localPorts].filter((id) => portBefore(id)?.host === hostId || portAfter(id)?.host === hostId);
  for (const id of ports) {
    const b = portBefore(id);
    const a = portAfter(id);
    const pb = b?.host === hostId ? b : undefined;
    const pa = a?.host === hostId ? a : undefined;
    put(delta.portStates, id, pb?.port, pa?.port, OperationType.CREATE);
    for (const key of new Set([...(pb?.dhcp.keys() ?? []), ...(pa?.dhcp.keys() ?? [])])) put(delta.dhcpStates, key, pb?.dhcp.get(key), pa?.dhcp.get(key));
  }

  // VPCs and subnets of the visible networks
  for (const n of candidates(c.networks, reshaped, hb?.visible, ha?.visible)) {
    const b = hb?.visible.has(n) ? (c.prevVpcs.has(n) ? c.prevVpcs.get(n) : e.vpcConfigs.get(n)) : undefined;
    const a = ha?.visible.has(n) ? e.vpcConfigs.get(n) : undefined;
    put(delta.vpcStates, n, b, a);
  }
  const visibleSubnets = reshaped ? [...candidates(new Set(), true, hb?.visible, ha?.visible)].flatMap((n) => [...e.subnetsByNetwork.get(n)]) : [];
  for (const s of candidates(c.subnets, reshaped, visibleSubnets)) {
    const vb = c.prevSubnets.has(s) ? c.prevSubnets.get(s) : e.subnetViews.get(s);
    const va = e.subnetViews.get(s);
    put(delta.subnetStates, s, vb && hb?.visible.has(vb.networkId) ? vb.config : undefined, va && ha?.visible.has(va.networkId) ? va.config : undefined);
  }

  // security groups (one per-rule delta per group and change, shared by all hosts)
  for (const g of candidates(c.groups, reshaped, hb?.groups, ha?.groups)) {
    const b = hb?.groups.has(g) ? (c.prevGroups.has(g) ? c.prevGroups.get(g) : e.groupConfigs.get(g)) : undefined;
    const a = ha?.groups.has(g) ? e.groupConfigs.get(g) : undefined;
    if (b && a && b !== a) {
      let d = memo.get(`sg/${g}`) as SecurityGroupState | undefined;
      if (!d) memo.set(`sg/${g}`, (d = securityGroupDelta(state(OperationType.CREATE, b), state(OperationType.CREATE, a))));
      delta.securityGroupStates[g] = d;
    } else put(delta.securityGroupStates, g, b, a);
  }

  // routers (DVR MAC and floating IPs per host)
  const fipRouters = c.fipRouters.get(hostId);
  const routers = candidates(c.routers, reshaped, hb?.routers, ha?.routers);
  for (const r of fipRouters ? new Set([...routers, ...fipRouters]) : routers) {
    const b = hb?.routers.has(r) ? (c.prevRouters.has(r) ? c.prevRouters.get(r) : e.routerConfigs.get(r)) : undefined;
    const a = ha?.routers.has(r) ? e.routerConfigs.get(r) : undefined;
    const fb = fipRouters?.has(r) ? e.floatingIpsOn(hostId, r, (id) => (c.prevFips.has(id) ? c.prevFips.get(id) : e.fipViews.get(id)), c.prevFips.keys()) : undefined;
    const fa = e.floatingIpsOn(hostId, r);
    put(delta.routerStates, r, b && hb ? routerFor(b, hb, fb ?? fa) : undefined, a && ha ? routerFor(a, ha, fa) : undefined);
  }

  // neighbors: changed ports, plus all members of VPCs / routers the host gained or lost
  const l2 = reshaped ? candidates(c.neighborPorts, true, ...[...symmetricDifference(hb?.vpcs, ha?.vpcs)].map((v) => e.vpcMembers.get(v))) : c.neighborPorts;
  const l3 = reshaped ? candidates(c.neighborPorts, true, ...[...symmetricDifference(hb?.routers, ha?.routers)].map((r) => e.routerMembers.get(r))) : c.neighborPorts;
  for (const id of l2) {
    const b = portBefore(id);
    const a = portAfter(id);
    const nb = b?.l2 && hb?.vpcs.has(b.record.network_id) ? b.l2 : undefined;
    const na = a?.l2 && ha?.vpcs.has(a.record.network_id) ? a.l2 : undefined;
    putShared(delta.neighborStates, l2NeighborKey(id), nb, na, memo);
  }
  for (const id of l3) {
    const b = portBefore(id);
    const a = portAfter(id);
    const nb = b?.l3 && hb && b.l3Routers.some((r) => hb.routers.has(r)) ? b.l3 : undefined;
    const na = a?.l3 && ha && a.l3Routers.some((r) => ha.routers.has(r)) ? a.l3 : undefined;
    putShared(delta.neighborStates, l3NeighborKey(id), nb, na, memo);
  }

  if (isEmptyGoalState(delta)) return undefined;
  if (ha) addLookupStates(delta, lookupView(e, ha));
  delta.hostResources = hostResourcesOf(host.hostIp, delta);
  return delta;
}

/** CREATE / UPDATE (or `changedOp`) / DELETE of one key, nothing when unchanged. */
function put<C>(map: Record<string, State<C>>, key: string, before: C | undefined, after: C | undefined, changedOp = OperationType.UPDATE): void {
  if (before === after || (before !== undefined && after !== undefined && deepEqual(before, after))) return;
  if (after === undefined) map[key] = state(OperationType.DELETE, must(before));
  else map[key] = state(before === undefined ? OperationType.CREATE : changedOp, after);
}

/** Same, with the state objects shared across the hosts of one change (1,000 hosts, one neighbor object). */
function putShared(map: Record<string, State<NeighborConfiguration>>, key: string, before: NeighborConfiguration | undefined, after: NeighborConfiguration | undefined, memo: Map<string, unknown>): void {
  if (before === after) return;
  const op = after === undefined ? OperationType.DELETE : before === undefined ? OperationType.CREATE : OperationType.UPDATE;
  let byOp = memo.get(key) as State<NeighborConfiguration>[] | undefined;
  if (!byOp) memo.set(key, (byOp = []));
  map[key] = byOp[op] ??= state(op, must(after ?? before));
}

/** The change's own keys, plus (for a reshaped host) the keys of what it held before or holds now. */
function candidates(changed: ReadonlySet<string>, reshaped: boolean, ...held: (Iterable<string> | undefined)[]): ReadonlySet<string> {
  if (!reshaped) return changed;
  const out = new Set(changed);
  for (const set of held) for (const x of set ?? []) out.add(x);
  return out;
}

function* symmetricDifference(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): Iterable<string> {
  for (const x of a ?? []) if (!b?.has(x)) yield x;
  for (const x of b ?? []) if (!a?.has(x)) yield x;
}

/** The subnet and VPC states a host holds now, as the lookup source for INFO states. */
function lookupView(e: Engine, h: HostView): LookupStates {
  return {
    subnet: (id) => {
      const v = e.subnetViews.get(id);
      return v?.config && h.visible.has(v.networkId) ? v.config : undefined;
    },
    vpc: (id) => (h.visible.has(id) ? e.vpcConfigs.get(id) : undefined),
  };
}
