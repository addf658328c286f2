import type { GoalStateV2 } from '@alcor/proto';

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
