import {
  DestinationType,
  EtherType,
  NeighborType,
  NetworkType,
  OperationType,
  Protocol,
  SecurityGroupConfiguration_Direction as Direction,
  UpdateType,
  type DHCPConfiguration,
  type NeighborConfiguration,
  type PortConfiguration,
  type RouterConfiguration,
  type RouterConfiguration_FloatingIp,
  type RouterConfiguration_RoutingRule,
  type RouterConfiguration_SubnetRoutingTable,
  type SecurityGroupConfiguration,
  type SecurityGroupConfiguration_SecurityGroupRule,
  type SubnetConfiguration,
  type VpcConfiguration,
} from '@alcor/proto';
import { DEFAULT_DVR_MAC, defaultHostName, dhcpId } from './conventions';
import type { FloatingIpRecord, NetworkRecord, NodeRecord, PortRecord, RouterRecord, SecurityGroupRecord, SecurityGroupRuleRecord, SubnetRecord } from './records';

// Record -> XConfiguration mappers. Pure and deterministic (same records, same objects), so an
// incremental update and a full rebuild produce identical states. Every configuration carries
// update_type FULL explicitly (hazard 4) and a revision >= 1 (ACA asserts on 0, hazard 6).

function revision(n: number | undefined): number {
  return Math.max(1, Math.trunc(n ?? 1));
}

const NETWORK_TYPES: Record<string, NetworkType> = {
  vxlan: NetworkType.VXLAN,
  vlan: NetworkType.VLAN,
  gre: NetworkType.GRE,
  geneve: NetworkType.GENEVE,
};

export function vpcConfiguration(n: NetworkRecord): VpcConfiguration {
  return {
    revisionNumber: revision(n.revision_number),
    requestId: '',
    id: n.id,
    updateType: UpdateType.FULL,
    projectId: n.project_id ?? '',
    name: n.name ?? '',
    cidr: n.cidr ?? '',
    tunnelId: n['provider:segmentation_id'] ?? 0,
    gatewayIds: [],
  };
}

/** `gatewayMac`: MAC of the router interface port holding the gateway ('' when the subnet is on no router). */
export function subnetConfiguration(s: SubnetRecord, n: NetworkRecord, gatewayMac: string): SubnetConfiguration {
  return {
    revisionNumber: revision(s.revision_number),
    requestId: '',
    id: s.id,
    updateType: UpdateType.FULL,
    networkType: NETWORK_TYPES[n['provider:network_type'] ?? 'vxlan'] ?? NetworkType.VXLAN,
    vpcId: s.network_id,
    name: s.name ?? '',
    cidr: s.cidr,
    // uint64 on the wire, ACA's only source of the VNI (hazard 3).
    tunnelId: BigInt(n['provider:segmentation_id'] ?? 0),
    gateway: { ipAddress: s.gateway_ip ?? '', macAddress: gatewayMac },
    dhcpEnable: s.enable_dhcp,
    extraDhcpOptions: [],
    dnsEntryList: (s.dns_nameservers ?? []).map((entry) => ({ entry })),
    availabilityZone: '',
  };
}

export function portConfiguration(p: PortRecord, node: NodeRecord): PortConfiguration {
  return {
    revisionNumber: revision(p.revision_number),
    requestId: '',
    id: p.id,
    updateType: UpdateType.FULL, // ACA refuses a port CREATE that is not FULL
    vpcId: p.network_id,
    name: p.name ?? '',
    deviceId: p.device_id ?? '',
    deviceOwner: p.device_owner ?? '',
    macAddress: p.mac_address,
    adminStateUp: true, // admin-down ports are never sent (records.ts)
    hostInfo: { ipAddress: node.local_ip, macAddress: node.mac_address },
    fixedIps: p.fixed_ips.map((f) => ({ subnetId: f.subnet_id, ipAddress: f.ip_address })),
    allowAddressPairs: addressPairs(p),
    securityGroupIds: (p.security_groups ?? []).map((id) => ({ id })),
  };
}

function addressPairs(p: PortRecord): { ipAddress: string; macAddress: string }[] {
  return (p.allowed_address_pairs ?? []).map((a) => ({ ipAddress: a.ip_address, macAddress: a.mac_address || p.mac_address }));
}

