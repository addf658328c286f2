import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, parseCreateBody, parseListQuery, projectContext, projectFields, RawQuery, RequestContext } from '@alcor/neutron-api';
import { ruleDraftFromAttributes } from '../domain/security-group-draft';
import { CreateRules } from '../use-cases/create-rules/create-rules';
import { DeleteRule } from '../use-cases/delete-rule/delete-rule';
import { QueryRules } from '../use-cases/query-rules/query-rules';
import { alcorSecurityGroupRuleSpec as spec } from './security-group-attributes';
import { toRule } from './security-group.mapper';

/** Alcor's rule API (/project/{project_id}/security-group-rules...); no rule update, as in Alcor and Neutron. */
@ApiTags('alcor-security-group-rules')
@Controller('project/:projectId/security-group-rules')
export class AlcorSecurityGroupRulesController {
  constructor(
    private readonly create: CreateRules,
    private readonly remove: DeleteRule,
    private readonly query: QueryRules,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the project’s rules' })
  async list(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Query() raw: RawQuery) {
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(projectContext(caller, projectId), query);
    return { security_group_rules: rows.slice(0, query.limit ?? rows.length).map((r) => projectFields(toRule(r), query.fields)) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule' })
  async createRule(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    if (typeof body === 'object' && body !== null && 'security_group_rules' in body) throw badRequest('Use /security-group-rules/bulk for several rules');
    const [created] = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(ruleDraftFromAttributes));
    return { security_group_rule: toRule(created) };
  }

  @Post('bulk')
  @ApiOperation({ summary: 'Create several rules of one group atomically: {"security_group_rules": [...]}' })
  async createBulk(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const created = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(ruleDraftFromAttributes));
    return { security_group_rules: created.map(toRule) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a rule' })
  async show(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string) {
    return { security_group_rule: toRule(await this.query.get(projectContext(caller, projectId), id)) };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a rule; answers {"id": ...}' })
  async deleteRule(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string) {
    await this.remove.execute(projectContext(caller, projectId), id);
    return { id };
  }
}
