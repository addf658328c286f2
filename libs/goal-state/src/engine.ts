import {
  NeighborType,
  OperationType,
  UpdateType,
  type DHCPConfiguration,
  type RouterConfiguration,
  type RouterConfiguration_FloatingIp,
  type SecurityGroupConfiguration,
  type SecurityGroupConfiguration_SecurityGroupRule,
  type SecurityGroupState,
  type VpcConfiguration,
} from '@alcor/proto';
import {
  dhcpConfiguration,
  floatingIpConfiguration,
  memberRule,
  NO_FLOATING_IPS,
  neighborConfiguration,
  portConfiguration,
  routerConfiguration,
  securityGroupConfiguration,
  subnetConfiguration,
  vpcConfiguration,
  wireRules,
} from './configs';
import { DEFAULT_DVR_MAC, dhcpId } from './conventions';
import { deepEqual } from './equal';
import { MultiMap } from './multi-map';
import type { FloatingIpRecord, NodeRecord, PortRecord, RouterRecord, SubnetRecord, TopologyChange } from './records';
import { distinctSorted } from './reference';
import { Topology } from './topology';
import { sameHostView, type FloatingIpView, type HostView, type PortView, type SubnetView } from './views';
import { must } from './must';
import { RuleList } from './rule-list';
import { withLazyRules, withoutRules } from './lazy-group-configuration';

const NO_DHCP: ReadonlyMap<string, DHCPConfiguration> = new Map();
const NO_ROUTERS: string[] = [];

/** What one change really changed (contents compared, unchanged objects kept), plus the "before" views. */
export interface ChangeSet {
  /** Ports whose port/DHCP states or host changed. */
  localPorts: Set<string>;
  /** Ports whose neighbor states, VPC, host or router set changed. */
  neighborPorts: Set<string>;
  networks: Set<string>;
  subnets: Set<string>;
  groups: Set<string>;
  routers: Set<string>;
  /** Hosts whose id sets changed (or appeared / vanished). */
  hosts: Set<string>;
  prevPorts: Map<string, PortView | undefined>;
  prevSubnets: Map<string, SubnetView | undefined>;
  prevVpcs: Map<string, VpcConfiguration | undefined>;
  prevGroups: Map<string, SecurityGroupConfiguration | undefined>;
  prevRouters: Map<string, RouterConfiguration | undefined>;
  prevHosts: Map<string, HostView | undefined>;
  /** Per-rule deltas of groups patched in place (shared by every host holding the group). */
  groupDeltas: Map<string, SecurityGroupState>;
  /** Floating IPs whose configuration, host or router changed, with their "before" views. */
  prevFips: Map<string, FloatingIpView | undefined>;
  /** host -> routers whose floating-IP list on that host may have changed. */
  fipRouters: Map<string, Set<string>>;
}

/**
 * The incremental core (OVN-style): base records + their indexes, derived views and shared
 * configurations, and host views (sets of ids per host). A change marks what it may touch, the
 * engine recomputes only those entries, keeps the old object wherever the new one is equal (so
 * later comparisons are by reference), and reports what really changed. Hosts never materialise
 * their neighbors: they are the members of the host's VPCs and routers.
 */
export class Engine {
  readonly t = new Topology();
  // indexes over the records
  readonly portsByNetwork = new MultiMap();
  readonly portsByHostName = new MultiMap();
  readonly portsBySubnet = new MultiMap();
  readonly subnetsByNetwork = new MultiMap();
  readonly nodesByName = new Map<string, NodeRecord>();
  readonly routersBySubnet = new MultiMap();
  readonly routersByPort = new MultiMap();
  readonly groupMembers = new MultiMap();
  readonly groupReferrers = new MultiMap();
  /** group -> member address -> number of member ports holding it (addresses may repeat across VPCs). */
  readonly groupIps = new Map<string, Map<string, number>>();
  /** Member addresses that appeared / vanished in the change being applied, per group. */
  private memberChanges = new Map<string, { added: string[]; removed: string[] }>();
  /** `<networkId>|<ip>` -> ports: addresses are unique per VPC only, never globally. */
  readonly portsByVpcIp = new MultiMap();
  /** `<subnetId>|<ip>` -> ports (L3 on-demand lookups). */
  readonly portsBySubnetIp = new MultiMap();
  // derived
  readonly portViews = new Map<string, PortView>();
  readonly subnetViews = new Map<string, SubnetView>();
  readonly vpcConfigs = new Map<string, VpcConfiguration>();
  readonly groupConfigs = new Map<string, SecurityGroupConfiguration>();
  /** The rule list behind a group's current configuration, when patchGroup made it (keyed to that object). */
  private readonly groupRules = new Map<string, { config: SecurityGroupConfiguration; rules: RuleList<SecurityGroupConfiguration_SecurityGroupRule> }>();
  readonly routerConfigs = new Map<string, RouterConfiguration>();
  readonly hostViews = new Map<string, HostView>();
  readonly vpcMembers = new MultiMap();
  readonly routerMembers = new MultiMap();
  readonly vpcHosts = new MultiMap();
  readonly routerHosts = new MultiMap();
  readonly visibleHosts = new MultiMap();
  readonly groupHosts = new MultiMap();
  // floating IPs: records indexed by the ports they name (fixed and floating) and their external subnet
  readonly fipsByPort = new MultiMap();
  readonly fipsBySubnet = new MultiMap();
  readonly fipViews = new Map<string, FloatingIpView>();
  /** `<host>|<router>` -> floating IPs programmed there. */
  readonly fipsByHostRouter = new MultiMap();

