import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  Ctx,
  parseIfMatch,
  parseListQuery,
  parseUpdateBody,
  projectFields,
  RawQuery,
  RequestContext,
  requestBaseUrl,
  requestBodySchema,
  toPage,
} from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/node-draft';
import { CreateNodes } from '../use-cases/create-nodes/create-nodes';
import { DeleteNode } from '../use-cases/delete-node/delete-node';
import { QueryNodes } from '../use-cases/query-nodes/query-nodes';
import { UpdateNode } from '../use-cases/update-node/update-node';
import { parseBulkNodeBody, parseSingleNodeBody } from './host-infos-body';
import { nodeSpec as spec } from './node-attributes';
import { parseNodeListQuery } from './node-list-query';
import { toNodeInfo } from './node.mapper';

/** Alcor's node manager API (/nodes, also under Alcor's /v4 alias), admin only. */
@ApiTags('nodes')
@Controller(['nodes', 'v4/nodes'])
export class NodesController {
  constructor(
    private readonly create: CreateNodes,
    private readonly update: UpdateNode,
    private readonly remove: DeleteNode,
    private readonly query: QueryNodes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List nodes: ?node_name=&node_id=&mac_address=&local_ip=&ncm_id= (repeat for OR), fields, limit/marker' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    const query = parseNodeListQuery(raw);
    const rows = await this.query.list(ctx, query);
    const page = toPage(rows, query, `${requestBaseUrl(req)}/nodes`);
    const nodeInfos = page.items.map((e) => projectFields(toNodeInfo(e), query.fields));
    return query.limit !== undefined ? { nodeInfos, nodeInfos_links: page.links } : { nodeInfos };
  }

  @Post()
  @ApiOperation({ summary: 'Register a node: {"host_info": {...}}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createNode(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const [created] = await this.create.execute(ctx, [draftFromAttributes(parseSingleNodeBody(body, ctx))]);
    return { host_info: toNodeInfo(created) };
  }

  @Post('bulk')
  @ApiOperation({ summary: 'Register several nodes atomically: {"host_infos": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createBulk(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const created = await this.create.execute(ctx, parseBulkNodeBody(body, ctx).map(draftFromAttributes));
    return { host_infos: created.map(toNodeInfo) };
  }

  @Post('upload')
  @ApiOperation({ summary: 'Register the nodes of a machine file {"host_infos": [...]} atomically (multipart field "file", or the raw file)' })
  @ApiConsumes('multipart/form-data', 'application/json', 'application/octet-stream')
  async upload(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const created = await this.create.execute(ctx, parseBulkNodeBody(body, ctx).map(draftFromAttributes));
    return { host_infos: created.map(toNodeInfo) };
  }

  @Get(':nodeId')
  @ApiOperation({ summary: 'Show a node' })
  async show(@Ctx() ctx: RequestContext, @Param('nodeId') nodeId: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { host_info: projectFields(toNodeInfo(await this.query.get(ctx, nodeId)), fields) };
  }

  @Put(':nodeId')
  @ApiOperation({ summary: 'Update a node: {"host_info": {...}} with the attributes to change (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateNode(@Ctx() ctx: RequestContext, @Param('nodeId') nodeId: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    const changes = changesFromAttributes(parseUpdateBody(body, spec, ctx));
    return { host_info: toNodeInfo(await this.update.execute(ctx, nodeId, changes, parseIfMatch(ifMatch))) };
  }

  @Delete(':nodeId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a node; answers {"node_id": id} (Alcor answered 200 with the id)' })
  async deleteNode(@Ctx() ctx: RequestContext, @Param('nodeId') nodeId: string, @Headers('if-match') ifMatch?: string) {
    const deleted = await this.remove.execute(ctx, nodeId, parseIfMatch(ifMatch));
    return { node_id: deleted.id };
  }
}
