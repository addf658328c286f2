import { Injectable } from '@nestjs/common';
import { ComputeNode, NodeClient } from '@alcor/contracts';
import { INTERNAL_CONTEXT } from '../domain/cloud-admin-policy';
import { toComputeNode, toNodeInfo } from '../http/node.mapper';
import { QueryNodes } from '../use-cases/query-nodes/query-nodes';

/** The node manager called in the same process (standalone mode). */
@Injectable()
export class InProcessNodeClient implements NodeClient {
  constructor(private readonly query: QueryNodes) {}

  async getByNames(names: string[]): Promise<ComputeNode[]> {
    const nodes = await this.query.byNames(INTERNAL_CONTEXT, names);
    return nodes.map((entity) => toComputeNode(toNodeInfo(entity)));
  }
}
