import { AllocationPool } from '../ipam/ip-allocator';

export interface HostRoute {
  destination: string;
  nexthop: string;
}

/** A subnet in Neutron's shape, as the API and other managers see it. */
export interface Subnet {
  id: string;
  project_id: string;
  tenant_id: string;
  name: string;
  description: string;
  network_id: string;
  ip_version: 4 | 6;
  cidr: string;
  gateway_ip: string | null;
  allocation_pools: AllocationPool[];
  enable_dhcp: boolean;
  dns_nameservers: string[];
  host_routes: HostRoute[];
  ipv6_ra_mode: string | null;
  ipv6_address_mode: string | null;
  subnetpool_id: string | null;
  segment_id: string | null;
  service_types: string[];
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export const SUBNET_RESOURCE = 'subnet';

/** What other managers may ask of the subnet manager. */
export interface SubnetClient {
  /** Subnets the project may see, among these ids. */
  getSubnets(projectId: string, ids: string[]): Promise<Subnet[]>;
  /** Every subnet of a network (ports get addresses from them). */
  listByNetwork(projectId: string, networkId: string): Promise<Subnet[]>;
}

export const SUBNET_CLIENT = Symbol('SubnetClient');
