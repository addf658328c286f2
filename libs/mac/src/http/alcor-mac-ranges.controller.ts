import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, parseCreateBody, parseListQuery, parseUpdateBody, projectFields, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { rangeChangesFromAttributes, rangeDraftFromAttributes } from '../domain/mac-range-rules';
import { CreateMacRange } from '../use-cases/create-mac-range/create-mac-range';
import { DeleteMacRange } from '../use-cases/delete-mac-range/delete-mac-range';
import { QueryMacRanges } from '../use-cases/query-mac-ranges/query-mac-ranges';
import { UpdateMacRange } from '../use-cases/update-mac-range/update-mac-range';
import { AdminOnlyGuard } from './admin-only.guard';
import { toAlcorMacRange } from './alcor-mac-shapes';
import { macRangeSpec as spec, toRangeId } from './mac-range-attributes';

/** Alcor's MAC ranges API (/macs/ranges..., also under /v4). */
@ApiTags('alcor-mac-ranges')
@UseGuards(AdminOnlyGuard)
@Controller(['macs/ranges', 'v4/macs/ranges'])
export class AlcorMacRangesController {
  constructor(
    private readonly create: CreateMacRange,
    private readonly update: UpdateMacRange,
    private readonly remove: DeleteMacRange,
    private readonly query: QueryMacRanges,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List MAC ranges (filters range_id, from, to, state; fields; sort_key/sort_dir; limit/marker)' })
  async list(@Query() raw: RawQuery) {
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(query);
    return { mac_ranges: rows.slice(0, query.limit ?? rows.length).map((e) => projectFields(toAlcorMacRange(e), query.fields)) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a MAC range; range_id is generated when absent' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createRange(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    if (typeof body === 'object' && body !== null && spec.collection in body) throw badRequest('Create one MAC range per request');
    const [attributes] = parseCreateBody(body, spec, ctx);
    return { mac_range: toAlcorMacRange(await this.create.execute(rangeDraftFromAttributes(attributes))) };
  }

  @Get(':rangeId')
  @ApiOperation({ summary: 'Show a MAC range' })
  async show(@Param('rangeId') rangeId: string) {
    return { mac_range: toAlcorMacRange(await this.query.get(toRangeId(rangeId, 'range_id'))) };
  }

  @Put(':rangeId')
  @ApiOperation({ summary: 'Change the bounds or state of a MAC range (range0 follows MAC_OUI and is fixed)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateRange(@Ctx() ctx: RequestContext, @Param('rangeId') rangeId: string, @Body() body: unknown) {
    const id = toRangeId(rangeId, 'range_id');
    const attributes = parseUpdateBody(body, spec, ctx);
    if ('range_id' in attributes && attributes.range_id !== id) throw badRequest(`range_id ${String(attributes.range_id)} does not match ${id} in the path`);
    return { mac_range: toAlcorMacRange(await this.update.execute(id, rangeChangesFromAttributes(attributes))) };
  }

  @Delete(':rangeId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a MAC range none of whose MACs is allocated; answers {"id": range_id}' })
  async deleteRange(@Param('rangeId') rangeId: string) {
    return { id: (await this.remove.execute(toRangeId(rangeId, 'range_id'))).id };
  }
}
