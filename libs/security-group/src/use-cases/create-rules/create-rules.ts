import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { badRequest, conflict, RequestContext, scopeProject } from '@alcor/neutron-api';
import { Database, isUniqueViolation, transactionWithCompensation } from '@alcor/persistence';
import { insertRules } from '../../domain/new-rules';
import { QuotaGate } from '../../domain/quota-gate';
import { checkRule, ruleKey } from '../../domain/rule-policy';
import { RuleDraft } from '../../domain/security-group-draft';
import { SecurityGroupRuleEntity } from '../../domain/security-group-rule.entity';
import { securityGroupNotFound, SecurityGroupRepository } from '../../domain/security-group.repository';
import { announceRuleChanges } from '../announce-group-change';

/**
 * Creates one rule or a bulk of rules of one group, atomically. The group row is locked for the
 * whole transaction, so concurrent creates of the same rule cannot both pass the duplicate check
 * and rule changes of one group get consecutive group revisions.
 */
@Injectable()
export class CreateRules {
  constructor(
    private readonly database: Database,
    private readonly quota: QuotaGate,
  ) {}

  async execute(ctx: RequestContext, drafts: RuleDraft[]): Promise<SecurityGroupRuleEntity[]> {
    const groupIds = new Set(drafts.map((d) => d.securityGroupId));
    if (groupIds.size > 1) throw badRequest('Only allowed to update rules for one security profile at a time', 'SecurityGroupNotSingleGroupRules');
    if (new Set(drafts.map((d) => d.projectId)).size > 1) throw badRequest('Multiple tenant_ids in bulk security group rule create not allowed', 'SecurityGroupRulesNotSingleTenant');
    const checked = drafts.map((draft) => ({ ...draft, ...checkRule(draft) }));
    const keys = checked.map(ruleKey);
    if (new Set(keys).size !== keys.length) throw conflict('DuplicateSecurityGroupRuleInPost', 'Duplicate Security Group Rule in POST.');
    const [groupId] = groupIds;
    const projectId = drafts[0].projectId;
    try {
      return await transactionWithCompensation(this.database, async (tx, onFailure) => {
        const group = await SecurityGroupRepository.lockOwned(tx, ctx, groupId);
        await this.checkRemoteGroups(tx, ctx, checked.map((r) => r.remoteGroupId).filter((id): id is string => id !== null && id !== group.id));
        const existing: { id: string }[] = await tx.query('SELECT id FROM security_group_rules WHERE security_group_id = $1 AND rule_key = ANY($2) LIMIT 1', [group.id, keys]);
        if (existing.length > 0) throw conflict('SecurityGroupRuleExists', `Security group rule already exists. Rule id is ${existing[0].id}.`);
        await this.quota.consume(projectId, 'security_group_rule', checked.length, onFailure);
        const created = await insertRules(tx, projectId, checked);
        await announceRuleChanges(tx, group, 'created', created);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'security_group_rules_pkey')) throw conflict('SecurityGroupRuleIdInUse', 'A security group rule with this id already exists.');
      // The remote group was deleted while this request waited for it (its foreign key refuses).
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') {
        throw securityGroupNotFound(drafts.find((d) => d.remoteGroupId !== null)?.remoteGroupId ?? groupId);
      }
      throw error;
    }
  }

  /** remote_group_id must name a group the caller may see. */
  private async checkRemoteGroups(tx: EntityManager, ctx: RequestContext, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return;
    const project = scopeProject(ctx);
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM security_groups WHERE id = ANY($1::uuid[]) ${project !== undefined ? 'AND project_id = $2' : ''}`,
      project !== undefined ? [wanted, project] : [wanted],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.find((id) => !found.has(id));
    if (missing) throw securityGroupNotFound(missing);
  }
}
