import { Router, RouterEventData, RouterInterfaceInfo } from '@alcor/contracts';
import { neutronTime } from '@alcor/neutron-api';
import { RouterInterfaceEntity } from '../domain/router-interface.entity';
import { RouterEntity } from '../domain/router.entity';

/** The one place a stored router becomes its API shape. */
export function toRouter(e: RouterEntity): Router {
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    project_id: e.projectId,
    tenant_id: e.projectId,
    admin_state_up: e.adminStateUp,
    status: e.status,
    external_gateway_info:
      e.gwNetworkId === null
        ? null
        : { network_id: e.gwNetworkId, enable_snat: e.enableSnat, external_fixed_ips: e.gwFixedIps.map(({ subnet_id, ip_address }) => ({ subnet_id, ip_address })) },
    routes: e.routes.map((r) => ({ destination: r.destination, nexthop: r.nexthop })),
    distributed: false,
    ha: false,
    flavor_id: null,
    availability_zone_hints: [...e.availabilityZoneHints],
    availability_zones: [],
    tags: [...e.tags],
    created_at: neutronTime(e.createdAt),
    updated_at: neutronTime(e.updatedAt),
    revision_number: e.revisionNumber,
  };
}

/** What the router events carry: the router, its interfaces and its gateway port. */
export function toRouterEvent(e: RouterEntity, interfaces: RouterInterfaceEntity[]): RouterEventData {
  return {
    ...toRouter(e),
    gw_port_id: e.gwPortId,
    interfaces: interfaces.map((i) => ({ subnet_id: i.subnetId, port_id: i.portId, network_id: i.networkId, ip: i.ipAddress, cidr: i.cidr })),
  };
}

/** Neutron's _make_router_interface_info. */
export function toInterfaceInfo(router: RouterEntity, i: RouterInterfaceEntity): RouterInterfaceInfo {
  return {
    id: router.id,
    tenant_id: router.projectId,
    project_id: router.projectId,
    port_id: i.portId,
    network_id: i.networkId,
    subnet_id: i.subnetId,
    subnet_ids: [i.subnetId],
  };
}
