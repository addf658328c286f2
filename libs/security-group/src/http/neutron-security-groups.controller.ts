import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, neutronRoutes, parseIfMatch, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { groupChangesFromAttributes, groupDraftFromAttributes } from '../domain/security-group-draft';
import { CreateSecurityGroups } from '../use-cases/create-security-groups/create-security-groups';
import { DeleteSecurityGroup } from '../use-cases/delete-security-group/delete-security-group';
import { QuerySecurityGroups } from '../use-cases/query-security-groups/query-security-groups';
import { UpdateSecurityGroup } from '../use-cases/update-security-group/update-security-group';
import { securityGroupSpec as spec } from './security-group-attributes';
import { toGroupView } from './security-group.mapper';

// Page links use the URL spelling (security-groups), not the JSON key (security_groups).
const routes = neutronRoutes({ spec, toView: toGroupView, fromAttributes: groupDraftFromAttributes, changesFromAttributes: groupChangesFromAttributes, urlCollection: 'security-groups' });

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
    return routes.list(raw, req, (query) => this.query.list(ctx, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a security group and its rules' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    return routes.show(raw, () => this.query.get(ctx, id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a security group (with two egress rules), or many atomically with {"security_groups": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createGroups(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return routes.create(ctx, body, (drafts) => this.create.execute(ctx, drafts));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a security group (If-Match: revision_number=N supported)' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateGroup(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch?: string) {
    return routes.update(ctx, body, ifMatch, (changes, revisions) => this.update.execute(ctx, id, changes, revisions));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a security group no port uses' })
  async deleteGroup(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
