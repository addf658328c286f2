import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, forbidden, RequestContext, toUuid } from '@alcor/neutron-api';
import { ClearNetworkPorts } from '../use-cases/clear-network-ports/clear-network-ports';

/** The VPC manager's call inside a network delete in split mode; admin/service only. */
@ApiExcludeController()
@Controller('internal/networks')
export class InternalNetworkPortsController {
  constructor(private readonly ports: ClearNetworkPorts) {}

  @Delete(':networkId/ports')
  @HttpCode(204)
  async clear(@Ctx() ctx: RequestContext, @Param('networkId') networkId: string): Promise<void> {
    if (!ctx.isAdmin) throw forbidden('Internal port manager API', 'PolicyNotAuthorized');
    await this.ports.clearNetworkPorts(toUuid(networkId, 'network_id'));
  }
}
