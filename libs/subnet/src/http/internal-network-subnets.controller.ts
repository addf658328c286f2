import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, forbidden, RequestContext, toUuid } from '@alcor/neutron-api';
import { DeleteNetworkSubnets } from '../use-cases/delete-network-subnets/delete-network-subnets';

/** The VPC manager's call inside a network delete in split mode; admin/service only. */
@ApiExcludeController()
@Controller('internal/networks')
export class InternalNetworkSubnetsController {
  constructor(private readonly deletes: DeleteNetworkSubnets) {}

  @Delete(':networkId/subnets')
  @HttpCode(204)
  async deleteAll(@Ctx() ctx: RequestContext, @Param('networkId') networkId: string): Promise<void> {
    if (!ctx.isAdmin) throw forbidden('Internal subnet manager API', 'PolicyNotAuthorized');
    await this.deletes.deleteNetworkSubnets(toUuid(networkId, 'network_id'));
  }
}
