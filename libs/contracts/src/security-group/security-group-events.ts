import { SecurityGroup, SecurityGroupRule } from './security-group';

/**
 * What the data plane must enforce travels on TOPICS.securityGroupEvents as ResourceEvent
 * envelopes of three kinds, all keyed (bus ordering key) so that one group's changes arrive in
 * commit order:
 *
 * 1. `security_group.created|updated|deleted`, key = group id, data SecurityGroupEventData: the
 *    group with ALL its rules and the ids of the ports bound to it when the change committed.
 *    `updated` is a change of the group itself (name, description, stateful, tags).
 * 2. `security_group_rule.created|deleted`, key = the rule's GROUP id, data
 *    SecurityGroupRuleEventData: one rule added or removed. Rule changes are deltas, not a
 *    re-send of the group: each bumps the group's revision_number (as Neutron does), and the
 *    envelope's revisionNumber is that new group revision, so a consumer applying
 *    created/deleted rules in order can tell it missed none (group revision N+1 follows N). A bulk
 *    of k rules is k events carrying the same new revision (one group change). Deleting a
 *    group deletes other groups' rules that named it as remote_group_id: each of those arrives as
 *    `security_group_rule.deleted` of its own group.
 * 3. `port_security_groups.updated|deleted`, key = port id, data PortSecurityGroupsEventData: the
 *    port's complete list of groups after a bind (port create, port PUT of security_groups,
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

export interface SecurityGroupRuleEventData extends SecurityGroupRule {
  /** The group's revision after this change (also the envelope's revisionNumber). */
  security_group_revision_number: number;
}
