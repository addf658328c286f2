import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { NcmEntity } from '../../domain/ncm.entity';
import { NcmRepository } from '../../domain/ncm.repository';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';

@Injectable()
export class QueryNcms {
  constructor(private readonly database: Database) {}

  get(ctx: RequestContext, id: string): Promise<NcmEntity> {
    assertCloudAdmin(ctx, 'get_ncm');
    return this.database.read((em) => NcmRepository.get(em, id));
  }

  list(ctx: RequestContext, query: ListQuery): Promise<NcmEntity[]> {
    assertCloudAdmin(ctx, 'get_ncm');
    return this.database.read(async (em) => {
      const marker = query.marker ? await NcmRepository.get(em, query.marker) : undefined;
      return NcmRepository.list(em, query, marker);
    });
  }
}
