/** A compute host registered with the node manager (Alcor's NodeInfo). */
export interface ComputeNode {
  node_id: string;
  node_name: string;
  /** Host (management / data-path) IP: what goal states carry as host_ip_address. */
  local_ip: string;
  mac_address: string;
  veth: string;
  /** Host agent (ACA) gRPC port, 50001 by default. */
  server_port: number;
  host_dvr_mac: string | null;
  ncm_id: string | null;
}

/** What other managers may ask of the node manager. */
export interface NodeClient {
  /** Nodes with these names (binding:host_id is a node name); missing names are simply absent. */
  getByNames(names: string[]): Promise<ComputeNode[]>;
}

export const NODE_CLIENT = Symbol('NodeClient');