/** The neighbor view of a port: what other hosts need to reach it (fixed IPs of the given type only). */
export function neighborConfiguration(p: PortRecord, node: NodeRecord, type: NeighborType, ips: PortRecord['fixed_ips']): NeighborConfiguration {
  return {
    revisionNumber: revision(p.revision_number),
    requestId: '',
    id: p.id,
    updateType: UpdateType.FULL,
    vpcId: p.network_id,
    name: p.name ?? '',
    macAddress: p.mac_address,
    hostMacAddress: node.mac_address,
    hostIpAddress: node.local_ip,
    fixedIps: ips.map((f) => ({ neighborType: type, subnetId: f.subnet_id, ipAddress: f.ip_address, arionGroup: '', tunnelId: 0 })),
    allowAddressPairs: addressPairs(p),
  };
}

export { NeighborType };

export function dhcpConfiguration(p: PortRecord, subnetId: string, ip: string): DHCPConfiguration {
  const v6 = ip.includes(':');
  return {
    revisionNumber: revision(p.revision_number),
    requestId: '',
    id: dhcpId(p.id, ip),
    updateType: UpdateType.FULL,
    subnetId,
    macAddress: p.mac_address,
    ipv4Address: v6 ? '' : ip,
    ipv6Address: v6 ? ip : '',
    portHostName: defaultHostName(ip),
  };
}

/**
 * A router as one host sees it: its DVR MAC, one routing table per joined subnet (sorted by subnet
 * id) and the floating IPs of the host's ports behind it (sorted by id; extension field 100).
 */
export function routerConfiguration(r: RouterRecord, node: NodeRecord, subnets: SubnetRecord[], floatingIps: readonly RouterConfiguration_FloatingIp[] = NO_FLOATING_IPS): RouterConfiguration {
  const routes = r.routes ?? [];
  const tables: RouterConfiguration_SubnetRoutingTable[] = subnets.map((s) => ({
    subnetId: s.id,
    routingRules: [
      ...routes.map((route) => routingRule(`route:${route.destination}:${route.nexthop}`, route.destination, route.nexthop)),
      ...(s.host_routes ?? []).map((route) => routingRule(`host-route:${route.destination}:${route.nexthop}`, route.destination, route.nexthop)),
    ],
  }));
  return {
    revisionNumber: revision(r.revision_number),
    requestId: '',
    id: r.id,
    updateType: UpdateType.FULL, // a known router is rebuilt, not merged
    hostDvrMacAddress: node.host_dvr_mac || DEFAULT_DVR_MAC,
    subnetRoutingTables: tables,
    floatingIps: floatingIps as RouterConfiguration_FloatingIp[],
  };
}

/** Shared empty list (most router states carry no floating IP); never mutated. */
export const NO_FLOATING_IPS: readonly RouterConfiguration_FloatingIp[] = Object.freeze([]);

/**
 * One floating IP as the router state of its fixed port's host carries it. `floatingSubnet` /
 * `floatingPort`: the external subnet and port records when known (next hop = subnet gateway,
 * external MAC = port MAC), '' otherwise.
 */
export function floatingIpConfiguration(f: FloatingIpRecord, floatingSubnet: SubnetRecord | undefined, floatingPort: PortRecord | undefined): RouterConfiguration_FloatingIp {
  return {
    operationType: OperationType.CREATE, // the router state is FULL: its list is complete
    id: f.id,
    revisionNumber: revision(f.revision_number),
    floatingIpAddress: f.floating_ip_address,
    fixedIpAddress: f.fixed_ip_address ?? '',
    portId: f.port_id ?? '',
    floatingNetworkId: f.floating_network_id,
    floatingSubnetId: f.floating_subnet_id ?? '',
    floatingGatewayIp: floatingSubnet?.gateway_ip ?? '',
    floatingPortId: f.floating_port_id ?? '',
    floatingMacAddress: floatingPort?.mac_address ?? '',
    routerId: f.router_id ?? '',
  };
}

