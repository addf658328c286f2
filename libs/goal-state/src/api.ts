import type { GoalStateV2, RouterConfiguration_FloatingIp } from '@alcor/proto';

/** What one host must receive after a change: only its changed resources, with operation types. */
export interface HostDelta {
  /** node_name: what ports name in binding:host_id. */
  hostId: string;
  nodeId: string;
  /** node local_ip: the host_resources key and the neighbor host_ip_address of its ports. */
  hostIp: string;
  goalState: GoalStateV2;
}

/** Where a host's agent listens (node record), for delivery. */
export interface HostInfo {
  hostId: string;
  nodeId: string;
  hostIp: string;
  /** ACA GoalStateProvisioner port (node server_port, 50001 by default). */
  serverPort: number;
}

/** Where a floating IP is programmed (GoalStateIndex.floatingIpPlacement). */
export interface FloatingIpPlacement {
  /** Its fixed port's host (node name). */
  hostId: string;
  /** The router state that carries it. */
  routerId: string;
  /** The fixed port of the association. */
  portId: string;
  /** revision_number of the record it was programmed from. */
  revision: number;
  /** The entry as sent in router_states[routerId].configuration.floating_ips (read-only). */
  config: RouterConfiguration_FloatingIp;
}
