import { Attributes, pickChanges } from '@alcor/neutron-api';
import { AddressPair, ExtraDhcpOpt } from './port.entity';
import { FixedIpRequest } from '../http/port-attributes';

/** A port to create, from either API surface, after attribute validation. */
export interface PortDraft {
  id?: string;
  projectId: string;
  networkId: string;
  name: string;
  description: string;
  adminStateUp: boolean;
  macAddress?: string;
  /** undefined: Neutron's default addressing; []: no address. */
  fixedIps?: FixedIpRequest[];
  deviceId: string;
  deviceOwner: string;
  /** undefined: the network's value. */
  portSecurityEnabled?: boolean;
  allowedAddressPairs: { ip_address: string; mac_address?: string }[];
  extraDhcpOpts: ExtraDhcpOpt[];
  securityGroups?: string[];
  hostId: string;
  vnicType: string;
  bindingProfile: Record<string, unknown>;
  tags: string[];
}

export interface PortChanges {
  name?: string;
  description?: string;
  adminStateUp?: boolean;
  fixedIps?: FixedIpRequest[];
  deviceId?: string;
  deviceOwner?: string;
  portSecurityEnabled?: boolean;
  allowedAddressPairs?: { ip_address: string; mac_address?: string }[];
  extraDhcpOpts?: ExtraDhcpOpt[];
  securityGroups?: string[];
  hostId?: string;
  vnicType?: string;
  bindingProfile?: Record<string, unknown>;
}

export function draftFromAttributes(a: Attributes): PortDraft {
  return {
    id: a.id as string | undefined,
    projectId: a.project_id as string,
    networkId: a.network_id as string,
    name: a.name as string,
    description: a.description as string,
    adminStateUp: a.admin_state_up as boolean,
    macAddress: a.mac_address as string | undefined,
    fixedIps: a.fixed_ips as FixedIpRequest[] | undefined,
    deviceId: a.device_id as string,
    deviceOwner: a.device_owner as string,
    portSecurityEnabled: a.port_security_enabled as boolean | undefined,
    allowedAddressPairs: a.allowed_address_pairs as AddressPair[],
    extraDhcpOpts: a.extra_dhcp_opts as ExtraDhcpOpt[],
    securityGroups: a.security_groups as string[] | undefined,
    hostId: a['binding:host_id'] as string,
    vnicType: a['binding:vnic_type'] as string,
    bindingProfile: a['binding:profile'] as Record<string, unknown>,
    tags: a.tags as string[],
  };
}

const CHANGE_KEYS: [string, keyof PortChanges][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['admin_state_up', 'adminStateUp'],
  ['fixed_ips', 'fixedIps'],
  ['device_id', 'deviceId'],
  ['device_owner', 'deviceOwner'],
  ['port_security_enabled', 'portSecurityEnabled'],
  ['allowed_address_pairs', 'allowedAddressPairs'],
  ['extra_dhcp_opts', 'extraDhcpOpts'],
  ['security_groups', 'securityGroups'],
  ['binding:host_id', 'hostId'],
  ['binding:vnic_type', 'vnicType'],
  ['binding:profile', 'bindingProfile'],
];

export function changesFromAttributes(a: Attributes): PortChanges {
  return pickChanges<PortChanges>(a, CHANGE_KEYS);
}
