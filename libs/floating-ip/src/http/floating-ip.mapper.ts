import { FloatingIp, FloatingIpEventData } from '@alcor/contracts';
import { neutronTime } from '@alcor/neutron-api';
import { FloatingIpEntity } from '../domain/floating-ip.entity';

/** The one place a stored floating IP becomes its API shape. */
export function toFloatingIp(e: FloatingIpEntity): FloatingIp {
  return {
    id: e.id,
    project_id: e.projectId,
    tenant_id: e.projectId,
    description: e.description,
    floating_network_id: e.floatingNetworkId,
    floating_ip_address: e.floatingIpAddress,
    port_id: e.portId,
    fixed_ip_address: e.fixedIpAddress,
    router_id: e.routerId,
    status: e.status,
    tags: [...e.tags],
    created_at: neutronTime(e.createdAt),
    updated_at: neutronTime(e.updatedAt),
    revision_number: e.revisionNumber,
  };
}

export function toFloatingIpEvent(e: FloatingIpEntity): FloatingIpEventData {
  return { ...toFloatingIp(e), floating_port_id: e.floatingPortId, floating_subnet_id: e.floatingSubnetId };
}

/** Alcor's elastic-IP shape of the same resource. */
export function toElasticIp(e: FloatingIpEntity) {
  return {
    id: e.id,
    project_id: e.projectId,
    tenant_id: e.projectId,
    description: e.description,
    elastic_ip_version: 4,
    elastic_ip: e.floatingIpAddress,
    port_id: e.portId,
    private_ip: e.fixedIpAddress,
    floating_network_id: e.floatingNetworkId,
    router_id: e.routerId,
    state: e.status,
    revision_number: e.revisionNumber,
  };
}
