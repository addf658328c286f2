import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, neutronRoutes, parseIfMatch, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { parseRoutesBody } from '../domain/extra-routes';
import { parseInterfaceRequest } from '../domain/interface-request';
import { changesFromAttributes, draftFromAttributes } from '../domain/router-draft';
import { CreateRouters } from '../use-cases/create-routers/create-routers';
import { DeleteRouter } from '../use-cases/delete-router/delete-router';
import { ExtraRoutes } from '../use-cases/extra-routes/extra-routes';
import { QueryRouters } from '../use-cases/query-routers/query-routers';
import { AddRouterInterface } from '../use-cases/router-interfaces/add-router-interface';
import { RemoveRouterInterface } from '../use-cases/router-interfaces/remove-router-interface';
import { UpdateRouter } from '../use-cases/update-router/update-router';
import { routerSpec as spec } from './router-attributes';
import { toInterfaceInfo, toRouter } from './router.mapper';

const routes = neutronRoutes({ spec, toView: toRouter, fromAttributes: draftFromAttributes, changesFromAttributes });

/** /v2.0/routers with the interface and extra-route actions: Neutron shapes in, one use case, Neutron shapes out. */
@ApiTags('routers')
@Controller('v2.0/routers')
export class NeutronRoutersController {
  constructor(
    private readonly create: CreateRouters,
    private readonly update: UpdateRouter,
    private readonly remove: DeleteRouter,
    private readonly query: QueryRouters,
    private readonly addInterface: AddRouterInterface,
    private readonly removeInterface: RemoveRouterInterface,
    private readonly extraRoutes: ExtraRoutes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List routers (filters, fields, sorting, paging, tags)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    return routes.list(raw, req, (query) => this.query.list(ctx, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a router' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    return routes.show(raw, () => this.query.get(ctx, id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a router (optionally with external_gateway_info), or many atomically with {"routers": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createRouters(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return routes.create(ctx, body, (drafts) => this.create.execute(ctx, drafts));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a router: name, admin_state_up, external_gateway_info, routes (If-Match supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateRouter(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    return routes.update(ctx, body, ifMatch, (changes, revisions) => this.update.execute(ctx, id, changes, revisions));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a router without interfaces (its gateway port goes with it)' })
  async deleteRouter(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }

  @Put(':id/add_router_interface')
  @ApiOperation({ summary: 'Attach a subnet ({"subnet_id"}) or a port ({"port_id"})' })
  async addRouterInterface(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown) {
    const { router, added } = await this.addInterface.execute(ctx, id, parseInterfaceRequest(body, false));
    return toInterfaceInfo(router, added);
  }

  @Put(':id/remove_router_interface')
  @ApiOperation({ summary: 'Detach a subnet or port; the interface port is deleted' })
  async removeRouterInterface(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown) {
    const { router, removed } = await this.removeInterface.execute(ctx, id, parseInterfaceRequest(body, true));
    return toInterfaceInfo(router, removed);
  }

  @Put(':id/add_extraroutes')
  @ApiOperation({ summary: 'Add extra routes: {"router": {"routes": [...]}} (extraroute-atomic)' })
  async addExtraRoutes(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown) {
    return { router: toRouter(await this.extraRoutes.add(ctx, id, parseRoutesBody(body))) };
  }

  @Put(':id/remove_extraroutes')
  @ApiOperation({ summary: 'Remove extra routes: {"router": {"routes": [...]}} (extraroute-atomic)' })
  async removeExtraRoutes(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown) {
    return { router: toRouter(await this.extraRoutes.remove(ctx, id, parseRoutesBody(body))) };
  }
}
