import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, NeutronError, RequestContext } from '@alcor/neutron-api';
import { QueryQuotas } from '../use-cases/query-quotas/query-quotas';
import { UpdateQuotas } from '../use-cases/update-quotas/update-quotas';
import { parseQuotaUpdate } from './quota-body';
import { toProjectQuota } from './quota.mapper';
import { authorizeQuota } from './quota-policy';

/** /v2.0/quotas: Neutron's quotasv2 and quota_details extensions. */
@ApiTags('quotas')
@Controller('v2.0/quotas')
export class NeutronQuotasController {
  constructor(
    private readonly query: QueryQuotas,
    private readonly updates: UpdateQuotas,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the projects with non-default quotas (admin)' })
  async list(@Ctx() ctx: RequestContext) {
    authorizeQuota(ctx, 'get_quota');
    return { quotas: (await this.query.projectsWithLimits()).map((p) => toProjectQuota(p.projectId, p.limits)) };
  }

  @Post()
  create(): never {
    throw new NeutronError(501, 'HTTPNotImplemented', 'POST requests are not supported on this resource.');
  }

  @Get(['project', 'tenant'])
  @ApiOperation({ summary: "The caller's project id" })
  project(@Ctx() ctx: RequestContext) {
    return { project: { project_id: ctx.projectId } };
  }

  @Get(':projectId')
  @ApiOperation({ summary: "A project's limits (its own or the defaults)" })
  async show(@Ctx() ctx: RequestContext, @Param('projectId') projectId: string) {
    return { quota: await this.query.limitsOf(authorizeQuota(ctx, 'get_quota', projectId) as string) };
  }

  @Get(':projectId/default')
  @ApiOperation({ summary: 'The default limits' })
  defaults(@Ctx() ctx: RequestContext, @Param('projectId') projectId: string) {
    authorizeQuota(ctx, 'get_quota', projectId);
    return { quota: { ...this.query.defaults } };
  }

  @Get([':projectId/details.json', ':projectId/details'])
  @ApiOperation({ summary: 'Limit, used and reserved per resource' })
  async details(@Ctx() ctx: RequestContext, @Param('projectId') projectId: string) {
    return { quota: await this.query.detailsOf(authorizeQuota(ctx, 'get_quota', projectId) as string) };
  }

  @Put(':projectId')
  @ApiOperation({ summary: 'Set limits: {"quota": {"port": 20}}; below usage is accepted unless check_limit is true' })
  async update(@Ctx() ctx: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const project = authorizeQuota(ctx, 'update_quota', projectId) as string;
    const { limits, checkLimit } = parseQuotaUpdate(body);
    await this.updates.update(project, limits, checkLimit);
    return { quota: await this.query.limitsOf(project) };
  }

  @Delete(':projectId')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset a project's limits to the defaults" })
  async reset(@Ctx() ctx: RequestContext, @Param('projectId') projectId: string): Promise<void> {
    await this.updates.reset(authorizeQuota(ctx, 'delete_quota', projectId) as string);
  }
}
