import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { RequestContext } from '@alcor/neutron-api';
import { NcmEntity } from '../../domain/ncm.entity';
import { ncmConflict } from '../../domain/ncm.repository';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';
import { recordNcmChange } from '../../events/ncm-events';
import { toNcmInfo } from '../../http/ncm.mapper';

export interface NcmDraft {
  id?: string;
  uri: string;
  cap: number;
}

@Injectable()
export class CreateNcm {
  constructor(private readonly database: Database) {}

  async execute(ctx: RequestContext, draft: NcmDraft): Promise<NcmEntity> {
    assertCloudAdmin(ctx, 'create_ncm');
    const now = new Date();
    const entity = Object.assign(new NcmEntity(), { id: draft.id ?? randomUUID(), uri: draft.uri, cap: draft.cap, revisionNumber: 1, createdAt: now, updatedAt: now });
    try {
      return await this.database.transaction(async (tx) => {
        await tx.insert(NcmEntity, entity);
        await recordNcmChange(tx, 'created', toNcmInfo(entity));
        return entity;
      });
    } catch (error) {
      throw ncmConflict(error, entity.id) ?? error;
    }
  }
}
