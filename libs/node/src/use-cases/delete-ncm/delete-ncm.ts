import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { checkRevision, RequestContext } from '@alcor/neutron-api';
import { NcmEntity } from '../../domain/ncm.entity';
import { NcmRepository } from '../../domain/ncm.repository';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';
import { recordNcmChange } from '../../events/ncm-events';
import { toNcmInfo } from '../../http/ncm.mapper';

/** Removes an NCM from the registry; nodes naming it keep their ncm_id (a loose reference). */
@Injectable()
export class DeleteNcm {
  constructor(private readonly database: Database) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<NcmEntity> {
    assertCloudAdmin(ctx, 'delete_ncm');
    return this.database.transaction(async (tx) => {
      const entity = await NcmRepository.lock(tx, id);
      checkRevision(entity, ifMatch);
      await tx.delete(NcmEntity, { id: entity.id });
      await recordNcmChange(tx, 'deleted', toNcmInfo(entity));
      return entity;
    });
  }
}
