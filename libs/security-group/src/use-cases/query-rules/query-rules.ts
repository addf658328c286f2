import { Injectable } from '@nestjs/common';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { DefaultGroups } from '../../domain/default-groups';
import { SecurityGroupRuleEntity } from '../../domain/security-group-rule.entity';
import { SecurityGroupRuleRepository } from '../../domain/security-group-rule.repository';

@Injectable()
export class QueryRules {
  constructor(
    private readonly database: Database,
    private readonly defaults: DefaultGroups,
  ) {}

  get(ctx: RequestContext, id: string): Promise<SecurityGroupRuleEntity> {
    return this.database.read((em) => SecurityGroupRuleRepository.getVisible(em, ctx, id));
  }

  /** Rows for one page (limit + 1); like Neutron, the caller's default group exists afterwards. */
  list(ctx: RequestContext, query: ListQuery): Promise<SecurityGroupRuleEntity[]> {
    return this.database.transaction(async (tx) => {
      await this.defaults.ensure(tx, ctx.projectId);
      const marker = query.marker ? await SecurityGroupRuleRepository.getVisible(tx, ctx, query.marker) : undefined;
      return SecurityGroupRuleRepository.list(tx, ctx, query, marker);
    });
  }
}
