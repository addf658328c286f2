import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, neutronRoutes, parseIfMatch, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/floating-ip-draft';
import { CreateFloatingIps } from '../use-cases/create-floating-ips/create-floating-ips';
import { DeleteFloatingIp } from '../use-cases/delete-floating-ip/delete-floating-ip';
import { QueryFloatingIps } from '../use-cases/query-floating-ips/query-floating-ips';
import { UpdateFloatingIp } from '../use-cases/update-floating-ip/update-floating-ip';
import { floatingIpSpec as spec } from './floating-ip-attributes';
import { toFloatingIp } from './floating-ip.mapper';

const routes = neutronRoutes({ spec, toView: toFloatingIp, fromAttributes: draftFromAttributes, changesFromAttributes });

/** /v2.0/floatingips: Neutron shapes in, one use case, Neutron shapes out. */
@ApiTags('floatingips')
@Controller('v2.0/floatingips')
export class NeutronFloatingIpsController {
  constructor(
    private readonly create: CreateFloatingIps,
    private readonly update: UpdateFloatingIp,
    private readonly remove: DeleteFloatingIp,
    private readonly query: QueryFloatingIps,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List floating IPs (filters incl. port_id, router_id, floating_network_id; fields, sorting, paging, tags)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    return routes.list(raw, req, (query) => this.query.list(ctx, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a floating IP' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    return routes.show(raw, () => this.query.get(ctx, id));
  }

  @Post()
  @ApiOperation({ summary: 'Allocate a floating IP on an external network (optionally associated), or many with {"floatingips": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createFloatingIps(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return routes.create(ctx, body, (drafts) => this.create.execute(ctx, drafts));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Associate (port_id, fixed_ip_address) or disassociate (port_id null) a floating IP' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateFloatingIp(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    return routes.update(ctx, body, ifMatch, (changes, revisions) => this.update.execute(ctx, id, changes, revisions));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release a floating IP (its address is freed once)' })
  async deleteFloatingIp(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
