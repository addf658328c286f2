import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, forbidden, RequestContext, toUuid } from '@alcor/neutron-api';
import { QueryRouters } from '../use-cases/query-routers/query-routers';

/** Calls of other managers in split mode (the floating-IP manager's association check); admin/service only. */
@ApiExcludeController()
@Controller('internal')
export class InternalRoutersController {
  constructor(private readonly query: QueryRouters) {}

  @Get('router-for-floatingip')
  async routerForFloatingIp(@Ctx() ctx: RequestContext, @Query('subnet_id') subnetId: unknown, @Query('external_network_id') networkId: unknown) {
    if (!ctx.isAdmin) throw forbidden('Internal route manager API', 'PolicyNotAuthorized');
    return { router_id: (await this.query.routerForFloatingIp(toUuid(subnetId, 'subnet_id'), toUuid(networkId, 'external_network_id'))) ?? null };
  }
}
