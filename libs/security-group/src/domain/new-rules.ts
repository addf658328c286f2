import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RuleRequest, ruleKey } from './rule-policy';
import { SecurityGroupRuleEntity } from './security-group-rule.entity';

/** Rows of checked rules, inserted in one statement. */
export async function insertRules(
  tx: EntityManager,
  projectId: string,
  rules: (RuleRequest & { id?: string; description?: string })[],
  now = new Date(),
): Promise<SecurityGroupRuleEntity[]> {
  const entities = rules.map((rule) =>
    tx.create(SecurityGroupRuleEntity, {
      id: rule.id ?? randomUUID(),
      projectId,
      securityGroupId: rule.securityGroupId,
      direction: rule.direction,
      ethertype: rule.ethertype,
      protocol: rule.protocol,
      portRangeMin: rule.portRangeMin,
      portRangeMax: rule.portRangeMax,
      remoteIpPrefix: rule.remoteIpPrefix,
      remoteGroupId: rule.remoteGroupId,
      ruleKey: ruleKey(rule),
      description: rule.description ?? '',
      revisionNumber: 1,
      createdAt: now,
      updatedAt: now,
    }),
  );
  if (entities.length > 0) await tx.insert(SecurityGroupRuleEntity, entities);
  return entities;
}

const anyRule = (securityGroupId: string, direction: 'ingress' | 'egress', ethertype: 'IPv4' | 'IPv6', remoteGroupId: string | null = null): RuleRequest => ({
  securityGroupId,
  direction,
  ethertype,
  protocol: null,
  portRangeMin: null,
  portRangeMax: null,
  remoteIpPrefix: null,
  remoteGroupId,
});

/** Neutron's rules of a new group: egress anywhere, IPv4 and IPv6. */
export const egressRules = (groupId: string): RuleRequest[] => [anyRule(groupId, 'egress', 'IPv4'), anyRule(groupId, 'egress', 'IPv6')];

/** Neutron's default group also admits traffic from its own members, IPv4 and IPv6. */
export const defaultGroupRules = (groupId: string): RuleRequest[] => [
  anyRule(groupId, 'ingress', 'IPv4', groupId),
  ...egressRules(groupId).slice(0, 1),
  anyRule(groupId, 'ingress', 'IPv6', groupId),
  ...egressRules(groupId).slice(1),
];
