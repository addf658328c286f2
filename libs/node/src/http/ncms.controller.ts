import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  badRequest,
  Ctx,
  parseCreateBody,
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
import { CreateNcm } from '../use-cases/create-ncm/create-ncm';
import { DeleteNcm } from '../use-cases/delete-ncm/delete-ncm';
import { QueryNcms } from '../use-cases/query-ncms/query-ncms';
import { UpdateNcm } from '../use-cases/update-ncm/update-ncm';
import { ncmSpec as spec } from './ncm-attributes';
import { toNcmInfo } from './ncm.mapper';

/** Alcor's NCM registry (/ncms), admin only. */
@ApiTags('ncms')
@Controller(['ncms', 'v4/ncms'])
export class NcmsController {
  constructor(
    private readonly create: CreateNcm,
    private readonly update: UpdateNcm,
    private readonly remove: DeleteNcm,
    private readonly query: QueryNcms,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List NCMs: {"ncmInfos": [...]} (filters id, uri, cap; fields; limit/marker)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    const query = parseListQuery(raw, spec);
    const page = toPage(await this.query.list(ctx, query), query, `${requestBaseUrl(req)}/ncms`);
    const ncmInfos = page.items.map((e) => projectFields(toNcmInfo(e), query.fields));
    return query.limit !== undefined ? { ncmInfos, ncmInfos_links: page.links } : { ncmInfos };
  }

  @Post()
  @ApiOperation({ summary: 'Register an NCM: {"ncm_info": {"id", "uri", "cap"}}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createNcm(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    if (typeof body === 'object' && body !== null && spec.collection in body) throw badRequest('Register one NCM per request');
    const [a] = parseCreateBody(body, spec, ctx);
    const created = await this.create.execute(ctx, { id: a.id as string | undefined, uri: a.uri as string, cap: a.cap as number });
    return { ncm_info: toNcmInfo(created) };
  }

  @Get(':ncmId')
  @ApiOperation({ summary: 'Show an NCM' })
  async show(@Ctx() ctx: RequestContext, @Param('ncmId') ncmId: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { ncm_info: projectFields(toNcmInfo(await this.query.get(ctx, ncmId)), fields) };
  }

  @Put(':ncmId')
  @ApiOperation({ summary: 'Update an NCM’s uri or cap' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateNcm(@Ctx() ctx: RequestContext, @Param('ncmId') ncmId: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    const a = parseUpdateBody(body, spec, ctx);
    const changes = { uri: a.uri as string | undefined, cap: a.cap as number | undefined };
    return { ncm_info: toNcmInfo(await this.update.execute(ctx, ncmId, changes, parseIfMatch(ifMatch))) };
  }

  @Delete(':ncmId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove an NCM; answers {"id": ncm_id}' })
  async deleteNcm(@Ctx() ctx: RequestContext, @Param('ncmId') ncmId: string, @Headers('if-match') ifMatch?: string) {
    return { id: (await this.remove.execute(ctx, ncmId, parseIfMatch(ifMatch))).id };
  }
}
