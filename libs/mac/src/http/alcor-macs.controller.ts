import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, parseCreateBody, parseUpdateBody, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { claimFromAttributes, MacKey, stateChangesFromAttributes } from '../domain/mac-claim';
import { AllocateMacs } from '../use-cases/allocate-macs/allocate-macs';
import { QueryMacs } from '../use-cases/query-macs/query-macs';
import { ReleaseMacs } from '../use-cases/release-macs/release-macs';
import { UpdateMacState } from '../use-cases/update-mac-state/update-mac-state';
import { AdminOnlyGuard } from './admin-only.guard';
import { toAlcorMacState } from './alcor-mac-shapes';
import { macKeyFrom } from './mac-key-params';
import { toRangeId } from './mac-range-attributes';
import { macStateSpec as spec } from './mac-state-attributes';

const single = (body: unknown) => {
  if (typeof body === 'object' && body !== null && spec.collection in body) throw badRequest('Use /macs/bulk for several MACs');
  return body;
};

/** Alcor's MAC manager API (/macs..., also under /v4), with Alcor's JSON shapes and Neutron's errors. */
@ApiTags('alcor-macs')
@UseGuards(AdminOnlyGuard)
@Controller(['macs', 'v4/macs'])
export class AlcorMacsController {
  constructor(
    private readonly allocate: AllocateMacs,
    private readonly release: ReleaseMacs,
    private readonly update: UpdateMacState,
    private readonly query: QueryMacs,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Allocate a MAC from the default range: random, or the given mac_address' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const [created] = await this.allocate.execute(parseCreateBody(single(body), spec, ctx).map((a) => claimFromAttributes(a)));
    return { mac_state: toAlcorMacState(created) };
  }

  @Post('bulk')
  @ApiOperation({ summary: 'Allocate several MACs atomically: {"mac_states": [...]}' })
  async createBulk(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const created = await this.allocate.execute(parseCreateBody(body, spec, ctx).map((a) => claimFromAttributes(a)));
    return { mac_states: created.map(toAlcorMacState) };
  }

  @Post('range/:rangeId')
  @ApiOperation({ summary: 'Allocate a MAC from the given range' })
  async createInRange(@Ctx() ctx: RequestContext, @Param('rangeId') rangeId: string, @Body() body: unknown) {
    const range = toRangeId(rangeId, 'range_id');
    const [created] = await this.allocate.execute(parseCreateBody(single(body), spec, ctx).map((a) => claimFromAttributes(a, range)));
    return { mac_state: toAlcorMacState(created) };
  }

  @Post('range/:rangeId/bulk')
  @ApiOperation({ summary: 'Allocate several MACs from the given range atomically' })
  async createBulkInRange(@Ctx() ctx: RequestContext, @Param('rangeId') rangeId: string, @Body() body: unknown) {
    const range = toRangeId(rangeId, 'range_id');
    const created = await this.allocate.execute(parseCreateBody(body, spec, ctx).map((a) => claimFromAttributes(a, range)));
    return { mac_states: created.map(toAlcorMacState) };
  }

  @Get(':mac')
  @ApiOperation({ summary: 'Show an allocated MAC (?vpc_id=<network>; without it, the global scope)' })
  @ApiQuery({ name: 'vpc_id', required: false })
  async show(@Param('mac') mac: string, @Query('vpc_id') vpcId?: string | string[]) {
    return { mac_state: toAlcorMacState(await this.query.get(macKeyFrom(mac, vpcId))) };
  }

  @Put(':mac')
  @ApiOperation({ summary: 'Change the port, project or state of an allocated MAC' })
  @ApiQuery({ name: 'vpc_id', required: false })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateMac(@Ctx() ctx: RequestContext, @Param('mac') mac: string, @Body() body: unknown, @Query('vpc_id') vpcId?: string | string[]) {
    const key = macKeyFrom(mac, vpcId);
    const attributes = parseUpdateBody(body, spec, ctx);
    checkIdentity(key, attributes);
    return { mac_state: toAlcorMacState(await this.update.execute(key, stateChangesFromAttributes(attributes))) };
  }

  @Delete(':mac')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release an allocated MAC; answers {"mac_address": mac} as Alcor does' })
  @ApiQuery({ name: 'vpc_id', required: false })
  async deleteMac(@Param('mac') mac: string, @Query('vpc_id') vpcId?: string | string[]) {
    const released = await this.release.releaseOne(macKeyFrom(mac, vpcId));
    return { mac_address: released.macAddress };
  }
}

/** A PUT body may repeat the MAC and its network, never change them. */
function checkIdentity(key: MacKey, attributes: Record<string, unknown>): void {
  if ('mac_address' in attributes && attributes.mac_address !== key.macAddress) {
    throw badRequest(`mac_address ${String(attributes.mac_address)} does not match ${key.macAddress} in the path`);
  }
  if ('vpc_id' in attributes && (attributes.vpc_id ?? '') !== key.scope) {
    throw badRequest('vpc_id cannot be changed: release the MAC and allocate it in the other network');
  }
}
