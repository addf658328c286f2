import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { NODE_CLIENT } from '@alcor/contracts';
import { InProcessNodeClient } from './client/in-process-node.client';
import { NcmsController } from './http/ncms.controller';
import { NodesController } from './http/nodes.controller';
import { registerUploadParsers } from './http/upload-body-parsers';
import { CreateNcm } from './use-cases/create-ncm/create-ncm';
import { CreateNodes } from './use-cases/create-nodes/create-nodes';
import { DeleteNcm } from './use-cases/delete-ncm/delete-ncm';
import { DeleteNode } from './use-cases/delete-node/delete-node';
import { QueryNcms } from './use-cases/query-ncms/query-ncms';
import { QueryNodes } from './use-cases/query-nodes/query-nodes';
import { UpdateNcm } from './use-cases/update-ncm/update-ncm';
import { UpdateNode } from './use-cases/update-node/update-node';

/**
 * The node manager: compute hosts (Alcor's NodeInfo) on Alcor's /nodes API, the NCM registry on
 * /ncms. Global: its NODE_CLIENT serves the port manager (host binding) of the same process.
 */
@Global()
@Module({
  controllers: [NodesController, NcmsController],
  providers: [
    CreateNodes,
    UpdateNode,
    DeleteNode,
    QueryNodes,
    CreateNcm,
    UpdateNcm,
    DeleteNcm,
    QueryNcms,
    { provide: NODE_CLIENT, useClass: InProcessNodeClient },
  ],
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