  /** Loads records without tracking changes; call rebuild() afterwards. */
  load(change: TopologyChange): void {
    this.updateRecords(change);
  }

  /** Derives every view from the records (restart rebuild). */
  rebuild(): void {
    for (const m of [this.vpcMembers, this.routerMembers, this.vpcHosts, this.routerHosts, this.visibleHosts, this.groupHosts, this.fipsByHostRouter]) m.clear();
    for (const map of [this.portViews, this.subnetViews, this.vpcConfigs, this.groupConfigs, this.routerConfigs, this.hostViews, this.fipViews]) map.clear();
    this.groupRules.clear();
    for (const id of this.t.networks.keys()) this.vpcConfigs.set(id, vpcConfiguration(must(this.t.networks.get(id))));
    for (const s of this.t.subnets.values()) this.subnetViews.set(s.id, this.computeSubnet(s));
    for (const g of this.t.groups.keys()) this.groupConfigs.set(g, must(this.computeGroup(g)));
    for (const r of this.t.routers.keys()) this.routerConfigs.set(r, must(this.computeRouter(r)));
    for (const p of this.t.ports.values()) this.setPortView(p.id, undefined, this.computePort(p));
    for (const f of this.t.floatingIps.values()) this.setFipView(f.id, undefined, this.computeFip(f));
    for (const name of this.nodesByName.keys()) this.setHostView(name, undefined, this.computeHost(name));
  }

