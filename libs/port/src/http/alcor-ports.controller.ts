import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, parseCreateBody, parseListQuery, parseUpdateBody, projectContext, projectFields, RawQuery, RequestContext, toUuid } from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/port-draft';
import { CreatePorts } from '../use-cases/create-ports/create-ports';
import { PortCreateBatcher } from '../use-cases/create-ports/create-port-batcher';
import { PortDeleteBatcher } from '../use-cases/delete-ports/port-delete-batcher';
import { QueryPorts } from '../use-cases/query-ports/query-ports';
import { PortUpdateBatcher } from '../use-cases/update-ports/port-update-batcher';
import { alcorPortSpec as spec } from './port-attributes';
import { toPort } from './port.mapper';

/** Alcor's port manager API (/project/{project_id}/ports...). */
@ApiTags('alcor-ports')
@Controller('project/:projectId')
export class AlcorPortsController {
  constructor(
    private readonly create: CreatePorts,
    private readonly batcher: PortCreateBatcher,
    private readonly update: PortUpdateBatcher,
    private readonly remove: PortDeleteBatcher,
    private readonly query: QueryPorts,
  ) {}

  @Get('ports')
  @ApiOperation({ summary: 'List the project’s ports (?id=a&id=b and any attribute filter)' })
  async list(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Query() raw: RawQuery) {
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(projectContext(caller, projectId), query);
    return { ports: rows.slice(0, query.limit ?? rows.length).map((e) => projectFields(toPort(e), query.fields)) };
  }

  @Post('ports')
  @ApiOperation({ summary: 'Create a port' })
  async createPort(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    if (typeof body === 'object' && body !== null && 'ports' in body) throw badRequest('Use /ports/bulk for several ports');
    const [created] = await this.batcher.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes));
    return { port: toPort(created) };
  }

  @Post('ports/bulk')
  @ApiOperation({ summary: 'Create several ports atomically: {"ports": [...]}' })
  async createBulk(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const created = await this.create.execute(ctx, parseCreateBody(body, spec, ctx).map(draftFromAttributes));
    return { ports: created.map(toPort) };
  }

  @Get('ports/:portId')
  @ApiOperation({ summary: 'Show a port' })
  async show(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('portId') portId: string) {
    return { port: toPort(await this.query.get(projectContext(caller, projectId), portId)) };
  }

  @Put('ports/:portId')
  @ApiOperation({ summary: 'Update a port' })
  async updatePort(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('portId') portId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    return { port: toPort(await this.update.execute(ctx, portId, changesFromAttributes(parseUpdateBody(body, spec, ctx)))) };
  }

  @Delete('ports/:portId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a port; answers {"id": port_id} as Alcor does' })
  async deletePort(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('portId') portId: string, @Query('l3_port_check') l3PortCheck?: string) {
    // Neutron's internal delete_port(l3_port_check=False): the route and floating-IP managers remove their own ports.
    const allowServicePorts = caller.isAdmin && l3PortCheck === 'false';
    return { id: (await this.remove.execute(projectContext(caller, projectId), portId, undefined, allowServicePorts)).id };
  }

  @Get('subnet-port-count/:subnetId')
  @ApiOperation({ summary: 'How many ports hold an address of the subnet (a bare integer, as Alcor answers)' })
  async countOnSubnet(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('subnetId') subnetId: string) {
    return this.query.countOnSubnet(projectContext(caller, projectId), toUuid(subnetId, 'subnet_id'));
  }
}
