import { SecurityGroup } from './security-group';

/**
 * What the data plane must enforce travels on TOPICS.securityGroupEvents as ResourceEvent
 * envelopes of two kinds:
 *
 * 1. `security_group.created|updated|deleted`, keyed by group id, data SecurityGroupEventData: the
 *    group with ALL its rules and the ids of the ports bound to it when the change committed. A
 *    rule create or delete is announced as `security_group.updated` of its group (the group's
 *    revision_number goes up, as in Neutron), never as a separate rule event: a consumer replaces
 *    the group's rule set with the one in the latest revision. Deleting a group also updates every
 *    group whose rules named it as remote_group_id (those rules are gone).
 * 2. `port_security_groups.updated|deleted`, keyed by port id, data PortSecurityGroupsEventData:
 *    the port's complete list of groups after a bind (port create, port PUT of security_groups,
 *    Alcor's bind/unbind) or, for `deleted`, the list it had when the port went away. These are the
 *    authoritative membership changes; member_port_ids in group events is a snapshot for a consumer
 *    starting from scratch.
 */
export interface SecurityGroupEventData extends SecurityGroup {
  member_port_ids: string[];
}

export interface PortSecurityGroupsEventData {
  /** The port id (the event key). */
  id: string;
  port_id: string;
  project_id: string;
  /** The port's revision_number in the port manager when the binding changed. */
  revision_number: number;
  security_group_ids: string[];
}
