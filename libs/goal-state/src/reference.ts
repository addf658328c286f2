import { GOAL_STATE_V2_FORMAT_VERSION, NeighborType, OperationType, type GoalStateV2 } from '@alcor/proto';
import {
  dhcpConfiguration,
  floatingIpConfiguration,
  neighborConfiguration,
  portConfiguration,
  routerConfiguration,
  securityGroupConfiguration,
  subnetConfiguration,
  vpcConfiguration,
} from './configs';
import { dhcpId, l2NeighborKey, l3NeighborKey } from './conventions';
import { hostResourcesOf } from './host-resources';
import type { NodeRecord, PortRecord, RouterRecord, SubnetRecord } from './records';
import type { Topology } from './topology';
import { must } from './must';

/**
 * The definition of a host's goal state, computed the slow obvious way by scanning every record.
 * The incremental index must always agree with it (property test); it is also what the index
 * used before it became incremental.
 *
 * - Local ports: ports on the host (records.ts); each brings its PortState, one DHCPState per
 *   address on a DHCP-enabled subnet, and the SecurityGroupStates of its groups.
 * - Routers of the host: routers with an interface on a subnet of a local port's address.
 * - Visible networks: the local ports' networks plus every network joined by a host router; the
 *   host gets their VpcStates and the SubnetStates of all their subnets (self-contained, hazard 7).
 * - Neighbors: `L2/<port>` for every placed port of a local port's network; `L3/<port>` for every
 *   placed port with an address on a subnet of a host router (its router-joined addresses, type L3).
 * - Floating IPs: in the state of a host router, every floating IP whose router is that router and
 *   whose fixed port is a local port (sorted by id); other hosts of the router never see them.
 */
export function referenceGoalState(t: Topology, hostId: string): GoalStateV2 | undefined {
  const nodesByName = new Map([...t.nodes.values()].map((n) => [n.node_name, n]));
  const node = nodesByName.get(hostId);
  if (!node) return undefined;
  const placedNode = (p: PortRecord): NodeRecord | undefined =>
    p.admin_state_up !== false && t.networks.has(p.network_id) ? nodesByName.get(p['binding:host_id']) : undefined;
  const routers = [...t.routers.values()].sort(byId);
  const routersOfSubnet = (subnetId: string): RouterRecord[] => routers.filter((r) => r.interfaces.some((i) => i.subnet_id === subnetId));
  const usable = (s: SubnetRecord | undefined): s is SubnetRecord => s !== undefined && t.networks.has(s.network_id);

  const local = [...t.ports.values()].filter((p) => placedNode(p) === node);
  const localIds = new Set(local.map((p) => p.id));
  const vpcs = new Set(local.map((p) => p.network_id));
  const hostRouters = new Set(local.flatMap((p) => p.fixed_ips.flatMap((f) => routersOfSubnet(f.subnet_id).map((r) => r.id))));
  const visible = new Set(vpcs);
  for (const id of hostRouters) {
    for (const i of must(t.routers.get(id)).interfaces) {
      const s = t.subnets.get(i.subnet_id);
      if (s) visible.add(s.network_id);
    }
  }

  const gs = emptyGoalState();
  for (const n of t.networks.values()) if (visible.has(n.id)) gs.vpcStates[n.id] = create(vpcConfiguration(n));
  for (const s of t.subnets.values()) {
    if (!visible.has(s.network_id) || !usable(s)) continue;
    gs.subnetStates[s.id] = create(subnetConfiguration(s, must(t.networks.get(s.network_id)), gatewayMac(t, routersOfSubnet(s.id), s.id)));
  }
  const membersOf = (groupId: string): string[] => distinctSorted([...t.ports.values()].filter((p) => p.security_groups?.includes(groupId)).flatMap((p) => p.fixed_ips.map((f) => f.ip_address)));
  for (const p of local) {
    gs.portStates[p.id] = create(portConfiguration(p, node));
    for (const f of p.fixed_ips) {
      const s = t.subnets.get(f.subnet_id);
      if (usable(s) && s.enable_dhcp) gs.dhcpStates[dhcpId(p.id, f.ip_address)] = create(dhcpConfiguration(p, s.id, f.ip_address));
    }
    for (const g of p.security_groups ?? []) {
      const group = t.groups.get(g);
      if (group) gs.securityGroupStates[g] = create(securityGroupConfiguration(group, membersOf));
    }
  }
  for (const id of hostRouters) {
    const r = must(t.routers.get(id));
    const subnets = distinctSorted(r.interfaces.map((i) => i.subnet_id)).map((sid) => t.subnets.get(sid)).filter(usable);
    const fips = [...t.floatingIps.values()]
      .filter((f) => f.router_id === id && f.port_id !== null && localIds.has(f.port_id))
      .sort(byId)
      .map((f) => floatingIpConfiguration(f, t.subnets.get(f.floating_subnet_id ?? ''), t.ports.get(f.floating_port_id ?? '')));
    gs.routerStates[id] = create(routerConfiguration(r, node, subnets, fips));
  }
  const attached = (subnetId: string): boolean => routersOfSubnet(subnetId).length > 0;
  for (const q of t.ports.values()) {
    const qNode = placedNode(q);
    if (!qNode) continue;
    if (vpcs.has(q.network_id)) gs.neighborStates[l2NeighborKey(q.id)] = create(neighborConfiguration(q, qNode, NeighborType.L2, q.fixed_ips));
    if (q.fixed_ips.some((f) => routersOfSubnet(f.subnet_id).some((r) => hostRouters.has(r.id)))) {
      gs.neighborStates[l3NeighborKey(q.id)] = create(neighborConfiguration(q, qNode, NeighborType.L3, q.fixed_ips.filter((f) => attached(f.subnet_id))));
    }
  }
  gs.hostResources = hostResourcesOf(node.local_ip, gs);
  return gs;
}

/** The gateway MAC of a subnet: MAC of the first router's (by id) interface port on it, '' when none is known. */
export function gatewayMac(t: Topology, routersOfSubnet: RouterRecord[], subnetId: string): string {
  for (const r of routersOfSubnet) {
    for (const i of r.interfaces) {
      if (i.subnet_id !== subnetId) continue;
      const port = t.ports.get(i.port_id);
      if (port) return port.mac_address;
    }
  }
  return '';
}

export function emptyGoalState(): GoalStateV2 {
  return {
    formatVersion: GOAL_STATE_V2_FORMAT_VERSION,
    hostResources: {},
    vpcStates: {},
    subnetStates: {},
    portStates: {},
    dhcpStates: {},
    neighborStates: {},
    securityGroupStates: {},
    routerStates: {},
    gatewayStates: {},
  };
}

function create<C>(configuration: C): { operationType: OperationType; configuration: C } {
  return { operationType: OperationType.CREATE, configuration };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
