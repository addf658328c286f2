import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, projectContext, RequestContext, toProjectId } from '@alcor/neutron-api';
import { ApplyQuota } from '../use-cases/apply-quota/apply-quota';
import { QueryQuotas } from '../use-cases/query-quotas/query-quotas';
import { UpdateQuotas } from '../use-cases/update-quotas/update-quotas';
import { AdminOnlyGuard } from './admin-only.guard';
import { parseQuotaApply, parseQuotaUpdate } from './quota-body';
import { toProjectQuota } from './quota.mapper';
import { authorizeQuota } from './quota-policy';

/**
 * Alcor's quota manager API: /project/{caller project}/quotas/{project}... with Neutron's shapes,
 * and the apply API other managers call to count their creates and deletes.
 */
@ApiTags('alcor-quotas')
@Controller(['project/:callerProject', 'v4/:callerProject'])
export class AlcorQuotasController {
  constructor(
    private readonly query: QueryQuotas,
    private readonly updates: UpdateQuotas,
    private readonly applies: ApplyQuota,
  ) {}

  @Get('quotas')
  @ApiOperation({ summary: 'List the projects with non-default quotas (admin)' })
  async list(@Ctx() caller: RequestContext, @Param('callerProject') callerProject: string) {
    authorizeQuota(projectContext(caller, callerProject), 'get_quota');
    return { quotas: (await this.query.projectsWithLimits()).map((p) => toProjectQuota(p.projectId, p.limits)) };
  }

  @Get('quotas/:projectId')
  async show(@Ctx() caller: RequestContext, @Param('callerProject') callerProject: string, @Param('projectId') projectId: string) {
    const ctx = projectContext(caller, callerProject);
    return { quota: await this.query.limitsOf(authorizeQuota(ctx, 'get_quota', projectId) as string) };
  }

  @Get('quotas/:projectId/default')
  defaults(@Ctx() caller: RequestContext, @Param('callerProject') callerProject: string, @Param('projectId') projectId: string) {
    authorizeQuota(projectContext(caller, callerProject), 'get_quota', projectId);
    return { quota: { ...this.query.defaults } };
  }

  @Get(['quotas/:projectId/details.json', 'quotas/:projectId/details'])
  async details(@Ctx() caller: RequestContext, @Param('callerProject') callerProject: string, @Param('projectId') projectId: string) {
    const ctx = projectContext(caller, callerProject);
    return { quota: await this.query.detailsOf(authorizeQuota(ctx, 'get_quota', projectId) as string) };
  }

  @Put('quotas/:projectId')
  async update(@Ctx() caller: RequestContext, @Param('callerProject') callerProject: string, @Param('projectId') projectId: string, @Body() body: unknown) {
    const project = authorizeQuota(projectContext(caller, callerProject), 'update_quota', projectId) as string;
    const { limits, checkLimit } = parseQuotaUpdate(body);
    await this.updates.update(project, limits, checkLimit);
    return { quota: await this.query.limitsOf(project) };
  }

  @Delete('quotas/:projectId')
  @HttpCode(204)
  async reset(@Ctx() caller: RequestContext, @Param('callerProject') callerProject: string, @Param('projectId') projectId: string): Promise<void> {
    await this.updates.reset(authorizeQuota(projectContext(caller, callerProject), 'delete_quota', projectId) as string);
  }

  @Post('quota/apply')
  @HttpCode(201)
  @UseGuards(AdminOnlyGuard)
  @ApiOperation({ summary: 'Count creates (+) and deletes (-) for a manager in another process; all-or-none, 409 OverQuota' })
  async apply(@Param('callerProject') callerProject: string, @Body() body: unknown): Promise<void> {
    const { applyId, deltas } = parseQuotaApply(body);
    await this.applies.apply(applyId, toProjectId(callerProject, 'project_id'), deltas);
  }
}

/** Cancels an apply (the caller's transaction failed): idempotent. */
@ApiTags('alcor-quotas')
@UseGuards(AdminOnlyGuard)
@Controller(['quota/apply', 'v4/quota/apply'])
export class AlcorQuotaAppliesController {
  constructor(private readonly applies: ApplyQuota) {}

  @Delete(':applyId')
  @HttpCode(204)
  async cancel(@Param('applyId') applyId: string): Promise<void> {
    await this.applies.cancel(applyId);
  }
}
