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
import { changesFromAttributes, draftFromAttributes } from '../domain/network-draft';
import { CreateNetworks } from '../use-cases/create-networks/create-networks';
import { DeleteNetwork } from '../use-cases/delete-network/delete-network';
import { QueryNetworks } from '../use-cases/query-networks/query-networks';
import { UpdateNetwork } from '../use-cases/update-network/update-network';
import { toNetwork } from './network.mapper';
import { neutronNetworkSpec as spec } from './network-attributes';

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
    const query = parseListQuery(raw, spec);
    return listResponse(spec.collection, await this.query.list(ctx, query), query, req, toNetwork);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a network' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { network: projectFields(toNetwork(await this.query.get(ctx, id)), fields) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a network, or many atomically with {"networks": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createNetworks(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const bulk = typeof body === 'object' && body !== null && spec.collection in body;
    const created = (await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes))).map(toNetwork);
    return bulk ? { networks: created } : { network: created[0] };
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
    const changes = changesFromAttributes(parseUpdateBody(body, spec, ctx));
    return { network: toNetwork(await this.update.execute(ctx, id, changes, parseIfMatch(ifMatch))) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a network' })
  async deleteNetwork(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
