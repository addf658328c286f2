import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  ChangeKind,
  eventType,
  ResourceEvent,
  SECURITY_GROUP_RULE_RESOURCE,
  SecurityGroupRuleEventData,
  PORT_SECURITY_GROUPS_RESOURCE,
  PortSecurityGroupsEventData,
  SECURITY_GROUP_RESOURCE,
  SecurityGroupEventData,
  TOPICS,
} from '@alcor/contracts';
import { enqueueOutboxMany, recordResourceChange, recordResourceChanges } from '@alcor/persistence';
import { SecurityGroupRepository } from '../domain/security-group.repository';
import { LoadedGroup, toGroupView, toRule } from '../http/security-group.mapper';
import { SecurityGroupRuleEntity } from '../domain/security-group-rule.entity';
import { SecurityGroupEntity } from '../domain/security-group.entity';

/**
 * Records a group change with all its rules and current members, in the transaction that made it
 * (see security-group-events.ts in contracts for what consumers get). A deleted group has no members.
 */
export async function recordGroupChange(tx: EntityManager, change: ChangeKind, loaded: LoadedGroup): Promise<void> {
  const members = change === 'deleted' ? [] : await SecurityGroupRepository.memberPortIds(tx, loaded.id);
  const data: SecurityGroupEventData = { ...toGroupView(loaded), member_port_ids: members };
  await recordResourceChange(tx, TOPICS.securityGroupEvents, SECURITY_GROUP_RESOURCE, change, data);
}

/** Records ports' new memberships (bound: 'updated', port gone: 'deleted') in one statement. */
export function recordMemberships(tx: EntityManager, change: 'updated' | 'deleted', memberships: PortSecurityGroupsEventData[]): Promise<void> {
  if (memberships.length === 0) return Promise.resolve();
  return recordResourceChanges(tx, TOPICS.securityGroupEvents, PORT_SECURITY_GROUPS_RESOURCE, change, memberships);
}

/**
 * Records rules added to or removed from a group as deltas keyed by the group id (so they stay in
 * order with the group's own events), each carrying the group's new revision.
 */
export async function recordRuleChanges(tx: EntityManager, change: 'created' | 'deleted', group: SecurityGroupEntity, rules: SecurityGroupRuleEntity[]): Promise<void> {
  const occurredAt = new Date().toISOString();
  const type = eventType(SECURITY_GROUP_RULE_RESOURCE, change);
  const messages = rules.map((rule) => {
    const event: ResourceEvent<SecurityGroupRuleEventData> = {
      schemaVersion: 1,
      eventId: randomUUID(),
      type,
      resource: SECURITY_GROUP_RULE_RESOURCE,
      resourceId: rule.id,
      projectId: rule.projectId,
      revisionNumber: group.revisionNumber,
      occurredAt,
      data: { ...toRule(rule), security_group_revision_number: group.revisionNumber },
    };
    return { topic: TOPICS.securityGroupEvents, key: group.id, eventType: type, eventId: event.eventId, payload: event };
  });
  if (messages.length > 0) await enqueueOutboxMany(tx, messages);
}