function routingRule(id: string, destination: string, nextHopIp: string): RouterConfiguration_RoutingRule {
  const prefix = Number(destination.split('/')[1] ?? 32);
  const internet = /^(0\.0\.0\.0|::)\/0$/.test(destination);
  return {
    operationType: OperationType.CREATE,
    id,
    name: '',
    destination,
    nextHopIp,
    priority: Number.isFinite(prefix) ? prefix : 0, // longest prefix first
    routingRuleExtraInfo: { destinationType: internet ? DestinationType.INTERNET : DestinationType.VPC_GW, nextHopMac: '' },
  };
}

// Neutron protocol -> Alcor Protocol. Alcor's enum has no "any" and no other IP protocols.
const PROTOCOLS: Record<string, Protocol> = {
  tcp: Protocol.TCP, '6': Protocol.TCP,
  udp: Protocol.UDP, '17': Protocol.UDP,
  icmp: Protocol.ICMP, '1': Protocol.ICMP, 'ipv6-icmp': Protocol.ICMP, icmpv6: Protocol.ICMP, '58': Protocol.ICMP,
};
const ANY_PROTOCOL: [string, Protocol][] = [['tcp', Protocol.TCP], ['udp', Protocol.UDP], ['icmp', Protocol.ICMP]];

/**
 * One Neutron rule as wire rules. protocol null (any) becomes three rules (tcp keeps the rule id,
 * `<id>/udp`, `<id>/icmp`), since TCP is the proto3 zero value and cannot mean "any". A protocol the
 * schema cannot express (gre, sctp, ...) yields no rule: a missing allow rule denies, never widens.
 * A remote-group rule is sent as is plus one rule per member address (`<id>@<ip>`, remote_ip_prefix
 * = that address as /32 or /128), so an agent needs no other lookup to filter by group.
 */
export function wireRules(groupId: string, rule: SecurityGroupRuleRecord, memberIps: readonly string[]): SecurityGroupConfiguration_SecurityGroupRule[] {
  const variants: [string, Protocol][] =
    rule.protocol === null || rule.protocol === '' || rule.protocol === 'any'
      ? ANY_PROTOCOL.map(([name, p], i) => [i === 0 ? rule.id : `${rule.id}/${name}`, p])
      : PROTOCOLS[rule.protocol.toLowerCase()] === undefined
        ? []
        : [[rule.id, PROTOCOLS[rule.protocol.toLowerCase()]]];
  const out: SecurityGroupConfiguration_SecurityGroupRule[] = [];
  for (const [id, protocol] of variants) {
    const base = {
      operationType: OperationType.CREATE,
      securityGroupId: groupId,
      id,
      direction: rule.direction === 'ingress' ? Direction.INGRESS : Direction.EGRESS,
      ethertype: rule.ethertype === 'IPv6' ? EtherType.IPV6 : EtherType.IPV4,
      protocol,
      portRangeMin: rule.port_range_min ?? 0,
      portRangeMax: rule.port_range_max ?? 0,
      remoteIpPrefix: rule.remote_ip_prefix ?? '',
      remoteGroupId: rule.remote_group_id ?? '',
    };
    out.push(base);
    if (rule.remote_group_id) {
      for (const ip of memberIps) {
        if (ip.includes(':') !== (rule.ethertype === 'IPv6')) continue;
        out.push(memberRule(base, ip));
      }
    }
  }
  return out;
}

/** The expansion of a remote-group wire rule for one member address. */
export function memberRule(base: SecurityGroupConfiguration_SecurityGroupRule, ip: string): SecurityGroupConfiguration_SecurityGroupRule {
  return { ...base, id: `${base.id}@${ip}`, remoteIpPrefix: ip.includes(':') ? `${ip}/128` : `${ip}/32` };
}

/** `membersOf(groupId)`: sorted, distinct fixed IPs of the ports in that group. Rules sorted by id. */
export function securityGroupConfiguration(g: SecurityGroupRecord, membersOf: (groupId: string) => readonly string[]): SecurityGroupConfiguration {
  const rules = g.security_group_rules.flatMap((rule) => wireRules(g.id, rule, rule.remote_group_id ? membersOf(rule.remote_group_id) : []));
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    revisionNumber: revision(g.revision_number),
    requestId: '',
    id: g.id,
    updateType: UpdateType.FULL,
    vpcId: '', // groups are per project, not per VPC
    name: g.name ?? '',
    securityGroupRules: rules,
  };
}
