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
import { changesFromAttributes, draftFromAttributes } from '../domain/subnet-draft';
import { CreateSubnets } from '../use-cases/create-subnets/create-subnets';
import { DeleteSubnet } from '../use-cases/delete-subnet/delete-subnet';
import { QuerySubnets } from '../use-cases/query-subnets/query-subnets';
import { UpdateSubnet } from '../use-cases/update-subnet/update-subnet';
import { subnetSpec as spec } from './subnet-attributes';
import { toSubnet } from './subnet.mapper';

/** /v2.0/subnets: Neutron shapes in, one use case, Neutron shapes out. */
@ApiTags('subnets')
@Controller('v2.0/subnets')
export class NeutronSubnetsController {
  constructor(
    private readonly create: CreateSubnets,
    private readonly update: UpdateSubnet,
    private readonly remove: DeleteSubnet,
    private readonly query: QuerySubnets,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List subnets (filters, fields, sorting, paging, tags)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    const query = parseListQuery(raw, spec);
    return listResponse(spec.collection, await this.query.list(ctx, query), query, req, toSubnet);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a subnet' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { subnet: projectFields(toSubnet(await this.query.get(ctx, id)), fields) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a subnet, or many atomically with {"subnets": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createSubnets(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const bulk = typeof body === 'object' && body !== null && spec.collection in body;
    const created = (await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes))).map(toSubnet);
    return bulk ? { subnets: created } : { subnet: created[0] };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a subnet (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateSubnet(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    const changes = changesFromAttributes(parseUpdateBody(body, spec, ctx));
    return { subnet: toSubnet(await this.update.execute(ctx, id, changes, parseIfMatch(ifMatch))) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subnet (409 SubnetInUse while addresses are allocated)' })
  async deleteSubnet(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
