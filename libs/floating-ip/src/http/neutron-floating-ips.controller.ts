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
import { changesFromAttributes, draftFromAttributes } from '../domain/floating-ip-draft';
import { CreateFloatingIps } from '../use-cases/create-floating-ips/create-floating-ips';
import { DeleteFloatingIp } from '../use-cases/delete-floating-ip/delete-floating-ip';
import { QueryFloatingIps } from '../use-cases/query-floating-ips/query-floating-ips';
import { UpdateFloatingIp } from '../use-cases/update-floating-ip/update-floating-ip';
import { floatingIpSpec as spec } from './floating-ip-attributes';
import { toFloatingIp } from './floating-ip.mapper';

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
    const query = parseListQuery(raw, spec);
    return listResponse(spec.collection, await this.query.list(ctx, query), query, req, toFloatingIp);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a floating IP' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { floatingip: projectFields(toFloatingIp(await this.query.get(ctx, id)), fields) };
  }

  @Post()
  @ApiOperation({ summary: 'Allocate a floating IP on an external network (optionally associated), or many with {"floatingips": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createFloatingIps(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const bulk = typeof body === 'object' && body !== null && spec.collection in body;
    const created = (await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes))).map(toFloatingIp);
    return bulk ? { floatingips: created } : { floatingip: created[0] };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Associate (port_id, fixed_ip_address) or disassociate (port_id null) a floating IP' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateFloatingIp(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    const changes = changesFromAttributes(parseUpdateBody(body, spec, ctx));
    return { floatingip: toFloatingIp(await this.update.execute(ctx, id, changes, parseIfMatch(ifMatch))) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release a floating IP (its address is freed once)' })
  async deleteFloatingIp(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
