import { EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound, RequestContext, scopeProject, UUID_PATTERN } from '@alcor/neutron-api';
import { LoadedGroup } from '../http/security-group.mapper';
import { SecurityGroupRuleEntity } from './security-group-rule.entity';
import { SecurityGroupEntity } from './security-group.entity';

const ALIAS = 'g';

export const securityGroupNotFound = (id: string) => notFound('SecurityGroupNotFound', `Security group ${id} does not exist`);

/** Queries on groups, every one scoped to the caller's project unless it is an admin (groups are never shared). */
export class SecurityGroupRepository {
  static async getVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<LoadedGroup> {
    const qb = SecurityGroupRepository.scoped(em, ctx);
    const group = UUID_PATTERN.test(id) ? await qb.andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne() : null;
    if (!group) throw securityGroupNotFound(id);
    return (await SecurityGroupRepository.withRules(em, [group]))[0];
  }

  /** A group the caller owns, row-locked (FOR UPDATE) for the rest of the transaction: rule and binding changes of it wait. */
  static async lockOwned(tx: EntityManager, ctx: RequestContext, id: string): Promise<SecurityGroupEntity> {
    if (!UUID_PATTERN.test(id)) throw securityGroupNotFound(id);
    const qb = tx.getRepository(SecurityGroupEntity).createQueryBuilder(ALIAS).setLock('pessimistic_write').where(`${ALIAS}.id = :id`, { id: id.toLowerCase() });
    const project = scopeProject(ctx);
    if (project !== undefined) qb.andWhere(`${ALIAS}.project_id = :project`, { project });
    const group = await qb.getOne();
    if (!group) throw securityGroupNotFound(id);
    return group;
  }

  static async list(em: EntityManager, ctx: RequestContext, query: ListQuery, marker?: SecurityGroupEntity): Promise<LoadedGroup[]> {
    const qb = SecurityGroupRepository.scoped(em, ctx);
    const groups = await applyListQuery(qb, ALIAS, query, marker ? columnValues(em, SecurityGroupEntity, marker) : undefined).getMany();
    return SecurityGroupRepository.withRules(em, groups);
  }

  /** The groups with their rules, in two queries whatever their number. */
  static async withRules(em: EntityManager, groups: SecurityGroupEntity[]): Promise<LoadedGroup[]> {
    if (groups.length === 0) return [];
    const rules = await em
      .getRepository(SecurityGroupRuleEntity)
      .createQueryBuilder('r')
      .where('r.security_group_id IN (:...ids)', { ids: groups.map((g) => g.id) })
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    const byGroup = new Map(groups.map((g) => [g.id, [] as SecurityGroupRuleEntity[]]));
    for (const rule of rules) byGroup.get(rule.securityGroupId)?.push(rule);
    return groups.map((group) => ({ id: group.id, group, rules: byGroup.get(group.id) ?? [] }));
  }

  /** Ports bound to the group now (the snapshot group events carry). */
  static async memberPortIds(em: EntityManager, groupId: string): Promise<string[]> {
    const rows: { port_id: string }[] = await em.query('SELECT port_id FROM security_group_port_bindings WHERE security_group_id = $1 ORDER BY port_id', [groupId]);
    return rows.map((r) => r.port_id);
  }

  private static scoped(em: EntityManager, ctx: RequestContext) {
    const qb = em.getRepository(SecurityGroupEntity).createQueryBuilder(ALIAS);
    const project = scopeProject(ctx);
    if (project !== undefined) qb.where(`${ALIAS}.project_id = :project`, { project });
    return qb;
  }
}
