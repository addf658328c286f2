/** One port's security groups to record. */
export interface PortSecurityGroupsRequest {
  portId: string;
  /** The port's revision after the change (carried by the membership event). */
  revisionNumber: number;
  /** Group ids to bind; undefined: the project's default group (created on first use); []: none. */
  securityGroupIds?: string[];
  /** The port is being created, so it has no bindings to replace (saves a statement per create). */
  newPort?: boolean;
}

export interface PortSecurityGroupsBinding {
  portId: string;
  securityGroupIds: string[];
}

/**
 * What the port manager asks of the security group manager. Groups must exist and belong to the
 * project (404 SecurityGroupNotFound otherwise). In one process every call joins the caller's
 * transaction; over REST (split mode) the caller undoes a bind by binding the previous groups again.
 */
export interface SecurityGroupClient {
  /** Replaces the bindings of these ports (all-or-none); answers the groups each port now has, in request order. */
  bindPorts(projectId: string, requests: PortSecurityGroupsRequest[]): Promise<PortSecurityGroupsBinding[]>;
  /** Forgets these ports' bindings (port delete); idempotent. */
  unbindPorts(projectId: string, ports: { portId: string; revisionNumber: number }[]): Promise<void>;
}

export const SECURITY_GROUP_CLIENT = Symbol('SecurityGroupClient');
