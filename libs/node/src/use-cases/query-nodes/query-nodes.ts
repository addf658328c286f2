import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { NodeEntity } from '../../domain/node.entity';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';
import { NodeRepository } from '../../domain/node.repository';

@Injectable()
export class QueryNodes {
  constructor(private readonly database: Database) {}

  get(ctx: RequestContext, id: string): Promise<NodeEntity> {
    assertCloudAdmin(ctx, 'get_node');
    return this.database.read((em) => NodeRepository.get(em, id));
  }

  /** Rows for one page (limit + 1, so the caller knows whether another page follows). */
  list(ctx: RequestContext, query: ListQuery): Promise<NodeEntity[]> {
    assertCloudAdmin(ctx, 'get_node');
    return this.database.read(async (em) => {
      const marker = query.marker ? await NodeRepository.get(em, query.marker) : undefined;
      return NodeRepository.list(em, query, marker);
    });
  }

  /** Nodes with these names; names nobody registered are simply absent. */
  byNames(ctx: RequestContext, names: string[]): Promise<NodeEntity[]> {
    assertCloudAdmin(ctx, 'get_node');
    const distinct = [...new Set(names)];
    if (distinct.length === 0) return Promise.resolve([]);
    return this.database.read((em) => NodeRepository.byNames(em, distinct));
  }
}
