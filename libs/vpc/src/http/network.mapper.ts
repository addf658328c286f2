import { AlcorVpc, Network } from '@alcor/contracts';
import { neutronTime } from '@alcor/neutron-api';
import { NetworkEntity } from '../domain/network.entity';


/** The one place a stored network becomes its API shape. */
export function toNetwork(entity: NetworkEntity): Network {
  return {
    id: entity.id,
    name: entity.name,
    description: entity.description,
    project_id: entity.projectId,
    tenant_id: entity.projectId,
    admin_state_up: entity.adminStateUp,
    status: entity.status,
    subnets: [...entity.subnetIds],
    shared: entity.shared,
    'router:external': entity.routerExternal,
    mtu: entity.mtu,
    port_security_enabled: entity.portSecurityEnabled,
    'provider:network_type': entity.networkType,
    'provider:physical_network': entity.physicalNetwork,
    'provider:segmentation_id': entity.segmentationId,
    availability_zone_hints: [...entity.availabilityZoneHints],
    availability_zones: [],
    l2_adjacency: true,
    tags: [...entity.tags],
    created_at: neutronTime(entity.createdAt),
    updated_at: neutronTime(entity.updatedAt),
    revision_number: entity.revisionNumber,
  };
}

export function toAlcorVpc(entity: NetworkEntity): AlcorVpc {
  return { ...toNetwork(entity), cidr: entity.cidr, routes: [] };
}
