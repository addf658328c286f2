import { Injectable } from '@nestjs/common';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { SubnetEntity } from '../../domain/subnet.entity';
import { SubnetRepository } from '../../domain/subnet.repository';

@Injectable()
export class QuerySubnets {
  constructor(private readonly database: Database) {}

  get(ctx: RequestContext, id: string): Promise<SubnetEntity> {
    return this.database.read((em) => SubnetRepository.getVisible(em, ctx, id));
  }

  /** Rows for one page (limit + 1, so the caller knows whether another page follows). */
  list(ctx: RequestContext, query: ListQuery): Promise<SubnetEntity[]> {
    return this.database.read(async (em) => {
      const marker = query.marker ? await SubnetRepository.getVisible(em, ctx, query.marker) : undefined;
      return SubnetRepository.list(em, ctx, query, marker);
    });
  }

  byIds(ctx: RequestContext, ids: string[]): Promise<SubnetEntity[]> {
    return this.database.read((em) => SubnetRepository.byIds(em, ctx, ids));
  }

  ofNetwork(networkId: string): Promise<SubnetEntity[]> {
    return this.database.read((em) => SubnetRepository.ofNetwork(em, networkId));
  }
}
