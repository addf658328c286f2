import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, parseCreateBody, parseIfMatch, parseListQuery, parseUpdateBody, projectFields, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { groupChangesFromAttributes, groupDraftFromAttributes } from '../domain/security-group-draft';
import { CreateSecurityGroups } from '../use-cases/create-security-groups/create-security-groups';
import { DeleteSecurityGroup } from '../use-cases/delete-security-group/delete-security-group';
import { QuerySecurityGroups } from '../use-cases/query-security-groups/query-security-groups';
import { UpdateSecurityGroup } from '../use-cases/update-security-group/update-security-group';
import { listBody } from './list-body';
import { securityGroupSpec as spec } from './security-group-attributes';
import { toGroupView } from './security-group.mapper';

/** /v2.0/security-groups: Neutron shapes in, one use case, Neutron shapes out. */
@ApiTags('security-groups')
@Controller('v2.0/security-groups')
export class NeutronSecurityGroupsController {
  constructor(
    private readonly create: CreateSecurityGroups,
    private readonly update: UpdateSecurityGroup,
    private readonly remove: DeleteSecurityGroup,
    private readonly query: QuerySecurityGroups,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List security groups with their rules (filters, fields, sorting, paging, tags); creates the project’s default group on first use' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    const query = parseListQuery(raw, spec);
    return listBody('security-groups', spec.collection, await this.query.list(ctx, query), query, req, toGroupView);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a security group and its rules' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { security_group: projectFields(toGroupView(await this.query.get(ctx, id)), fields) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a security group (with two egress rules), or many atomically with {"security_groups": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createGroups(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const bulk = typeof body === 'object' && body !== null && spec.collection in body;
    const created = (await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(groupDraftFromAttributes))).map(toGroupView);
    return bulk ? { security_groups: created } : { security_group: created[0] };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a security group (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateGroup(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    const changes = groupChangesFromAttributes(parseUpdateBody(body, spec, ctx));
    return { security_group: toGroupView(await this.update.execute(ctx, id, changes, parseIfMatch(ifMatch))) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a security group no port uses' })
  async deleteGroup(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
