import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  requestBodySchema,
  toUuid,
} from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/network-draft';
import { CreateNetworks } from '../use-cases/create-networks/create-networks';
import { DeleteNetwork } from '../use-cases/delete-network/delete-network';
import { NetworkSubnets } from '../use-cases/network-subnets/network-subnets';
import { QueryNetworks } from '../use-cases/query-networks/query-networks';
import { UpdateNetwork } from '../use-cases/update-network/update-network';

import { toAlcorVpc } from './network.mapper';
import { alcorVpcSpec as spec } from './network-attributes';

/** Alcor's VPC manager API (/project/{project_id}/vpcs...), with Alcor's JSON shapes. */
@ApiTags('alcor-vpcs')
@Controller('project/:projectId/vpcs')
export class AlcorVpcsController {
  constructor(
    private readonly create: CreateNetworks,
    private readonly update: UpdateNetwork,
    private readonly remove: DeleteNetwork,
    private readonly query: QueryNetworks,
    private readonly subnets: NetworkSubnets,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the project’s VPCs' })
  async list(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Query() raw: RawQuery) {
    const ctx = projectContext(caller, projectId);
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(ctx, query);
    return { vpcs: rows.slice(0, query.limit ?? rows.length).map((e) => projectFields(toAlcorVpc(e), query.fields)) };
  }

  @Get('count')
  @ApiOperation({ summary: 'Count the project’s VPCs' })
  async count(@Ctx() caller: RequestContext, @Param('projectId') projectId: string) {
    const ctx = projectContext(caller, projectId);
    return { Count: await this.query.count(ctx.projectId) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a VPC' })
  @ApiBody({ schema: requestBodySchema(spec, 'create') })
  async createVpc(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    if (typeof body === 'object' && body !== null && 'networks' in body) throw badRequest('Use /vpcs/bulk for several VPCs');
    const [created] = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes));
    return { network: toAlcorVpc(created) };
  }

  @Post('bulk')
  @ApiOperation({ summary: 'Create several VPCs atomically: {"networks": [...]}' })
  async createBulk(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const attributes = parseCreateBody(body, spec, ctx);
    const created = await this.create.execute(ctx, attributes.map(draftFromAttributes));
    return { networks: created.map(toAlcorVpc) };
  }

  @Get(':vpcId')
  @ApiOperation({ summary: 'Show a VPC' })
  async show(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('vpcId') vpcId: string, @Query() raw: RawQuery) {
    const ctx = projectContext(caller, projectId);
    const { fields } = parseListQuery({ fields: raw.fields }, spec);
    return { network: projectFields(toAlcorVpc(await this.query.get(ctx, vpcId)), fields) };
  }

  @Put(':vpcId')
  @ApiOperation({ summary: 'Update a VPC' })
  @ApiBody({ schema: requestBodySchema(spec, 'update') })
  async updateVpc(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('vpcId') vpcId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const changes = changesFromAttributes(parseUpdateBody(body, spec, ctx));
    return { network: toAlcorVpc(await this.update.execute(ctx, vpcId, changes)) };
  }

  @Delete(':vpcId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a VPC; answers {"id": vpc_id} as Alcor does' })
  async deleteVpc(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('vpcId') vpcId: string) {
    const deleted = await this.remove.execute(projectContext(caller, projectId), vpcId);
    return { id: deleted.id };
  }

  @Put(':vpcId/subnets/:subnetId')
  @ApiOperation({ summary: 'Record a subnet of the VPC (called by the subnet manager)' })
  async addSubnet(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('vpcId') vpcId: string, @Param('subnetId') subnetId: string) {
    const ctx = projectContext(caller, projectId);
    return { network: toAlcorVpc(await this.subnets.add(ctx, vpcId, toUuid(subnetId, 'subnet_id'))) };
  }

  @Put(':vpcId/subnetid/:subnetId')
  @ApiOperation({ summary: 'Forget a subnet of the VPC (called by the subnet manager)' })
  async removeSubnet(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('vpcId') vpcId: string, @Param('subnetId') subnetId: string) {
    const ctx = projectContext(caller, projectId);
    return { network: toAlcorVpc(await this.subnets.remove(ctx, vpcId, toUuid(subnetId, 'subnet_id'))) };
  }
}
