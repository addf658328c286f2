import { Port } from './port';

/** A port another manager asks for (a router interface or gateway, a floating IP's address holder). */
export interface PortCreateRequest {
  network_id: string;
  /** Absent: Neutron's default addressing on the network. */
  fixed_ips?: { subnet_id?: string; ip_address?: string }[];
  device_id: string;
  device_owner: string;
  name?: string;
}

export interface PortChangeRequest {
  device_id?: string;
  device_owner?: string;
  fixed_ips?: { subnet_id?: string; ip_address?: string }[];
}

/**
 * What other managers may ask of the port manager. In one process every call joins the caller's
 * transaction; over REST each call commits on its own (callers register undos).
 */
export interface PortClient {
  create(projectId: string, request: PortCreateRequest): Promise<Port>;
  /** The port, if the project may see it. */
  get(projectId: string, portId: string): Promise<Port | undefined>;
  update(projectId: string, portId: string, changes: PortChangeRequest): Promise<Port>;
  /** Deletes a port, router- and floating-IP-owned ones included (Neutron's l3_port_check=False). */
  delete(projectId: string, portId: string): Promise<void>;
}

export const PORT_CLIENT = Symbol('PortClient');

/**
 * Told, inside the port's delete, that a port is going away (Neutron's disassociate_floatingips
 * in delete_port): the floating-IP manager frees the port's associations.
 */
export interface PortDeleteListener {
  /** The ports of one delete transaction (a batch of deletes calls once for all of them). */
  portsDeleting(ports: Port[]): Promise<void>;
}

export const PORT_DELETE_LISTENER = Symbol('PortDeleteListener');