  /** Applies one change and returns what it changed. */
  apply(change: TopologyChange): ChangeSet {
    const c: ChangeSet = {
      localPorts: new Set(), neighborPorts: new Set(), networks: new Set(), subnets: new Set(), groups: new Set(), routers: new Set(), hosts: new Set(),
      prevPorts: new Map(), prevSubnets: new Map(), prevVpcs: new Map(), prevGroups: new Map(), prevRouters: new Map(), prevHosts: new Map(), groupDeltas: new Map(),
      prevFips: new Map(), fipRouters: new Map(),
    };
    const touched = this.mayTouch(change);
    this.memberChanges.clear();
    const settle = change.kind === 'port' ? this.memberPresence(this.t.ports.get(change.op === 'upsert' ? change.port.id : change.id), change.op === 'upsert' ? change.port : undefined) : undefined;
    this.updateRecords(change);
    settle?.();

    for (const n of touched.networks) {
      const prev = this.vpcConfigs.get(n);
      const rec = this.t.networks.get(n);
      const next = rec ? keep(prev, vpcConfiguration(rec)) : undefined;
      if (next === prev) continue;
      c.prevVpcs.set(n, prev);
      c.networks.add(n);
      setOrDelete(this.vpcConfigs, n, next);
    }
    for (const s of touched.subnets) {
      const prev = this.subnetViews.get(s);
      const rec = this.t.subnets.get(s);
      let next = rec ? this.computeSubnet(rec) : undefined;
      if (prev && next && prev.networkId === next.networkId && (prev.config === next.config || deepEqual(prev.config, next.config))) next = prev;
      if (next === prev) continue;
      c.prevSubnets.set(s, prev);
      c.subnets.add(s);
      setOrDelete(this.subnetViews, s, next);
    }
    for (const g of touched.groups) {
      const prev = this.groupConfigs.get(g);
      const patched = change.kind === 'port' ? this.patchGroup(g) : undefined;
      const next = patched ? patched.config : keep(prev, this.computeGroup(g));
      if (next === prev) continue;
      if (patched?.delta) c.groupDeltas.set(g, patched.delta);
      c.prevGroups.set(g, prev);
      c.groups.add(g);
      setOrDelete(this.groupConfigs, g, next);
      if (!patched) this.groupRules.delete(g);
    }
    for (const r of touched.routers) {
      const prev = this.routerConfigs.get(r);
      const next = keep(prev, this.computeRouter(r));
      if (next === prev) continue;
      c.prevRouters.set(r, prev);
      c.routers.add(r);
      setOrDelete(this.routerConfigs, r, next);
    }
    const hosts = touched.hosts;
    for (const id of touched.ports) {
      const prev = this.portViews.get(id);
      const rec = this.t.ports.get(id);
      const next = rec ? this.reuse(prev, this.computePort(rec)) : undefined;
      const local = prev?.host !== next?.host || prev?.port !== next?.port || prev?.dhcp !== next?.dhcp;
      const neighbor =
        prev?.host !== next?.host || prev?.l2 !== next?.l2 || prev?.l3 !== next?.l3 || prev?.record.network_id !== next?.record.network_id || !sameList(prev?.l3Routers, next?.l3Routers);
      if (!local && !neighbor) {
        if (next) this.portViews.set(id, next); // same states, newer record
        continue;
      }
      c.prevPorts.set(id, prev);
      if (local) c.localPorts.add(id);
      if (neighbor) c.neighborPorts.add(id);
      this.setPortView(id, prev, next);
      if (prev?.host) hosts.add(prev.host);
      if (next?.host) hosts.add(next.host);
    }
    // after the ports: a floating IP follows its fixed port's host (node renames and placement included)
    const fips = touched.fips;
    for (const id of touched.ports) for (const f of this.fipsByPort.get(id)) fips.add(f);
    for (const id of fips) {
      const prev = this.fipViews.get(id);
      const rec = this.t.floatingIps.get(id);
      let next = rec ? this.computeFip(rec) : undefined;
      if (prev && next && deepEqual(prev.config, next.config)) next = { ...next, config: prev.config };
      if (prev && next && prev.host === next.host && prev.router === next.router && prev.config === next.config) {
        this.fipViews.set(id, next); // same state, newer record
        continue;
      }
      c.prevFips.set(id, prev);
      this.setFipView(id, prev, next);
      for (const v of [prev, next]) {
        if (!v?.host || !v.router) continue;
        let routers = c.fipRouters.get(v.host);
        if (!routers) c.fipRouters.set(v.host, (routers = new Set()));
        routers.add(v.router);
      }
    }
    for (const h of hosts) {
      const prev = this.hostViews.get(h);
      const next = this.computeHost(h);
      if (sameHostView(prev, next)) continue;
      c.prevHosts.set(h, prev);
      c.hosts.add(h);
      this.setHostView(h, prev, next);
    }
    return c;
  }

