import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Ctx, parseCreateBody, parseIfMatch, parseListQuery, projectFields, RawQuery, RequestContext, requestBodySchema } from '@alcor/neutron-api';
import { ruleDraftFromAttributes } from '../domain/security-group-draft';
import { CreateRules } from '../use-cases/create-rules/create-rules';
import { DeleteRule } from '../use-cases/delete-rule/delete-rule';
import { QueryRules } from '../use-cases/query-rules/query-rules';
import { listBody } from './list-body';
import { securityGroupRuleSpec as spec } from './security-group-attributes';
import { toRule } from './security-group.mapper';

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
    const query = parseListQuery(raw, spec);
    return listBody('security-group-rules', spec.collection, await this.query.list(ctx, query), query, req, toRule);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show a security group rule' })
  async show(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() raw: RawQuery) {
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { security_group_rule: projectFields(toRule(await this.query.get(ctx, id)), fields) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule, or several of one group atomically with {"security_group_rules": [...]}' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createRules(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const bulk = typeof body === 'object' && body !== null && spec.collection in body;
    const created = (await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(ruleDraftFromAttributes))).map(toRule);
    return bulk ? { security_group_rules: created } : { security_group_rule: created[0] };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a security group rule (If-Match: revision_number=N supported)' })
  async deleteRule(@Ctx() ctx: RequestContext, @Param('id') id: string, @Headers('if-match') ifMatch?: string) {
    await this.remove.execute(ctx, id, parseIfMatch(ifMatch));
  }
}
