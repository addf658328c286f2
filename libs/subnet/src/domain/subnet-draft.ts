import { AllocationPool, HostRoute } from '@alcor/contracts';
import { Attributes, pickChanges } from '@alcor/neutron-api';

/** A subnet to create, from either API surface, after attribute validation. */
export interface SubnetDraft {
  id?: string;
  projectId: string;
  networkId: string;
  name: string;
  description: string;
  ipVersion: 4 | 6;
  cidr: string;
  /** undefined: default gateway; null: no gateway. */
  gatewayIp?: string | null;
  allocationPools?: AllocationPool[];
  enableDhcp: boolean;
  dnsNameservers: string[];
  hostRoutes: HostRoute[];
  ipv6RaMode: string | null;
  ipv6AddressMode: string | null;
  serviceTypes: string[];
  tags: string[];
}

export interface SubnetChanges {
  name?: string;
  description?: string;
  gatewayIp?: string | null;
  allocationPools?: AllocationPool[];
  enableDhcp?: boolean;
  dnsNameservers?: string[];
  hostRoutes?: HostRoute[];
  serviceTypes?: string[];
}

export function draftFromAttributes(a: Attributes): SubnetDraft {
  return {
    id: a.id as string | undefined,
    projectId: a.project_id as string,
    networkId: a.network_id as string,
    name: a.name as string,
    description: a.description as string,
    ipVersion: a.ip_version as 4 | 6,
    cidr: a.cidr as string,
    gatewayIp: 'gateway_ip' in a ? (a.gateway_ip as string | null) : undefined,
    allocationPools: a.allocation_pools as AllocationPool[] | undefined,
    enableDhcp: a.enable_dhcp as boolean,
    dnsNameservers: a.dns_nameservers as string[],
    hostRoutes: a.host_routes as HostRoute[],
    ipv6RaMode: a.ipv6_ra_mode as string | null,
    ipv6AddressMode: a.ipv6_address_mode as string | null,
    serviceTypes: a.service_types as string[],
    tags: a.tags as string[],
  };
}

const CHANGE_KEYS: [string, keyof SubnetChanges][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['gateway_ip', 'gatewayIp'],
  ['allocation_pools', 'allocationPools'],
  ['enable_dhcp', 'enableDhcp'],
  ['dns_nameservers', 'dnsNameservers'],
  ['host_routes', 'hostRoutes'],
  ['service_types', 'serviceTypes'],
];

export function changesFromAttributes(a: Attributes): SubnetChanges {
  return pickChanges<SubnetChanges>(a, CHANGE_KEYS);
}
