import { EntityManager } from 'typeorm';
import {
  ChangeKind,
  PORT_SECURITY_GROUPS_RESOURCE,
  PortSecurityGroupsEventData,
  SECURITY_GROUP_RESOURCE,
  SecurityGroupEventData,
  TOPICS,
} from '@alcor/contracts';
import { recordResourceChange, recordResourceChanges } from '@alcor/persistence';
import { SecurityGroupRepository } from '../domain/security-group.repository';
import { LoadedGroup, toGroupView } from '../http/security-group.mapper';

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
