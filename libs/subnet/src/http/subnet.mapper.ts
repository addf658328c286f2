import { Subnet } from '@alcor/contracts';
import { neutronTime } from '@alcor/neutron-api';
import { SubnetEntity } from '../domain/subnet.entity';

/** The one place a stored subnet becomes its API shape. */
export function toSubnet(e: SubnetEntity): Subnet {
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    project_id: e.projectId,
    tenant_id: e.projectId,
    network_id: e.networkId,
    ip_version: e.ipVersion as 4 | 6,
    cidr: e.cidr,
    gateway_ip: e.gatewayIp,
    allocation_pools: e.allocationPools.map((p) => ({ ...p })),
    enable_dhcp: e.enableDhcp,
    dns_nameservers: [...e.dnsNameservers],
    host_routes: e.hostRoutes.map((r) => ({ ...r })),
    ipv6_ra_mode: e.ipv6RaMode,
    ipv6_address_mode: e.ipv6AddressMode,
    subnetpool_id: null,
    segment_id: null,
    service_types: [...e.serviceTypes],
    tags: [...e.tags],
    created_at: neutronTime(e.createdAt),
    updated_at: neutronTime(e.updatedAt),
    revision_number: e.revisionNumber,
  };
}
