import { Brackets, EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound, RequestContext, scopeProject, UUID_PATTERN } from '@alcor/neutron-api';
import { SecurityGroupRuleEntity } from './security-group-rule.entity';

const ALIAS = 'r';

export const ruleNotFound = (id: string) => notFound('SecurityGroupRuleNotFound', `Security group rule ${id} does not exist`);

/** Rules a project sees: its own, and every rule of its groups (an admin may have added them). */
export class SecurityGroupRuleRepository {
  static async getVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<SecurityGroupRuleEntity> {
    const found = UUID_PATTERN.test(id) ? await SecurityGroupRuleRepository.scoped(em, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne() : null;
    if (!found) throw ruleNotFound(id);
    return found;
  }

  static list(em: EntityManager, ctx: RequestContext, query: ListQuery, marker?: SecurityGroupRuleEntity): Promise<SecurityGroupRuleEntity[]> {
    const qb = SecurityGroupRuleRepository.scoped(em, ctx);
    return applyListQuery(qb, ALIAS, query, marker ? columnValues(em, SecurityGroupRuleEntity, marker) : undefined).getMany();
  }

  private static scoped(em: EntityManager, ctx: RequestContext) {
    const qb = em.getRepository(SecurityGroupRuleEntity).createQueryBuilder(ALIAS);
    const project = scopeProject(ctx);
    if (project !== undefined) {
      qb.where(
        new Brackets((w) =>
          w
            .where(`${ALIAS}.project_id = :project`, { project })
            .orWhere(`${ALIAS}.security_group_id IN (SELECT id FROM security_groups WHERE project_id = :project)`, { project }),
        ),
      );
    }
    return qb;
  }
}
