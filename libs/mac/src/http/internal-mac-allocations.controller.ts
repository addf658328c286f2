import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReleaseMacs } from '../use-cases/release-macs/release-macs';
import { AdminOnlyGuard } from './admin-only.guard';
import { parseReleaseBody } from './release-body';

/**
 * What the REST MacAllocator needs beyond Alcor's API (it allocates with POST /macs/bulk): an
 * idempotent bulk release. Alcor's DELETE /macs/{mac} answers 404 for a MAC that is not there.
 */
@ApiTags('internal')
@UseGuards(AdminOnlyGuard)
@Controller('internal/mac-allocations')
export class InternalMacAllocationsController {
  constructor(private readonly release: ReleaseMacs) {}

  @Post('release')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release MACs, idempotently and atomically: {"releases": [{network_id, mac_address}]}' })
  async releaseMacs(@Body() body: unknown): Promise<void> {
    await this.release.execute(parseReleaseBody(body));
  }
}
