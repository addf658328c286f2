import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, parseCreateBody, parseListQuery, parseUpdateBody, projectContext, projectFields, RawQuery, RequestContext, toProjectId } from '@alcor/neutron-api';
import { groupChangesFromAttributes, groupDraftFromAttributes } from '../domain/security-group-draft';
import { BindPorts } from '../use-cases/bind-ports/bind-ports';
import { CreateSecurityGroups } from '../use-cases/create-security-groups/create-security-groups';
import { DeleteSecurityGroup } from '../use-cases/delete-security-group/delete-security-group';
import { QuerySecurityGroups } from '../use-cases/query-security-groups/query-security-groups';
import { UpdateSecurityGroup } from '../use-cases/update-security-group/update-security-group';
import { parsePairs, parsePortRequests } from './port-binding-bodies';
import { alcorSecurityGroupSpec as spec } from './security-group-attributes';
import { toGroupView } from './security-group.mapper';

/** Alcor's security group manager API (/project/{project_id}/security-groups..., bindings). */
@ApiTags('alcor-security-groups')
@Controller('project/:projectId')
export class AlcorSecurityGroupsController {
  constructor(
    private readonly create: CreateSecurityGroups,
    private readonly update: UpdateSecurityGroup,
    private readonly remove: DeleteSecurityGroup,
    private readonly query: QuerySecurityGroups,
    private readonly bindings: BindPorts,
  ) {}

  @Get('security-groups')
  @ApiOperation({ summary: 'List the project’s security groups (?id=a&id=b and any attribute filter)' })
  async list(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Query() raw: RawQuery) {
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(projectContext(caller, projectId), query);
    return { security_groups: rows.slice(0, query.limit ?? rows.length).map((g) => projectFields(toGroupView(g), query.fields)) };
  }

  @Post('security-groups')
  @ApiOperation({ summary: 'Create a security group' })
  async createGroup(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    if (typeof body === 'object' && body !== null && 'security_groups' in body) throw badRequest('Use /security-groups/bulk for several groups');
    const [created] = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(groupDraftFromAttributes));
    return { security_group: toGroupView(created) };
  }

  @Post('security-groups/bulk')
  @ApiOperation({ summary: 'Create several security groups atomically: {"security_groups": [...]}' })
  async createBulk(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const created = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(groupDraftFromAttributes));
    return { security_groups: created.map(toGroupView) };
  }

  @Get('security-groups/default/:tenantId')
  @ApiOperation({ summary: 'The tenant’s default security group, created if missing' })
  async defaultGroup(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('tenantId') tenantId: string) {
    const ctx = projectContext(caller, projectId);
    return { security_group: toGroupView(await this.query.default(projectContext(ctx, toProjectId(tenantId, 'tenant_id')), tenantId)) };
  }

  @Get('security-groups/:id')
  @ApiOperation({ summary: 'Show a security group' })
  async show(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string) {
    return { security_group: toGroupView(await this.query.get(projectContext(caller, projectId), id)) };
  }

  @Put('security-groups/:id')
  @ApiOperation({ summary: 'Update a security group' })
  async updateGroup(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    return { security_group: toGroupView(await this.update.execute(ctx, id, groupChangesFromAttributes(parseUpdateBody(body, spec, ctx)))) };
  }

  @Delete('security-groups/:id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a security group; answers {"id": ...}' })
  async deleteGroup(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string) {
    await this.remove.execute(projectContext(caller, projectId), id);
    return { id };
  }

  @Post('bind-security-groups')
  @ApiOperation({ summary: 'Alcor: add (port, group) bindings {"port_binding_security_groups": [...]}' })
  async bind(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const pairs = parsePairs(body);
    await this.bindings.changePairs(ctx.projectId, pairs, true);
    return { port_binding_security_groups: pairs.map((p) => ({ port_id: p.portId, security_group_id: p.securityGroupId })) };
  }

  @Post('unbind-security-groups')
  @ApiOperation({ summary: 'Alcor: remove (port, group) bindings' })
  async unbind(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const pairs = parsePairs(body);
    await this.bindings.changePairs(ctx.projectId, pairs, false);
    return { port_binding_security_groups: pairs.map((p) => ({ port_id: p.portId, security_group_id: p.securityGroupId })) };
  }

  @Put('port-security-groups')
  @ApiOperation({ summary: 'Port manager: replace ports’ groups {"ports": [{port_id, revision_number, security_groups?}]} (absent: the default group)' })
  async replacePortGroups(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const bound = await this.bindings.replace(ctx.projectId, parsePortRequests(body));
    return { ports: bound.map((b) => ({ port_id: b.portId, security_groups: b.securityGroupIds })) };
  }

  @Post('port-security-groups/unbind')
  @HttpCode(200)
  @ApiOperation({ summary: 'Port manager: forget ports’ bindings (ports deleted)' })
  async unbindPorts(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const ports = parsePortRequests(body).map((p) => ({ portId: p.portId, revisionNumber: p.revisionNumber }));
    await this.bindings.unbind(ctx.projectId, ports);
    return { ports: ports.map((p) => ({ port_id: p.portId })) };
  }
}
