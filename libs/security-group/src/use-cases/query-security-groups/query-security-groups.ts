import { Injectable } from '@nestjs/common';
import { ListQuery, RequestContext, scopeProject } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { DefaultGroups } from '../../domain/default-groups';
import { SecurityGroupRepository } from '../../domain/security-group.repository';
import { LoadedGroup } from '../../http/security-group.mapper';

@Injectable()
export class QuerySecurityGroups {
  constructor(
    private readonly database: Database,
    private readonly defaults: DefaultGroups,
  ) {}

  get(ctx: RequestContext, id: string): Promise<LoadedGroup> {
    return this.database.read((em) => SecurityGroupRepository.getVisible(em, ctx, id));
  }

  /**
   * Rows for one page (limit + 1). As in Neutron, listing creates the default group of the
   * project the list is about (the project filter's first value, else the caller's) on first use.
   */
  list(ctx: RequestContext, query: ListQuery): Promise<LoadedGroup[]> {
    // Only an admin's list may be about another project (and create that project's default group).
    const projectFilter = scopeProject(ctx) === undefined ? query.filters.find((f) => f.column === 'project_id')?.values[0] : undefined;
    const project = typeof projectFilter === 'string' ? projectFilter : ctx.projectId;
    return this.database.transaction(async (tx) => {
      await this.defaults.ensure(tx, project);
      const marker = query.marker ? (await SecurityGroupRepository.getVisible(tx, ctx, query.marker)).group : undefined;
      return SecurityGroupRepository.list(tx, ctx, query, marker);
    });
  }

  /** Alcor's GET .../security-groups/default/{tenant_id}: the tenant's default group, created if missing. */
  default(ctx: RequestContext, projectId: string): Promise<LoadedGroup> {
    return this.database.transaction(async (tx) => SecurityGroupRepository.getVisible(tx, { ...ctx, isAdmin: true, projectScoped: false }, await this.defaults.ensure(tx, projectId)));
  }
}
