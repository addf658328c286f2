import { Injectable } from '@nestjs/common';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { FloatingIpEntity } from '../../domain/floating-ip.entity';
import { FloatingIpRepository } from '../../domain/floating-ip.repository';

@Injectable()
export class QueryFloatingIps {
  constructor(private readonly database: Database) {}

  get(ctx: RequestContext, id: string): Promise<FloatingIpEntity> {
    return this.database.read((em) => FloatingIpRepository.getVisible(em, ctx, id));
  }

  list(ctx: RequestContext, query: ListQuery): Promise<FloatingIpEntity[]> {
    return this.database.read(async (em) => {
      const marker = query.marker ? await FloatingIpRepository.getVisible(em, ctx, query.marker) : undefined;
      return FloatingIpRepository.list(em, ctx, query, marker);
    });
  }

  countByRouter(routerId: string, cidr?: string): Promise<number> {
    return this.database.read((em) => FloatingIpRepository.countByRouter(em, routerId, cidr));
  }
}
