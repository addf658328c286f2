/**
 * Neutron's delete_network takes the network's children with it: it refuses with 409
 * NetworkInUse while a port other than the network's own (AUTO_DELETE_PORT_OWNERS) remains,
 * deletes those, then deletes every subnet, then the network. The VPC manager calls these two
 * inside its delete, in that order, when the process provides them. In one process each call
 * joins the network's transaction; over REST each commits on its own and is idempotent, so a
 * retried network delete finishes what a failed one started.
 */
export interface NetworkPortCleaner {
  /** 409 NetworkInUse while a user port is on the network; otherwise deletes its auto-delete ports. */
  clearNetworkPorts(networkId: string): Promise<void>;
}

export interface NetworkSubnetCleaner {
  /** Deletes every subnet of the network: IPAM ranges, quota and subnet.deleted events, once each. */
  deleteNetworkSubnets(networkId: string): Promise<void>;
}

/** neutron.common.constants.AUTO_DELETE_PORT_OWNERS: ports a network delete removes itself. */
export const AUTO_DELETE_PORT_OWNERS: readonly string[] = ['network:dhcp', 'network:distributed', 'network:floatingip_agent_gateway'];

export const NETWORK_PORT_CLEANER = Symbol('NetworkPortCleaner');
export const NETWORK_SUBNET_CLEANER = Symbol('NetworkSubnetCleaner');
