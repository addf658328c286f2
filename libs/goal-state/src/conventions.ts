// Alcor's resource-id conventions for GoalStateV2 maps (southbound.md hazard 8), in one place.

/**
 * DVR MAC sent to a host whose node has no host_dvr_mac: the original's constant for every host
 * (hazard 12). ACA recognises DVR-rewritten frames by the fe:16:11 prefix and pins the first
 * DVR MAC it sees, so a host keeps the same one for its whole life.
 */
export const DEFAULT_DVR_MAC = 'fe:16:11:00:00:00';

/** Neighbor map key of a port seen as an L2 neighbor (same VPC). configuration.id is the plain port id. */
export function l2NeighborKey(portId: string): string {
  return `L2/${portId}`;
}

/** Neighbor map key of a port seen as an L3 neighbor (a subnet of a router the host is on). */
export function l3NeighborKey(portId: string): string {
  return `L3/${portId}`;
}

/**
 * Stable DHCP state id (and map key) of one address of a port: `<portId>/<ip>`. The original used a
 * random UUID per build (defect 4.9 item 4); a stable id lets a DHCP status be traced to its port.
 */
export function dhcpId(portId: string, ip: string): string {
  return `${portId}/${ip}`;
}

/** The port id a DHCP status `resource_id` refers to. */
export function portIdOfDhcpId(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}

/** Neutron's default DNS host name of an address (dns_name unset): host-10-0-0-5. */
export function defaultHostName(ip: string): string {
  return `host-${ip.replace(/[.:]/g, '-')}`;
}
