import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  badRequest,
  Ctx,
  parseCreateBody,
  parseListQuery,
  parseUpdateBody,
  projectContext,
  projectFields,
  RawQuery,
  RequestContext,
} from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/subnet-draft';
import { CreateSubnets } from '../use-cases/create-subnets/create-subnets';
import { DeleteSubnet } from '../use-cases/delete-subnet/delete-subnet';
import { QuerySubnets } from '../use-cases/query-subnets/query-subnets';
import { UpdateSubnet } from '../use-cases/update-subnet/update-subnet';
import { alcorSubnetSpec as spec } from './subnet-attributes';
import { toSubnet } from './subnet.mapper';

/** Alcor's subnet manager API (/project/{project_id}/subnets...), Neutron-style wrappers as Alcor uses. */
@ApiTags('alcor-subnets')
@Controller('project/:projectId/subnets')
export class AlcorSubnetsController {
  constructor(
    private readonly create: CreateSubnets,
    private readonly update: UpdateSubnet,
    private readonly remove: DeleteSubnet,
    private readonly query: QuerySubnets,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the project’s subnets' })
  async list(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Query() raw: RawQuery) {
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(projectContext(caller, projectId), query);
    return { subnets: rows.slice(0, query.limit ?? rows.length).map((e) => projectFields(toSubnet(e), query.fields)) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a subnet' })
  async createSubnet(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    if (typeof body === 'object' && body !== null && 'subnets' in body) throw badRequest('Use /subnets/bulk for several subnets');
    const [created] = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes));
    return { subnet: toSubnet(created) };
  }

  @Post('bulk')
  @ApiOperation({ summary: 'Create several subnets atomically: {"subnets": [...]}' })
  async createBulk(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const created = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes));
    return { subnets: created.map(toSubnet) };
  }

  @Get(':subnetId')
  @ApiOperation({ summary: 'Show a subnet' })
  async show(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('subnetId') subnetId: string) {
    return { subnet: toSubnet(await this.query.get(projectContext(caller, projectId), subnetId)) };
  }

  @Put(':subnetId')
  @ApiOperation({ summary: 'Update a subnet' })
  async updateSubnet(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('subnetId') subnetId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    return { subnet: toSubnet(await this.update.execute(ctx, subnetId, changesFromAttributes(parseUpdateBody(body, spec, ctx)))) };
  }

  @Delete(':subnetId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a subnet; answers {"id": subnet_id} as Alcor does' })
  async deleteSubnet(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('subnetId') subnetId: string) {
    return { id: (await this.remove.execute(projectContext(caller, projectId), subnetId)).id };
  }
}