  /** Everything a change may touch, found with the indexes as they are before it. */
  private mayTouch(change: TopologyChange): { ports: Set<string>; networks: Set<string>; subnets: Set<string>; groups: Set<string>; routers: Set<string>; hosts: Set<string>; fips: Set<string> } {
    const m = { ports: new Set<string>(), networks: new Set<string>(), subnets: new Set<string>(), groups: new Set<string>(), routers: new Set<string>(), hosts: new Set<string>(), fips: new Set<string>() };
    const addAll = (set: Set<string>, values: Iterable<string>): void => {
      for (const v of values) set.add(v);
    };
    switch (change.kind) {
      case 'network': {
        const id = change.op === 'upsert' ? change.network.id : change.id;
        m.networks.add(id);
        for (const s of this.subnetsByNetwork.get(id)) {
          m.subnets.add(s);
          addAll(m.routers, this.routersBySubnet.get(s)); // a router table lists usable subnets only
        }
        if (this.t.networks.has(id) !== (change.op === 'upsert')) {
          addAll(m.ports, this.portsByNetwork.get(id)); // placement
          for (const s of this.subnetsByNetwork.get(id)) addAll(m.ports, this.portsBySubnet.get(s)); // DHCP needs a usable subnet
        }
        break;
      }
      case 'subnet': {
        const id = change.op === 'upsert' ? change.subnet.id : change.id;
        m.subnets.add(id);
        addAll(m.ports, this.portsBySubnet.get(id)); // DHCP states
        addAll(m.fips, this.fipsBySubnet.get(id)); // external next hop
        for (const r of this.routersBySubnet.get(id)) {
          m.routers.add(r);
          addAll(m.hosts, this.routerHosts.get(r)); // the networks a router joins
        }
        break;
      }
      case 'port': {
        const id = change.op === 'upsert' ? change.port.id : change.id;
        m.ports.add(id);
        const before = this.t.ports.get(id);
        const after = change.op === 'upsert' ? change.port : undefined;
        for (const g of [...(before?.security_groups ?? []), ...(after?.security_groups ?? [])]) addAll(m.groups, this.groupReferrers.get(g));
        for (const r of this.routersByPort.get(id)) {
          for (const i of must(this.t.routers.get(r)).interfaces) if (i.port_id === id) m.subnets.add(i.subnet_id); // gateway MAC
        }
        break;
      }
      case 'node': {
        const id = change.op === 'upsert' ? change.node.node_id : change.id;
        for (const n of [this.t.nodes.get(id), change.op === 'upsert' ? change.node : undefined]) {
          if (!n) continue;
          m.hosts.add(n.node_name);
          addAll(m.ports, this.portsByHostName.get(n.node_name));
        }
        break;
      }
      case 'securityGroup':
        m.groups.add(change.op === 'upsert' ? change.group.id : change.id);
        break;
      case 'floatingIp':
        m.fips.add(change.op === 'upsert' ? change.floatingIp.id : change.id);
        break;
      case 'router': {
        const id = change.op === 'upsert' ? change.router.id : change.id;
        m.routers.add(id);
        addAll(m.hosts, this.routerHosts.get(id));
        for (const r of [this.t.routers.get(id), change.op === 'upsert' ? change.router : undefined]) {
          for (const i of r?.interfaces ?? []) {
            m.subnets.add(i.subnet_id);
            addAll(m.ports, this.portsBySubnet.get(i.subnet_id));
          }
        }
        break;
      }
    }
    return m;
  }

  /** Stores the record and keeps the record indexes in step. */
  private updateRecords(change: TopologyChange): void {
    switch (change.kind) {
      case 'network':
        break;
      case 'subnet': {
        const id = change.op === 'upsert' ? change.subnet.id : change.id;
        const old = this.t.subnets.get(id);
        if (old) this.subnetsByNetwork.delete(old.network_id, id);
        if (change.op === 'upsert') this.subnetsByNetwork.add(change.subnet.network_id, id);
        break;
      }
      case 'port': {
        const id = change.op === 'upsert' ? change.port.id : change.id;
        const old = this.t.ports.get(id);
        if (old) this.indexPort(old, false);
        if (change.op === 'upsert') this.indexPort(change.port, true);
        break;
      }
      case 'node': {
        const id = change.op === 'upsert' ? change.node.node_id : change.id;
        const old = this.t.nodes.get(id);
        if (old && this.nodesByName.get(old.node_name) === old) this.nodesByName.delete(old.node_name);
        if (change.op === 'upsert') this.nodesByName.set(change.node.node_name, change.node);
        break;
      }
      case 'securityGroup': {
        const id = change.op === 'upsert' ? change.group.id : change.id;
        for (const r of this.t.groups.get(id)?.security_group_rules ?? []) if (r.remote_group_id) this.groupReferrers.delete(r.remote_group_id, id);
        if (change.op === 'upsert') for (const r of change.group.security_group_rules) if (r.remote_group_id) this.groupReferrers.add(r.remote_group_id, id);
        break;
      }
      case 'floatingIp': {
        const old = this.t.floatingIps.get(change.op === 'upsert' ? change.floatingIp.id : change.id);
        if (old) this.indexFip(old, false);
        if (change.op === 'upsert') this.indexFip(change.floatingIp, true);
        break;
      }
      case 'router': {
        const id = change.op === 'upsert' ? change.router.id : change.id;
        for (const i of this.t.routers.get(id)?.interfaces ?? []) {
          this.routersBySubnet.delete(i.subnet_id, id);
          this.routersByPort.delete(i.port_id, id);
        }
        if (change.op === 'upsert') {
          for (const i of change.router.interfaces) {
            this.routersBySubnet.add(i.subnet_id, id);
            this.routersByPort.add(i.port_id, id);
          }
        }
        break;
      }
    }
    this.t.apply(change);
  }

