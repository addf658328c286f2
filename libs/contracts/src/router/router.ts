import { HostRoute } from '../subnet/subnet';

export type ExtraRoute = HostRoute;

export interface ExternalFixedIp {
  subnet_id: string;
  ip_address: string;
}

/** external_gateway_info as Neutron shows it (ext-gw-mode adds enable_snat). */
export interface ExternalGatewayInfo {
  network_id: string;
  enable_snat: boolean;
  external_fixed_ips: ExternalFixedIp[];
}

/** A router in Neutron's shape (router, extraroute, ext-gw-mode), as the API and other managers see it. */
export interface Router {
  id: string;
  project_id: string;
  tenant_id: string;
  name: string;
  description: string;
  admin_state_up: boolean;
  status: string;
  external_gateway_info: ExternalGatewayInfo | null;
  routes: ExtraRoute[];
  distributed: boolean;
  ha: boolean;
  flavor_id: string | null;
  availability_zone_hints: string[];
  availability_zones: string[];
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

/** One router interface: the router's port on an internal subnet and the address it holds. */
export interface RouterInterfaceRecord {
  subnet_id: string;
  port_id: string;
  network_id: string;
  ip: string;
  cidr: string;
}

/**
 * What the router events carry (TOPICS.routerEvents): the router with its interfaces and its
 * gateway port, everything the data plane needs to route between the subnets.
 */
export interface RouterEventData extends Router {
  interfaces: RouterInterfaceRecord[];
  gw_port_id: string | null;
}

/** The reply of add_router_interface / remove_router_interface. */
export interface RouterInterfaceInfo {
  id: string;
  tenant_id: string;
  project_id: string;
  port_id: string;
  network_id: string;
  subnet_id: string;
  subnet_ids: string[];
}

export const ROUTER_RESOURCE = 'router';

export const ROUTER_DEVICE_OWNERS = {
  interface: 'network:router_interface',
  gateway: 'network:router_gateway',
  floatingIp: 'network:floatingip',
} as const;

/** What other managers (the floating-IP manager) may ask of the route manager. */
export interface RouterClient {
  /**
   * The router that connects the internal subnet to the external network (Neutron's
   * get_router_for_floatingip), or undefined when none does.
   */
  routerForFloatingIp(subnetId: string, externalNetworkId: string): Promise<string | undefined>;
}

export const ROUTER_CLIENT = Symbol('RouterClient');
