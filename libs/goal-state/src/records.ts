import type { ComputeNode, HostRoute, Network, Port, Subnet } from '@alcor/contracts';

// The topology records the builder consumes: the Neutron-shaped resources the bus events carry.
// Each is the subset of the published contract type the goal states need, so a full
// @alcor/contracts Network/Subnet/Port/ComputeNode can be passed as is.

/** A network (Alcor VPC). `provider:segmentation_id` is the VNI (tunnel id) of every subnet in it. */
export type NetworkRecord = Pick<Network, 'id' | 'project_id' | 'name' | 'provider:segmentation_id' | 'revision_number'> &
  Partial<Pick<Network, 'provider:network_type'>> & {
    /** Alcor VPC CIDR, when the VPC has one. */
    cidr?: string | null;
  };

export type SubnetRecord = Pick<Subnet, 'id' | 'network_id' | 'name' | 'cidr' | 'gateway_ip' | 'enable_dhcp' | 'revision_number'> &
  Partial<Pick<Subnet, 'project_id' | 'ip_version' | 'dns_nameservers' | 'host_routes'>>;

/**
 * A port. It is on a host when `binding:host_id` names a known node (its node_name), its network is
 * known and `admin_state_up` is not false (ACA aborts on admin_state_up=false, southbound.md hazard 6,
 * so an admin-down port is simply not programmed anywhere).
 */
export type PortRecord = Pick<Port, 'id' | 'network_id' | 'mac_address' | 'fixed_ips' | 'binding:host_id' | 'revision_number'> &
  Partial<Pick<Port, 'name' | 'project_id' | 'device_id' | 'device_owner' | 'admin_state_up' | 'allowed_address_pairs' | 'security_groups'>>;

/** A compute host (node manager). Host id = node_name (what binding:host_id names); host IP = local_ip. */
export type NodeRecord = Pick<ComputeNode, 'node_id' | 'node_name' | 'local_ip' | 'mac_address'> &
  Partial<Pick<ComputeNode, 'host_dvr_mac' | 'server_port' | 'ncm_id'>>;

/** A Neutron security group rule (neutron/db/securitygroups_db.py field names). */
export interface SecurityGroupRuleRecord {
  id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  /** null = any protocol; names (tcp, udp, icmp, ipv6-icmp, ...) or IANA numbers as strings. */
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
}

/** A security group with its full rule list. Members are the ports whose `security_groups` name it. */
export interface SecurityGroupRecord {
  id: string;
  name: string;
  project_id?: string;
  revision_number: number;
  security_group_rules: SecurityGroupRuleRecord[];
}

/** A router interface: the router's port on a subnet (that port holds the subnet's gateway IP and MAC). */
export interface RouterInterfaceRecord {
  subnet_id: string;
  port_id: string;
}

/** A router (Alcor DVR): the subnets it joins and its extra routes. */
export interface RouterRecord {
  id: string;
  name?: string;
  project_id?: string;
  revision_number: number;
  interfaces: RouterInterfaceRecord[];
  /** Neutron extra routes (extraroute extension). */
  routes?: HostRoute[];
}

/**
 * A floating IP (Neutron floatingip, as the floating-IP events carry it). It is programmed on the
 * host of its fixed port (`port_id`), inside the state of its router (`router_id`), when that host
 * holds the router: OVN's distributed dnat_and_snat. Unassociated (port_id or router_id null): on no
 * host. `floating_subnet_id` / `floating_port_id` (events; the DPM's rebuild derives them from the
 * floating port) give the external next hop and MAC.
 */
export interface FloatingIpRecord {
  id: string;
  revision_number: number;
  floating_ip_address: string;
  floating_network_id: string;
  port_id: string | null;
  fixed_ip_address: string | null;
  router_id: string | null;
  floating_subnet_id?: string | null;
  floating_port_id?: string | null;
}

/** One change of the topology, as the DPM maps it from a bus event. Deletes name the resource id (nodes: node_id). */
export type TopologyChange =
  | { kind: 'network'; op: 'upsert'; network: NetworkRecord }
  | { kind: 'network'; op: 'delete'; id: string }
  | { kind: 'subnet'; op: 'upsert'; subnet: SubnetRecord }
  | { kind: 'subnet'; op: 'delete'; id: string }
  | { kind: 'port'; op: 'upsert'; port: PortRecord }
  | { kind: 'port'; op: 'delete'; id: string }
  | { kind: 'node'; op: 'upsert'; node: NodeRecord }
  | { kind: 'node'; op: 'delete'; id: string }
  | { kind: 'securityGroup'; op: 'upsert'; group: SecurityGroupRecord }
  | { kind: 'securityGroup'; op: 'delete'; id: string }
  | { kind: 'router'; op: 'upsert'; router: RouterRecord }
  | { kind: 'router'; op: 'delete'; id: string }
  | { kind: 'floatingIp'; op: 'upsert'; floatingIp: FloatingIpRecord }
  | { kind: 'floatingIp'; op: 'delete'; id: string };

export type TopologyKind = TopologyChange['kind'];