  private indexFip(f: FloatingIpRecord, add: boolean): void {
    const op = add ? 'add' : 'delete';
    for (const port of new Set([f.port_id, f.floating_port_id])) if (port) this.fipsByPort[op](port, f.id);
    if (f.floating_subnet_id) this.fipsBySubnet[op](f.floating_subnet_id, f.id);
  }

  /** On the fixed port's host, in its router's state, when associated (the host must hold the router to get it). */
  private computeFip(f: FloatingIpRecord): FloatingIpView {
    const host = f.port_id && f.router_id ? this.portViews.get(f.port_id)?.host : undefined;
    const config = floatingIpConfiguration(f, this.t.subnets.get(f.floating_subnet_id ?? ''), this.t.ports.get(f.floating_port_id ?? ''));
    return { record: f, host, router: host ? (f.router_id ?? undefined) : undefined, config };
  }

  private setFipView(id: string, prev: FloatingIpView | undefined, next: FloatingIpView | undefined): void {
    if (prev?.host && prev.router) this.fipsByHostRouter.delete(hostRouterKey(prev.host, prev.router), id);
    if (next?.host && next.router) this.fipsByHostRouter.add(hostRouterKey(next.host, next.router), id);
    setOrDelete(this.fipViews, id, next);
  }

  /**
   * The floating IPs of `router` on `host`, sorted by id. `viewOf` reads the views of one side of a
   * change; `alsoCheck` the ids whose view changed (the index holds the "after" side only).
   */
  floatingIpsOn(host: string, router: string, viewOf: (id: string) => FloatingIpView | undefined = (id) => this.fipViews.get(id), alsoCheck?: Iterable<string>): readonly RouterConfiguration_FloatingIp[] {
    const key = hostRouterKey(host, router);
    if (!alsoCheck && !this.fipsByHostRouter.has(key)) return NO_FLOATING_IPS; // the common case: none
    const ids = new Set(this.fipsByHostRouter.get(key));
    for (const id of alsoCheck ?? []) ids.add(id);
    if (ids.size === 0) return NO_FLOATING_IPS;
    const out: RouterConfiguration_FloatingIp[] = [];
    for (const id of [...ids].sort()) {
      const v = viewOf(id);
      if (v && v.host === host && v.router === router) out.push(v.config);
    }
    return out.length ? out : NO_FLOATING_IPS;
  }

  private indexPort(p: PortRecord, add: boolean): void {
    const op = add ? 'add' : 'delete';
    this.portsByNetwork[op](p.network_id, p.id);
    this.portsByHostName[op](p['binding:host_id'], p.id);
    for (const f of p.fixed_ips) {
      this.portsBySubnet[op](f.subnet_id, p.id);
      this.portsByVpcIp[op](vpcIpKey(p.network_id, f.ip_address), p.id);
      this.portsBySubnetIp[op](vpcIpKey(f.subnet_id, f.ip_address), p.id);
    }
    for (const g of p.security_groups ?? []) {
      this.groupMembers[op](g, p.id);
      let ips = this.groupIps.get(g);
      if (!ips) this.groupIps.set(g, (ips = new Map()));
      for (const f of p.fixed_ips) {
        const n = (ips.get(f.ip_address) ?? 0) + (add ? 1 : -1);
        if (n > 0) ips.set(f.ip_address, n);
        else ips.delete(f.ip_address);
      }
      if (ips.size === 0) this.groupIps.delete(g);
    }
  }

  private computePort(p: PortRecord): PortView {
    const l3Routers = p.fixed_ips.some((f) => this.routersBySubnet.has(f.subnet_id)) ? distinctSorted(p.fixed_ips.flatMap((f) => [...this.routersBySubnet.get(f.subnet_id)])) : NO_ROUTERS;
    const node = p.admin_state_up !== false && this.t.networks.has(p.network_id) ? this.nodesByName.get(p['binding:host_id']) : undefined;
    if (!node) return { record: p, l3Routers, dhcp: NO_DHCP };
    const dhcp = new Map<string, DHCPConfiguration>();
    for (const f of p.fixed_ips) {
      const s = this.t.subnets.get(f.subnet_id);
      if (s && s.enable_dhcp && this.t.networks.has(s.network_id)) dhcp.set(dhcpId(p.id, f.ip_address), dhcpConfiguration(p, s.id, f.ip_address));
    }
    const routed = p.fixed_ips.filter((f) => this.routersBySubnet.has(f.subnet_id));
    return {
      record: p,
      host: node.node_name,
      l3Routers,
      port: portConfiguration(p, node),
      dhcp: dhcp.size ? dhcp : NO_DHCP,
      l2: neighborConfiguration(p, node, NeighborType.L2, p.fixed_ips),
      l3: l3Routers.length ? neighborConfiguration(p, node, NeighborType.L3, routed) : undefined,
    };
  }

