import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { badRequest, checkRevision, RequestContext, touch } from '@alcor/neutron-api';
import { nodeConflict } from '../../domain/node-conflict';
import { NodeChanges } from '../../domain/node-draft';
import { NodeEntity } from '../../domain/node.entity';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';
import { NodeRepository } from '../../domain/node.repository';
import { recordNodeChange } from '../../events/node-events';
import { toNodeInfo } from '../../http/node.mapper';

/** Partial update of a node; a change of name or IP to one in use is a 409, never a second row. */
@Injectable()
export class UpdateNode {
  constructor(private readonly database: Database) {}

  async execute(ctx: RequestContext, id: string, changes: NodeChanges, ifMatch?: number[]): Promise<NodeEntity> {
    assertCloudAdmin(ctx, 'update_node');
    const { id: bodyId, ...fields } = changes;
    if (bodyId !== undefined && bodyId !== id) throw badRequest(`node_id ${bodyId} in the body does not match node ${id} in the path`);
    try {
      return await this.database.transaction(async (tx) => {
        const entity = await NodeRepository.lock(tx, id);
        checkRevision(entity, ifMatch);
        const stored = entity as unknown as Record<string, unknown>;
        const changed = Object.entries(fields).filter(([key, value]) => value !== undefined && stored[key] !== value);
        if (changed.length === 0) return entity;
        for (const [key, value] of changed) stored[key] = value;
        touch(entity);
        await tx.save(NodeEntity, entity);
        await recordNodeChange(tx, 'updated', toNodeInfo(entity));
        return entity;
      });
    } catch (error) {
      throw nodeConflict(error) ?? error;
    }
  }
}
