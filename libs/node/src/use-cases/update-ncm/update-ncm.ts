import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { checkRevision, RequestContext, touch } from '@alcor/neutron-api';
import { NcmEntity } from '../../domain/ncm.entity';
import { NcmRepository } from '../../domain/ncm.repository';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';
import { recordNcmChange } from '../../events/ncm-events';
import { toNcmInfo } from '../../http/ncm.mapper';

export interface NcmChanges {
  uri?: string;
  cap?: number;
}

@Injectable()
export class UpdateNcm {
  constructor(private readonly database: Database) {}

  execute(ctx: RequestContext, id: string, changes: NcmChanges, ifMatch?: number[]): Promise<NcmEntity> {
    assertCloudAdmin(ctx, 'update_ncm');
    return this.database.transaction(async (tx) => {
      const entity = await NcmRepository.lock(tx, id);
      checkRevision(entity, ifMatch);
      const uri = changes.uri ?? entity.uri;
      const cap = changes.cap ?? entity.cap;
      if (uri === entity.uri && cap === entity.cap) return entity;
      Object.assign(entity, { uri, cap });
      touch(entity);
      await tx.save(NcmEntity, entity);
      await recordNcmChange(tx, 'updated', toNcmInfo(entity));
      return entity;
    });
  }
}
