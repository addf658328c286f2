/** A network (Alcor: VPC) as the API and other managers see it. */
export interface Network {
  id: string;
  project_id: string;
  tenant_id: string;
  name: string;
  description: string;
  admin_state_up: boolean;
  status: string;
  subnets: string[];
  shared: boolean;
  'router:external': boolean;
  mtu: number;
  port_security_enabled: boolean;
  'provider:network_type': string;
  'provider:physical_network': string | null;
  'provider:segmentation_id': number | null;
  availability_zone_hints: string[];
  availability_zones: string[];
  l2_adjacency: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

/** Alcor's VPC shape: the Neutron network plus the VPC's own CIDR and routes. */
export interface AlcorVpc extends Network {
  cidr: string | null;
  routes: unknown[];
}

export const NETWORK_RESOURCE = 'network';
