import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict, RequestContext } from '@alcor/neutron-api';
import { Database, isUniqueViolation, transactionWithCompensation } from '@alcor/persistence';
import { DefaultGroups } from '../../domain/default-groups';
import { egressRules, insertRules } from '../../domain/new-rules';
import { QuotaGate } from '../../domain/quota-gate';
import { SecurityGroupDraft } from '../../domain/security-group-draft';
import { SecurityGroupEntity } from '../../domain/security-group.entity';
import { recordGroupChange } from '../../events/security-group-events';
import { LoadedGroup } from '../../http/security-group.mapper';

/**
 * Creates one or many groups atomically, each with Neutron's two egress rules; the project's
 * default group comes first if it does not exist yet (as Neutron does).
 */
@Injectable()
export class CreateSecurityGroups {
  constructor(
    private readonly database: Database,
    private readonly defaults: DefaultGroups,
    private readonly quota: QuotaGate,
  ) {}

  async execute(_ctx: RequestContext, drafts: SecurityGroupDraft[]): Promise<LoadedGroup[]> {
    try {
      return await transactionWithCompensation(this.database, async (tx, onFailure) => {
        const perProject = new Map<string, number>();
        for (const d of drafts) perProject.set(d.projectId, (perProject.get(d.projectId) ?? 0) + 1);
        for (const [projectId, count] of perProject) {
          await this.defaults.ensure(tx, projectId, onFailure);
          await this.quota.consume(projectId, 'security_group', count, onFailure);
          await this.quota.consume(projectId, 'security_group_rule', count * 2, onFailure);
        }
        const created: LoadedGroup[] = [];
        for (const draft of drafts) created.push(await this.createOne(tx, draft));
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'security_groups_pkey')) throw conflict('SecurityGroupIdInUse', 'A security group with this id already exists.');
      throw error;
    }
  }

  private async createOne(tx: EntityManager, draft: SecurityGroupDraft): Promise<LoadedGroup> {
    const now = new Date();
    const group = tx.create(SecurityGroupEntity, {
      id: draft.id ?? randomUUID(),
      projectId: draft.projectId,
      name: draft.name,
      description: draft.description,
      stateful: draft.stateful,
      isDefault: false,
      tags: [...new Set(draft.tags)],
      revisionNumber: 1,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(SecurityGroupEntity, group);
    const rules = await insertRules(tx, draft.projectId, egressRules(group.id), now);
    const loaded = { id: group.id, group, rules };
    await recordGroupChange(tx, 'created', loaded);
    return loaded;
  }
}
