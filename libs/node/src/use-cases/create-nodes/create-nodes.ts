import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { RequestContext } from '@alcor/neutron-api';
import { nodeConflict } from '../../domain/node-conflict';
import { NodeDraft } from '../../domain/node-draft';
import { NodeEntity } from '../../domain/node.entity';
import { assertCloudAdmin } from '../../domain/cloud-admin-policy';
import { recordNodeChange } from '../../events/node-events';
import { toNodeInfo } from '../../http/node.mapper';

/** Rows per INSERT: a machine file may list thousands of hosts; stays far below PostgreSQL's bind limit. */
const INSERT_CHUNK = 500;

/**
 * Registers one or many nodes atomically: every node and its outbox event commit together, or
 * (one bad or duplicate item, inside the request or against the store) nothing does.
 */
@Injectable()
export class CreateNodes {
  constructor(private readonly database: Database) {}

  async execute(ctx: RequestContext, drafts: NodeDraft[]): Promise<NodeEntity[]> {
    assertCloudAdmin(ctx, 'create_node');
    const now = new Date();
    const entities = drafts.map((draft) => this.toEntity(draft, now));
    try {
      return await this.database.transaction(async (tx) => {
        for (let i = 0; i < entities.length; i += INSERT_CHUNK) {
          await tx.insert(NodeEntity, entities.slice(i, i + INSERT_CHUNK));
        }
        for (const entity of entities) await recordNodeChange(tx, 'created', toNodeInfo(entity));
        return entities;
      });
    } catch (error) {
      throw nodeConflict(error) ?? error;
    }
  }

  private toEntity(draft: NodeDraft, now: Date): NodeEntity {
    const entity = new NodeEntity();
    Object.assign(entity, {
      id: draft.id ?? randomUUID(),
      name: draft.name,
      localIp: draft.localIp,
      macAddress: draft.macAddress,
      veth: draft.veth,
      serverPort: draft.serverPort,
      hostDvrMac: draft.hostDvrMac,
      ncmId: draft.ncmId,
      revisionNumber: 1,
      createdAt: now,
      updatedAt: now,
    });
    return entity;
  }
}
