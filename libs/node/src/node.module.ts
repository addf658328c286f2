import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { NODE_CLIENT } from '@alcor/contracts';
import { InProcessNodeClient } from './client/in-process-node.client';
import { NodesController } from './http/nodes.controller';
import { registerUploadParsers } from './http/upload-body-parsers';
import { CreateNodes } from './use-cases/create-nodes/create-nodes';
import { DeleteNode } from './use-cases/delete-node/delete-node';
import { QueryNodes } from './use-cases/query-nodes/query-nodes';
import { UpdateNode } from './use-cases/update-node/update-node';

/** The node manager: compute hosts (Alcor's NodeInfo) on Alcor's /nodes API, and NODE_CLIENT for other managers. */
@Module({
  controllers: [NodesController],
  providers: [CreateNodes, UpdateNode, DeleteNode, QueryNodes, { provide: NODE_CLIENT, useClass: InProcessNodeClient }],
  exports: [NODE_CLIENT],
})
export class NodeModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // Absent in an application context without HTTP (e.g. a worker that only uses NODE_CLIENT).
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify && typeof fastify.addContentTypeParser === 'function') registerUploadParsers(fastify);
  }
}
