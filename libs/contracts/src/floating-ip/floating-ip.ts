/** A floating IP in Neutron's shape, as the API and other managers see it. */
export interface FloatingIp {
  id: string;
  project_id: string;
  tenant_id: string;
  description: string;
  floating_network_id: string;
  floating_ip_address: string;
  port_id: string | null;
  fixed_ip_address: string | null;
  router_id: string | null;
  status: string;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

/** What the floating-IP events carry (TOPICS.floatingIpEvents): the FIP with its port, fixed IP and router. */
export interface FloatingIpEventData extends FloatingIp {
  /** The port on the external network that holds floating_ip_address (device_owner network:floatingip). */
  floating_port_id: string;
  floating_subnet_id: string;
}

export const FLOATINGIP_RESOURCE = 'floatingip';

/** What other managers (the route manager) may ask of the floating-IP manager. */
export interface FloatingIpClient {
  /** Floating IPs that reach their fixed IP through this router, optionally only fixed IPs inside `cidr`. */
  countByRouter(routerId: string, cidr?: string): Promise<number>;
}

export const FLOATING_IP_CLIENT = Symbol('FloatingIpClient');
