import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  Ctx,
  listResponse,
  parseCreateBody,
  parseIfMatch,
  parseListQuery,
  parseUpdateBody,
  projectFields,
  RawQuery,
  RequestContext,
  requestBodySchema,
} from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/port-draft';
import { CreatePorts } from '../use-cases/create-ports/create-ports';
import { DeletePort } from '../use-cases/delete-port/delete-port';
import { QueryPorts } from '../use-cases/query-ports/query-ports';
import { UpdatePort } from '../use-cases/update-port/update-port';
import { portSpec as spec } from './port-attributes';
import { toPort } from './port.mapper';

/** /v2.0/ports: Neutron shapes in, one use case, Neutron shapes out. */
@ApiTags('ports')
@Controller('v2.0/ports')
export class NeutronPortsController {
  constructor(
    private readonly create: CreatePorts,
    private readonly update: UpdatePort,
    private readonly remove: DeletePort,
    private readonly query: QueryPorts,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List ports (filters incl. fixed_ips=ip_address=..., device_id, binding:host_id; fields, sorting, paging, tags)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    const query = parseListQuery(raw, spec);
    return listResponse(spec.collection, await this.query.list(ctx, query), query, req, toPort);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a port' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { port: projectFields(toPort(await this.query.get(ctx, id)), fields) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a port, or many atomically with {"ports": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createPorts(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const bulk = typeof body === 'object' && body !== null && spec.collection in body;
    const created = (await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes))).map(toPort);
    return bulk ? { ports: created } : { port: created[0] };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a port (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updatePort(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    const changes = changesFromAttributes(parseUpdateBody(body, spec, ctx));
    return { port: toPort(await this.update.execute(ctx, id, changes, parseIfMatch(ifMatch))) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a port, freeing its addresses and MAC' })
  async deletePort(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
