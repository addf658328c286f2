import { Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, forbidden, RequestContext, toUuid } from '@alcor/neutron-api';
import { DisassociatePort } from '../use-cases/port-deleted/disassociate-port';
import { QueryFloatingIps } from '../use-cases/query-floating-ips/query-floating-ips';

/** Calls of other managers in split mode (route manager checks, port manager's delete hook); admin/service only. */
@ApiExcludeController()
@Controller('internal/floatingips')
export class InternalFloatingIpsController {
  constructor(
    private readonly query: QueryFloatingIps,
    private readonly disassociate: DisassociatePort,
  ) {}

  @Get('count')
  async count(@Ctx() ctx: RequestContext, @Query('router_id') routerId: unknown, @Query('cidr') cidr?: string) {
    if (!ctx.isAdmin) throw forbidden('Internal floating-IP manager API', 'PolicyNotAuthorized');
    return { count: await this.query.countByRouter(toUuid(routerId, 'router_id'), cidr) };
  }

  @Put('disassociate-port/:portId')
  async portDeleted(@Ctx() ctx: RequestContext, @Param('portId') portId: string) {
    if (!ctx.isAdmin) throw forbidden('Internal floating-IP manager API', 'PolicyNotAuthorized');
    await this.disassociate.byPortIds([toUuid(portId, 'port_id')]);
    return {};
  }
}
