import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Attributes, badRequest, Ctx, parseCreateBody, parseCreateItem, RequestContext } from '@alcor/neutron-api';
import { AllocateIps, IpAllocationRequest } from '../use-cases/allocate-ips/allocate-ips';
import { QueryAllocations } from '../use-cases/query-allocations/query-allocations';
import { QueryRanges } from '../use-cases/query-ranges/query-ranges';
import { ReleaseIps } from '../use-cases/release-ips/release-ips';
import { AdminOnlyGuard } from './admin-only.guard';
import { ipRequestSpec as spec, rangeIdOf } from './ipam-attributes';
import { toAlcorIpRequest } from './ip.mapper';

const allocationRequest = (a: Attributes): IpAllocationRequest => ({
  subnetId: rangeIdOf(a),
  portId: (a.port_id as string | null | undefined) ?? null,
  ipAddress: a.ip as string | null | undefined,
  ipVersion: (a.ip_version as 4 | 6 | null | undefined) ?? undefined,
});

/**
 * Alcor's Private IP manager API: unwrapped IpAddrRequest bodies, no project in paths. A range id
 * is its subnet's id here. Every allocation is all-or-none and "activated"; Alcor's PUT /ips
 * (activate/deactivate) and POST /ips/update are not offered.
 */
@ApiTags('alcor-ips')
@Controller('ips')
@UseGuards(AdminOnlyGuard)
export class AlcorIpsController {
  constructor(
    private readonly allocateIps: AllocateIps,
    private readonly releaseIps: ReleaseIps,
    private readonly allocations: QueryAllocations,
    private readonly ranges: QueryRanges,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Allocate one address: {range_id, ip?} (ip absent: the next free one of the pools)' })
  @ApiBody({ schema: { type: 'object' } })
  async allocate(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const [allocated] = await this.allocateIps.execute([allocationRequest(parseCreateItem(body, spec, ctx))]);
    return toAlcorIpRequest(allocated);
  }

  @Post('bulk')
  @ApiOperation({ summary: 'Allocate several addresses atomically: {"ip_requests": [...]}' })
  async allocateBulk(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const allocated = await this.allocateIps.execute(parseCreateBody(body, spec, ctx).map(allocationRequest));
    return { ip_requests: allocated.map(toAlcorIpRequest) };
  }

  @Delete('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release several addresses (idempotent): {"ip_requests": [{range_id, ip}]}' })
  async releaseBulk(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<void> {
    const releases = parseCreateBody(body, spec, ctx).map((a) => {
      if (!a.ip) throw badRequest('ip is required to release an address');
      return { subnetId: rangeIdOf(a), ipAddress: a.ip as string };
    });
    await this.releaseIps.execute(releases);
  }

  @Get(':rangeId/:ip')
  @ApiOperation({ summary: 'Show an allocated address' })
  async show(@Param('rangeId') rangeId: string, @Param('ip') ip: string) {
    return toAlcorIpRequest(await this.allocations.get(rangeId, ip));
  }

  @Delete(':rangeId/:ip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release an address (idempotent; 404 only for an unknown range)' })
  async release(@Param('rangeId') rangeId: string, @Param('ip') ip: string): Promise<void> {
    const { range } = await this.ranges.get(rangeId);
    await this.releaseIps.execute([{ subnetId: range.subnetId, ipAddress: ip }]);
  }

  @Get(':rangeId')
  @ApiOperation({ summary: 'List the allocated addresses of a range (a bare array, as Alcor answers)' })
  async list(@Param('rangeId') rangeId: string) {
    return (await this.allocations.list(rangeId)).map(toAlcorIpRequest);
  }
}