  /** The new view with every configuration equal to the old one replaced by the old object. */
  private reuse(prev: PortView | undefined, next: PortView): PortView {
    if (!prev) return next;
    const sameDhcp = prev.dhcp.size === next.dhcp.size && [...next.dhcp].every(([k, v]) => deepEqual(prev.dhcp.get(k), v));
    return {
      ...next,
      port: keep(prev.port, next.port),
      l2: keep(prev.l2, next.l2),
      l3: keep(prev.l3, next.l3),
      dhcp: sameDhcp ? prev.dhcp : next.dhcp,
    };
  }

  private setPortView(id: string, prev: PortView | undefined, next: PortView | undefined): void {
    if (prev?.host) {
      this.vpcMembers.delete(prev.record.network_id, id);
      for (const r of prev.l3Routers) this.routerMembers.delete(r, id);
    }
    if (next?.host) {
      this.vpcMembers.add(next.record.network_id, id);
      for (const r of next.l3Routers) this.routerMembers.add(r, id);
    }
    setOrDelete(this.portViews, id, next);
  }

  private computeSubnet(s: SubnetRecord): SubnetView {
    const n = this.t.networks.get(s.network_id);
    return { networkId: s.network_id, config: n ? subnetConfiguration(s, n, this.gatewayMac(s.id)) : undefined };
  }

  private gatewayMac(subnetId: string): string {
    for (const r of [...this.routersBySubnet.get(subnetId)].sort()) {
      for (const i of must(this.t.routers.get(r)).interfaces) {
        if (i.subnet_id !== subnetId) continue;
        const port = this.t.ports.get(i.port_id);
        if (port) return port.mac_address;
      }
    }
    return '';
  }

  private computeGroup(id: string): SecurityGroupConfiguration | undefined {
    const g = this.t.groups.get(id);
    return g ? securityGroupConfiguration(g, (remote) => this.memberIps(remote)) : undefined;
  }

  private memberIps(groupId: string): string[] {
    return [...(this.groupIps.get(groupId)?.keys() ?? [])].sort();
  }

  /** Which member addresses of the port's groups the port change adds or removes (run around updateRecords). */
  private memberPresence(before: PortRecord | undefined, after: PortRecord | undefined): () => void {
    const groups = new Set([...(before?.security_groups ?? []), ...(after?.security_groups ?? [])]);
    const ips = new Set([...(before?.fixed_ips ?? []), ...(after?.fixed_ips ?? [])].map((f) => f.ip_address));
    const had = new Map<string, Set<string>>();
    for (const g of groups) had.set(g, new Set([...ips].filter((ip) => this.groupIps.get(g)?.has(ip))));
    return () => {
      for (const g of groups) {
        const change = { added: [] as string[], removed: [] as string[] };
        for (const ip of ips) {
          const was = had.get(g)?.has(ip) ?? false;
          const is = this.groupIps.get(g)?.has(ip) ?? false;
          if (is && !was) change.added.push(ip);
          if (was && !is) change.removed.push(ip);
        }
        if (change.added.length || change.removed.length) this.memberChanges.set(g, change);
      }
    };
  }

