/** A security group rule in Neutron's shape (with standard attributes), as the API and other managers see it. */
export interface SecurityGroupRule {
  id: string;
  project_id: string;
  tenant_id: string;
  security_group_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  /** Lower-case name, a number as a string ("6"), or null for any protocol. */
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  /** Normalised to its network address (10.0.0.5/24 -> 10.0.0.0/24); null: any. */
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  normalized_cidr: string | null;
  description: string;
  created_at: string;
  updated_at: string;
  revision_number: number;
}

/** A security group in Neutron's shape, its rules embedded. */
export interface SecurityGroup {
  id: string;
  project_id: string;
  tenant_id: string;
  name: string;
  description: string;
  stateful: boolean;
  security_group_rules: SecurityGroupRule[];
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export const SECURITY_GROUP_RESOURCE = 'security_group';
export const SECURITY_GROUP_RULE_RESOURCE = 'security_group_rule';
export const PORT_SECURITY_GROUPS_RESOURCE = 'port_security_groups';
