import { Port } from '@alcor/contracts';
import { neutronTime } from '@alcor/neutron-api';
import { PortEntity } from '../domain/port.entity';

/** The one place a stored port becomes its API shape. */
export function toPort(e: PortEntity): Port {
  const bound = e.hostId !== '';
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    project_id: e.projectId,
    tenant_id: e.projectId,
    network_id: e.networkId,
    admin_state_up: e.adminStateUp,
    mac_address: e.macAddress,
    fixed_ips: [...(e.fixedIps ?? [])].sort((a, b) => a.position - b.position).map((ip) => ({ subnet_id: ip.subnetId, ip_address: ip.ipAddress })),
    device_id: e.deviceId,
    device_owner: e.deviceOwner,
    status: e.status,
    port_security_enabled: e.portSecurityEnabled,
    allowed_address_pairs: e.allowedAddressPairs.map((p) => ({ ...p })),
    extra_dhcp_opts: e.extraDhcpOpts.map((o) => ({ ...o })),
    security_groups: [...e.securityGroupIds],
    'binding:host_id': e.hostId,
    'binding:vnic_type': e.vnicType,
    // Alcor's default vif type; Neutron shows "unbound" until a host is set.
    'binding:vif_type': bound ? 'ovs' : 'unbound',
    'binding:vif_details': bound ? { port_filter: true, ovs_hybrid_plug: false } : {},
    'binding:profile': { ...e.bindingProfile },
    tags: [...e.tags],
    created_at: neutronTime(e.createdAt),
    updated_at: neutronTime(e.updatedAt),
    revision_number: e.revisionNumber,
  };
}
