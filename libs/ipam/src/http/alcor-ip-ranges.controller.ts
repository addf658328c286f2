import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, parseCreateItem, RequestContext } from '@alcor/neutron-api';
import { CreateRange } from '../use-cases/create-range/create-range';
import { DeleteRange } from '../use-cases/delete-range/delete-range';
import { QueryRanges } from '../use-cases/query-ranges/query-ranges';
import { AdminOnlyGuard } from './admin-only.guard';
import { rangeSpecFromAlcor } from './alcor-range-request';
import { ipRangeSpec as spec } from './ipam-attributes';
import { toAlcorRange } from './ip.mapper';

/**
 * Alcor's IP ranges: {id, vpc_id, subnet_id, ip_version, first_ip, last_ip, used_ips, total_ips}.
 * One range per subnet and id == subnet_id (Alcor generated a separate range id).
 */
@ApiTags('alcor-ips')
@Controller('ips/range')
@UseGuards(AdminOnlyGuard)
export class AlcorIpRangesController {
  constructor(
    private readonly create: CreateRange,
    private readonly remove: DeleteRange,
    private readonly query: QueryRanges,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a subnet’s range: {vpc_id, subnet_id, cidr, gateway_ip?, allocation_pools?} or Alcor’s {first_ip, last_ip}' })
  async createRange(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const range = await this.create.execute(rangeSpecFromAlcor(parseCreateItem(body, spec, ctx)));
    const { usedIps } = await this.query.get(range.subnetId);
    return toAlcorRange(range, usedIps);
  }

  @Get()
  @ApiOperation({ summary: 'List ranges (a bare array, as Alcor answers)' })
  async list() {
    return (await this.query.list()).map(({ range, usedIps }) => toAlcorRange(range, usedIps));
  }

  @Get(':rangeId')
  @ApiOperation({ summary: 'Show a range with its usage' })
  async show(@Param('rangeId') rangeId: string) {
    const { range, usedIps } = await this.query.get(rangeId);
    return toAlcorRange(range, usedIps);
  }

  @Delete(':rangeId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a range (409 SubnetInUse while addresses are allocated)' })
  async deleteRange(@Param('rangeId') rangeId: string): Promise<void> {
    await this.remove.execute(rangeId);
  }
}
