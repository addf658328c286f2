import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, parseCreateBody, parseListQuery, parseUpdateBody, projectContext, projectFields, RawQuery, RequestContext } from '@alcor/neutron-api';
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
import { alcorRouterSpec as spec } from './router-attributes';
import { toInterfaceInfo, toRouter } from './router.mapper';

/**
 * Alcor's route manager API (/project/{project_id}/routers...). The extra-route actions take
 * Neutron's {"router": {"routes": [...]}} body (Alcor's own DTO could not deserialize it).
 */
@ApiTags('alcor-routers')
@Controller('project/:projectId/routers')
export class AlcorRoutersController {
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
  @ApiOperation({ summary: 'List the project’s routers' })
  async list(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Query() raw: RawQuery) {
    const ctx = projectContext(caller, projectId);
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(ctx, query);
    return { routers: rows.slice(0, query.limit ?? rows.length).map((e) => projectFields(toRouter(e), query.fields)) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a router' })
  async createRouter(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    if (typeof body === 'object' && body !== null && 'routers' in body) throw badRequest('Create one router per request on this API');
    const [created] = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes));
    return { router: toRouter(created) };
  }

  @Get(':routerId')
  @ApiOperation({ summary: 'Show a router' })
  async show(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('routerId') routerId: string) {
    return { router: toRouter(await this.query.get(projectContext(caller, projectId), routerId)) };
  }

  @Put(':routerId')
  @ApiOperation({ summary: 'Update a router' })
  async updateRouter(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('routerId') routerId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    return { router: toRouter(await this.update.execute(ctx, routerId, changesFromAttributes(parseUpdateBody(body, spec, ctx)))) };
  }

  @Delete(':routerId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a router; answers {"id": router_id} as Alcor does' })
  async deleteRouter(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('routerId') routerId: string) {
    return { id: (await this.remove.execute(projectContext(caller, projectId), routerId)).id };
  }

  @Put(':routerId/add_router_interface')
  @ApiOperation({ summary: 'Attach a subnet or a port' })
  async addRouterInterface(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('routerId') routerId: string, @Body() body: unknown) {
    const { router, added } = await this.addInterface.execute(projectContext(caller, projectId), routerId, parseInterfaceRequest(body, false));
    return toInterfaceInfo(router, added);
  }

  @Put(':routerId/remove_router_interface')
  @ApiOperation({ summary: 'Detach a subnet or a port' })
  async removeRouterInterface(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('routerId') routerId: string, @Body() body: unknown) {
    const { router, removed } = await this.removeInterface.execute(projectContext(caller, projectId), routerId, parseInterfaceRequest(body, true));
    return toInterfaceInfo(router, removed);
  }

  @Put(':routerId/add_extraroutes')
  @ApiOperation({ summary: 'Add extra routes' })
  async addExtraRoutes(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('routerId') routerId: string, @Body() body: unknown) {
    return { router: toRouter(await this.extraRoutes.add(projectContext(caller, projectId), routerId, parseRoutesBody(body))) };
  }

  @Put(':routerId/remove_extraroutes')
  @ApiOperation({ summary: 'Remove extra routes' })
  async removeExtraRoutes(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('routerId') routerId: string, @Body() body: unknown) {
    return { router: toRouter(await this.extraRoutes.remove(projectContext(caller, projectId), routerId, parseRoutesBody(body))) };
  }
}
