import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, neutronRoutes, parseIfMatch, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/network-draft';
import { CreateNetworks } from '../use-cases/create-networks/create-networks';
import { DeleteNetwork } from '../use-cases/delete-network/delete-network';
import { QueryNetworks } from '../use-cases/query-networks/query-networks';
import { UpdateNetwork } from '../use-cases/update-network/update-network';
import { toNetwork } from './network.mapper';
import { neutronNetworkSpec as spec } from './network-attributes';

const routes = neutronRoutes({ spec, toView: toNetwork, fromAttributes: draftFromAttributes, changesFromAttributes });

/** /v2.0/networks: Neutron shapes in, one use case, Neutron shapes out. */
@ApiTags('networks')
@Controller('v2.0/networks')
export class NeutronNetworksController {
  constructor(
    private readonly create: CreateNetworks,
    private readonly update: UpdateNetwork,
    private readonly remove: DeleteNetwork,
    private readonly query: QueryNetworks,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List networks (filters, fields, sort_key/sort_dir, limit/marker, tags)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    return routes.list(raw, req, (query) => this.query.list(ctx, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a network' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    return routes.show(raw, () => this.query.get(ctx, id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a network, or many atomically with {"networks": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createNetworks(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return routes.create(ctx, body, (drafts) => this.create.execute(ctx, drafts));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a network (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateNetwork(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    return routes.update(ctx, body, ifMatch, (changes, revisions) => this.update.execute(ctx, id, changes, revisions));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a network' })
  async deleteNetwork(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
