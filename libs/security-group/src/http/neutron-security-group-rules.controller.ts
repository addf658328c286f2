import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, neutronRoutes, parseIfMatch, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { ruleDraftFromAttributes } from '../domain/security-group-draft';
import { CreateRules } from '../use-cases/create-rules/create-rules';
import { DeleteRule } from '../use-cases/delete-rule/delete-rule';
import { QueryRules } from '../use-cases/query-rules/query-rules';
import { securityGroupRuleSpec as spec } from './security-group-attributes';
import { toRule } from './security-group.mapper';

// Page links use the URL spelling (security-group-rules), not the JSON key (security_group_rules).
const routes = neutronRoutes({ spec, toView: toRule, fromAttributes: ruleDraftFromAttributes, urlCollection: 'security-group-rules' });

/** /v2.0/security-group-rules: create (one, or a bulk of one group), show, list, delete; Neutron has no rule update. */
@ApiTags('security-group-rules')
@Controller('v2.0/security-group-rules')
export class NeutronSecurityGroupRulesController {
  constructor(
    private readonly create: CreateRules,
    private readonly remove: DeleteRule,
    private readonly query: QueryRules,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List security group rules (filters, fields, sorting, paging)' })
  async list(@Ctx() ctx: RequestContext, @Query() raw: RawQuery, @Req() req: FastifyRequest) {
    return routes.list(raw, req, (query) => this.query.list(ctx, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a security group rule' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    return routes.show(raw, () => this.query.get(ctx, id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule, or several of one group atomically with {"security_group_rules": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createRules(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return routes.create(ctx, body, (drafts) => this.create.execute(ctx, drafts));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a security group rule (If-Match: revision_number=N supported)' })
  async deleteRule(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
