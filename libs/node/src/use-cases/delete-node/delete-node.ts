import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { checkRevision, RequestContext } from '@alcor/neutron-api';
import { NodeEntity } from '../../domain/node.entity';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';
import { NodeRepository } from '../../domain/node.repository';
import { recordNodeChange } from '../../events/node-events';
import { toNodeInfo } from '../../http/node.mapper';

@Injectable()
export class DeleteNode {
  constructor(private readonly database: Database) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<NodeEntity> {
    assertCloudAdmin(ctx, 'delete_node');
    return this.database.transaction(async (tx) => {
      const entity = await NodeRepository.lock(tx, id);
      checkRevision(entity, ifMatch);
      await tx.delete(NodeEntity, { id: entity.id });
      await recordNodeChange(tx, 'deleted', toNodeInfo(entity));
      return entity;
    });
  }
}
