import { SecurityGroup, SecurityGroupRule } from '@alcor/contracts';
import { neutronTime } from '@alcor/neutron-api';
import { SecurityGroupRuleEntity } from '../domain/security-group-rule.entity';
import { SecurityGroupEntity } from '../domain/security-group.entity';

/** The one place a stored rule becomes its API shape. */
export function toRule(e: SecurityGroupRuleEntity): SecurityGroupRule {
  return {
    id: e.id,
    project_id: e.projectId,
    tenant_id: e.projectId,
    security_group_id: e.securityGroupId,
    direction: e.direction,
    ethertype: e.ethertype,
    protocol: e.protocol,
    port_range_min: e.portRangeMin,
    port_range_max: e.portRangeMax,
    remote_ip_prefix: e.remoteIpPrefix,
    remote_group_id: e.remoteGroupId,
    // remote_ip_prefix is stored normalised already, so both show the network address.
    normalized_cidr: e.remoteIpPrefix,
    description: e.description,
    created_at: neutronTime(e.createdAt),
    updated_at: neutronTime(e.updatedAt),
    revision_number: e.revisionNumber,
  };
}

/** A stored group, with its rules, as the API shows it. */
export function toSecurityGroup(e: SecurityGroupEntity, rules: SecurityGroupRuleEntity[]): SecurityGroup {
  return {
    id: e.id,
    project_id: e.projectId,
    tenant_id: e.projectId,
    name: e.name,
    description: e.description,
    stateful: e.stateful,
    security_group_rules: rules.map(toRule),
    tags: [...e.tags],
    created_at: neutronTime(e.createdAt),
    updated_at: neutronTime(e.updatedAt),
    revision_number: e.revisionNumber,
  };
}

/** A group loaded with its rules (repositories answer these). */
export interface LoadedGroup {
  id: string;
  group: SecurityGroupEntity;
  rules: SecurityGroupRuleEntity[];
}

export const toGroupView = ({ group, rules }: LoadedGroup) => toSecurityGroup(group, rules);

