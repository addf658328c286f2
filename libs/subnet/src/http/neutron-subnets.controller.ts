import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, neutronRoutes, parseIfMatch, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/subnet-draft';
import { CreateSubnets } from '../use-cases/create-subnets/create-subnets';
import { DeleteSubnet } from '../use-cases/delete-subnet/delete-subnet';
import { QuerySubnets } from '../use-cases/query-subnets/query-subnets';
import { UpdateSubnet } from '../use-cases/update-subnet/update-subnet';
import { subnetSpec as spec } from './subnet-attributes';
import { toSubnet } from './subnet.mapper';

const routes = neutronRoutes({ spec, toView: toSubnet, fromAttributes: draftFromAttributes, changesFromAttributes });

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
    return routes.list(raw, req, (query) => this.query.list(ctx, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a subnet' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    return routes.show(raw, () => this.query.get(ctx, id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a subnet, or many atomically with {"subnets": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createSubnets(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return routes.create(ctx, body, (drafts) => this.create.execute(ctx, drafts));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a subnet (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateSubnet(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    return routes.update(ctx, body, ifMatch, (changes, revisions) => this.update.execute(ctx, id, changes, revisions));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subnet (409 SubnetInUse while addresses are allocated)' })
  async deleteSubnet(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
