import type { FloatingIpRecord, NetworkRecord, NodeRecord, PortRecord, RouterRecord, SecurityGroupRecord, SubnetRecord } from '../records';

// Small record factories for the specs and the benchmark (only the fields the builder reads).

export function network(id: string, vni: number, extra: Partial<NetworkRecord> = {}): NetworkRecord {
  return { id, project_id: 'p1', name: `net-${id}`, 'provider:segmentation_id': vni, revision_number: 1, ...extra };
}

export function subnet(id: string, networkId: string, cidr: string, extra: Partial<SubnetRecord> = {}): SubnetRecord {
  const gateway = cidr.includes(':') ? null : cidr.replace(/\.\d+\/\d+$/, '.1');
  return { id, network_id: networkId, name: `sub-${id}`, cidr, gateway_ip: gateway, enable_dhcp: true, revision_number: 1, ...extra };
}

export function node(name: string, ip: string, extra: Partial<NodeRecord> = {}): NodeRecord {
  return { node_id: `id-${name}`, node_name: name, local_ip: ip, mac_address: macOf(ip), ...extra };
}

export function port(id: string, networkId: string, host: string, ips: [subnetId: string, ip: string][], extra: Partial<PortRecord> = {}): PortRecord {
  return {
    id,
    network_id: networkId,
    mac_address: macOf(`${id}`),
    fixed_ips: ips.map(([subnet_id, ip_address]) => ({ subnet_id, ip_address })),
    'binding:host_id': host,
    revision_number: 1,
    device_id: `vm-${id}`,
    device_owner: 'compute:nova',
    ...extra,
  };
}

export function securityGroup(id: string, rules: SecurityGroupRecord['security_group_rules'], extra: Partial<SecurityGroupRecord> = {}): SecurityGroupRecord {
  return { id, name: `sg-${id}`, revision_number: 1, security_group_rules: rules, ...extra };
}

export function router(id: string, interfaces: RouterRecord['interfaces'], extra: Partial<RouterRecord> = {}): RouterRecord {
  return { id, name: `r-${id}`, revision_number: 1, interfaces, routes: [], ...extra };
}

/** A floating IP associated with `portId` (fixed IP `fixedIp`) through `routerId`; pass nulls to leave it unassociated. */
export function floatingIp(id: string, address: string, portId: string | null, fixedIp: string | null, routerId: string | null, extra: Partial<FloatingIpRecord> = {}): FloatingIpRecord {
  return { id, revision_number: 1, floating_ip_address: address, floating_network_id: 'ext', port_id: portId, fixed_ip_address: fixedIp, router_id: routerId, ...extra };
}

/** A deterministic fa:16:3e MAC from any string. */
export function macOf(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const b = [(h >>> 16) & 255, (h >>> 8) & 255, h & 255].map((x) => x.toString(16).padStart(2, '0'));
  return `fa:16:3e:${b.join(':')}`;
}
