/** A port in Neutron's shape (with the binding extension), as the API and other managers see it. */
export interface Port {
  id: string;
  project_id: string;
  tenant_id: string;
  name: string;
  description: string;
  network_id: string;
  admin_state_up: boolean;
  mac_address: string;
  fixed_ips: { subnet_id: string; ip_address: string }[];
  device_id: string;
  device_owner: string;
  status: string;
  port_security_enabled: boolean;
  allowed_address_pairs: { ip_address: string; mac_address: string }[];
  extra_dhcp_opts: { opt_name: string; opt_value: string; ip_version: 4 | 6 }[];
  security_groups: string[];
  'binding:host_id': string;
  'binding:vnic_type': string;
  'binding:vif_type': string;
  'binding:vif_details': Record<string, unknown>;
  'binding:profile': Record<string, unknown>;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export const PORT_RESOURCE = 'port';
