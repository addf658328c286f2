import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { NetworkEntity } from '../../domain/network.entity';
import { NetworkRepository } from '../../domain/network.repository';

@Injectable()
export class QueryNetworks {
  constructor(private readonly database: Database) {}

  get(ctx: RequestContext, id: string): Promise<NetworkEntity> {
    return this.database.read((em) => NetworkRepository.getVisible(em, ctx, id));
  }

  /** Rows for one page (limit + 1, so the caller knows whether another page follows). */
  list(ctx: RequestContext, query: ListQuery): Promise<NetworkEntity[]> {
    return this.database.read(async (em) => {
      const marker = query.marker ? await NetworkRepository.getVisible(em, ctx, query.marker) : undefined;
      return NetworkRepository.list(em, ctx, query, marker);
    });
  }

  sharedIds(): Promise<string[]> {
    return this.database.read((em) => NetworkRepository.sharedIds(em));
  }

  count(projectId?: string): Promise<number> {
    return this.database.read((em) => NetworkRepository.count(em, projectId));
  }
}
