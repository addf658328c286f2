import { Injectable } from '@nestjs/common';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { SubnetEntity } from '../../domain/subnet.entity';
import { SubnetRepository } from '../../domain/subnet.repository';
import { SubnetVisibilityResolver } from '../../domain/subnet-visibility';

@Injectable()
export class QuerySubnets {
  constructor(
    private readonly database: Database,
    private readonly visibility: SubnetVisibilityResolver,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<SubnetEntity> {
    const visibility = await this.visibility.of(ctx);
    return this.database.read((em) => SubnetRepository.getVisible(em, visibility, id));
  }

  /** Rows for one page (limit + 1, so the caller knows whether another page follows). */
  async list(ctx: RequestContext, query: ListQuery): Promise<SubnetEntity[]> {
    const visibility = await this.visibility.of(ctx);
    return this.database.read(async (em) => {
      const marker = query.marker ? await SubnetRepository.getVisible(em, visibility, query.marker) : undefined;
      return SubnetRepository.list(em, visibility, query, marker);
    });
  }

  async byIds(ctx: RequestContext, ids: string[]): Promise<SubnetEntity[]> {
    const visibility = await this.visibility.of(ctx);
    return this.database.read((em) => SubnetRepository.byIds(em, visibility, ids));
  }

  ofNetwork(networkId: string): Promise<SubnetEntity[]> {
    return this.database.read((em) => SubnetRepository.ofNetwork(em, networkId));
  }
}
