import { Body, Controller, Delete, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllocateIps } from '../use-cases/allocate-ips/allocate-ips';
import { CreateRange } from '../use-cases/create-range/create-range';
import { DeleteRange } from '../use-cases/delete-range/delete-range';
import { QueryRanges } from '../use-cases/query-ranges/query-ranges';
import { ReleaseIps } from '../use-cases/release-ips/release-ips';
import { UpdateRange } from '../use-cases/update-range/update-range';
import { AdminOnlyGuard } from './admin-only.guard';
import { allocateBody, parseBody, rangeChangesBody, rangeSpecBody, releaseBody, usageBody } from './internal-bodies';

/**
 * The IpAllocator contract over HTTP, for RestIpAllocator (split mode): one endpoint per method,
 * bodies in the contract's own shapes, Neutron errors. Admin only; not for tenants.
 */
@ApiTags('internal-ipam')
@Controller('internal')
@UseGuards(AdminOnlyGuard)
export class InternalIpamController {
  constructor(
    private readonly create: CreateRange,
    private readonly update: UpdateRange,
    private readonly remove: DeleteRange,
    private readonly allocateIps: AllocateIps,
    private readonly releaseIps: ReleaseIps,
    private readonly ranges: QueryRanges,
  ) {}

  @Post('ip-ranges')
  @HttpCode(204)
  @ApiOperation({ summary: 'IpAllocator.createRange: body IpRangeSpec' })
  async createRange(@Body() body: unknown): Promise<void> {
    await this.create.execute(parseBody(rangeSpecBody, body));
  }

  @Put('ip-ranges/:subnetId')
  @HttpCode(204)
  @ApiOperation({ summary: 'IpAllocator.updateRange: body {gatewayIp?, allocationPools?}' })
  async updateRange(@Param('subnetId') subnetId: string, @Body() body: unknown): Promise<void> {
    await this.update.execute(subnetId, parseBody(rangeChangesBody, body));
  }

  @Delete('ip-ranges/:subnetId')
  @HttpCode(204)
  @ApiOperation({ summary: 'IpAllocator.deleteRange (409 SubnetInUse while addresses are allocated)' })
  async deleteRange(@Param('subnetId') subnetId: string): Promise<void> {
    await this.remove.execute(subnetId);
  }

  @Post('ip-allocations')
  @HttpCode(200)
  @ApiOperation({ summary: 'IpAllocator.allocate, all or none: body {requests: IpRequest[]}, answer {allocations}' })
  async allocate(@Body() body: unknown) {
    const { requests } = parseBody(allocateBody, body);
    const allocated = await this.allocateIps.execute(requests);
    return { allocations: allocated.map((a, i) => ({ subnetId: a.subnetId, portId: requests[i].portId, ipAddress: a.ipAddress })) };
  }

  @Post('ip-allocations/release')
  @HttpCode(204)
  @ApiOperation({ summary: 'IpAllocator.release (idempotent): body {allocations: [{subnetId, ipAddress}]}' })
  async release(@Body() body: unknown): Promise<void> {
    await this.releaseIps.execute(parseBody(releaseBody, body).allocations);
  }

  @Post('ip-usage')
  @HttpCode(200)
  @ApiOperation({ summary: 'IpAllocator.usage: body {subnetIds}, answer {usage: IpUsage[]}' })
  async usage(@Body() body: unknown) {
    return { usage: await this.ranges.usage(parseBody(usageBody, body).subnetIds) };
  }
}