  /**
   * A group whose record is unchanged but whose remote groups gained or lost addresses: the
   * expansion rules of those addresses are added / removed (a merge, no full rebuild and compare of
   * every rule), and the per-rule delta comes for free. undefined: no such shortcut applies.
   */
  private patchGroup(id: string): { config: SecurityGroupConfiguration; delta: SecurityGroupState | undefined } | undefined {
    const prev = this.groupConfigs.get(id);
    const record = this.t.groups.get(id);
    if (!prev || !record) return undefined;
    const added: SecurityGroupConfiguration_SecurityGroupRule[] = [];
    const removedIds = new Set<string>();
    for (const rule of record.security_group_rules) {
      const change = rule.remote_group_id ? this.memberChanges.get(rule.remote_group_id) : undefined;
      if (!change) continue;
      const v6 = rule.ethertype === 'IPv6';
      for (const base of wireRules(id, rule, [])) {
        for (const ip of change.added) if (ip.includes(':') === v6) added.push({ ...memberRule(base, ip), operationType: OperationType.CREATE });
        for (const ip of change.removed) if (ip.includes(':') === v6) removedIds.add(`${base.id}@${ip}`);
      }
    }
    if (added.length === 0 && removedIds.size === 0) return { config: prev, delta: undefined };
    added.sort(byId);
    // A persistent list: a group with a remote group holds a rule per member address, and copying
    // them all made each port change O(members) in time and garbage.
    const known = this.groupRules.get(id);
    let rules = known && known.config === prev ? known.rules : RuleList.from(prev.securityGroupRules);
    const removed: SecurityGroupConfiguration_SecurityGroupRule[] = [];
    for (const ruleId of removedIds) {
      const rule = rules.get(ruleId);
      if (!rule) continue;
      removed.push({ ...rule, operationType: OperationType.DELETE });
      rules = rules.delete(ruleId);
    }
    for (const rule of added) rules = rules.insert(rule);
    const base = withoutRules(prev);
    const config = withLazyRules(base, rules);
    this.groupRules.set(id, { config, rules });
    const delta = { operationType: OperationType.UPDATE, configuration: { ...base, updateType: UpdateType.DELTA, securityGroupRules: [...added, ...removed].sort(byId) } };
    return { config, delta };
  }

  private computeRouter(id: string): RouterConfiguration | undefined {
    const r: RouterRecord | undefined = this.t.routers.get(id);
    if (!r) return undefined;
    const subnets = distinctSorted(r.interfaces.map((i) => i.subnet_id))
      .map((s) => this.t.subnets.get(s))
      .filter((s): s is SubnetRecord => s !== undefined && this.t.networks.has(s.network_id));
    return routerConfiguration(r, { node_id: '', node_name: '', local_ip: '', mac_address: '', host_dvr_mac: '-' }, subnets);
  }

  private computeHost(name: string): HostView | undefined {
    const node = this.nodesByName.get(name);
    if (!node) return undefined;
    const local = new Set<string>();
    const vpcs = new Set<string>();
    const routers = new Set<string>();
    const groups = new Set<string>();
    for (const id of this.portsByHostName.get(name)) {
      const v = this.portViews.get(id);
      if (v?.host !== name) continue;
      local.add(id);
      vpcs.add(v.record.network_id);
      for (const r of v.l3Routers) routers.add(r);
      for (const g of v.record.security_groups ?? []) groups.add(g);
    }
    const visible = new Set(vpcs);
    for (const r of routers) {
      for (const i of must(this.t.routers.get(r)).interfaces) {
        const s = this.t.subnets.get(i.subnet_id);
        if (s) visible.add(s.network_id);
      }
    }
    return { nodeId: node.node_id, hostIp: node.local_ip, dvrMac: node.host_dvr_mac || DEFAULT_DVR_MAC, local, vpcs, routers, visible, groups };
  }

  private setHostView(name: string, prev: HostView | undefined, next: HostView | undefined): void {
    const pairs: [MultiMap, keyof HostView][] = [
      [this.vpcHosts, 'vpcs'],
      [this.routerHosts, 'routers'],
      [this.visibleHosts, 'visible'],
      [this.groupHosts, 'groups'],
    ];
    for (const [index, field] of pairs) {
      const before = (prev?.[field] ?? new Set()) as ReadonlySet<string>;
      const after = (next?.[field] ?? new Set()) as ReadonlySet<string>;
      for (const x of before) if (!after.has(x)) index.delete(x, name);
      for (const x of after) if (!before.has(x)) index.add(x, name);
    }
    setOrDelete(this.hostViews, name, next);
  }
}

function hostRouterKey(host: string, router: string): string {
  return `${host}|${router}`;
}

export function vpcIpKey(networkId: string, ip: string): string {
  return `${networkId}|${ip}`;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `prev` when equal to `next` (so unchanged states stay the same object), else `next`. */
function keep<T>(prev: T | undefined, next: T | undefined): T | undefined {
  return prev !== undefined && next !== undefined && deepEqual(prev, next) ? prev : next;
}

function setOrDelete<V>(map: Map<string, V>, key: string, value: V | undefined): void {
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
