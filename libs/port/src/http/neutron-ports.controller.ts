import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, neutronRoutes, parseIfMatch, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/port-draft';
import { PortCreateBatcher } from '../use-cases/create-ports/create-port-batcher';
import { PortDeleteBatcher } from '../use-cases/delete-ports/port-delete-batcher';
import { QueryPorts } from '../use-cases/query-ports/query-ports';
import { PortUpdateBatcher } from '../use-cases/update-ports/port-update-batcher';
import { portSpec as spec } from './port-attributes';
import { toPort } from './port.mapper';

const routes = neutronRoutes({ spec, toView: toPort, fromAttributes: draftFromAttributes, changesFromAttributes });

/** /v2.0/ports: Neutron shapes in, one use case, Neutron shapes out. */
@ApiTags('ports')
@Controller('v2.0/ports')
export class NeutronPortsController {
  constructor(
    private readonly create: PortCreateBatcher,
    private readonly update: PortUpdateBatcher,
    private readonly remove: PortDeleteBatcher,
    private readonly query: QueryPorts,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List ports (filters incl. fixed_ips=ip_address=..., device_id, binding:host_id; fields, sorting, paging, tags)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    return routes.list(raw, req, (query) => this.query.list(ctx, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a port' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    return routes.show(raw, () => this.query.get(ctx, id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a port, or many atomically with {"ports": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createPorts(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return routes.create(ctx, body, (drafts) => this.create.execute(ctx, drafts));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a port (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updatePort(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    return routes.update(ctx, body, ifMatch, (changes, revisions) => this.update.execute(ctx, id, changes, revisions));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a port, freeing its addresses and MAC' })
  async deletePort(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
