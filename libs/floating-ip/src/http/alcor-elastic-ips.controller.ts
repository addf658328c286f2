import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, parseCreateBody, parseListQuery, parseUpdateBody, projectContext, RawQuery, RequestContext } from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/floating-ip-draft';
import { CreateFloatingIps } from '../use-cases/create-floating-ips/create-floating-ips';
import { DeleteFloatingIp } from '../use-cases/delete-floating-ip/delete-floating-ip';
import { QueryFloatingIps } from '../use-cases/query-floating-ips/query-floating-ips';
import { UpdateFloatingIp } from '../use-cases/update-floating-ip/update-floating-ip';
import { floatingIpSpec as spec } from './floating-ip-attributes';
import { toElasticIp } from './floating-ip.mapper';

/** Alcor's field names mapped to Neutron's (elastic_ip = floating_ip_address, private_ip = fixed_ip_address). */
const ALCOR_TO_NEUTRON: Record<string, string> = { elastic_ip: 'floating_ip_address', private_ip: 'fixed_ip_address' };
const IGNORED = new Set(['elastic_ip_version', 'id', 'name']);

function toNeutronBody(body: unknown): unknown {
  const item = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).elasticip : undefined;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw badRequest("Unable to find 'elasticip' in request body");
  const renamed = Object.fromEntries(Object.entries(item).filter(([k]) => !IGNORED.has(k)).map(([k, v]) => [ALCOR_TO_NEUTRON[k] ?? k, v]));
  return { floatingip: renamed };
}

/**
 * Alcor's elastic-IP manager API (/project/{project_id}/elasticips), on the same floating IPs.
 * Alcor allocates from elastic-IP ranges; here addresses come from an external network's subnets
 * (floating_network_id), as Neutron's floating IPs do.
 */
@ApiTags('alcor-elasticips')
@Controller('project/:projectId/elasticips')
export class AlcorElasticIpsController {
  constructor(
    private readonly create: CreateFloatingIps,
    private readonly update: UpdateFloatingIp,
    private readonly remove: DeleteFloatingIp,
    private readonly query: QueryFloatingIps,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the project’s elastic IPs' })
  async list(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Query() raw: RawQuery) {
    const ctx = projectContext(caller, projectId);
    const query = parseListQuery(raw, spec);
    const rows = await this.query.list(ctx, query);
    return { elasticips: rows.slice(0, query.limit ?? rows.length).map(toElasticIp) };
  }

  @Post()
  @ApiOperation({ summary: 'Allocate an elastic IP: {"elasticip": {"floating_network_id", "elastic_ip"?, "port_id"?, "private_ip"?}}' })
  async createElasticIp(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    const [created] = await this.create.execute(ctx, parseCreateBody(toNeutronBody(body), spec, ctx).map(draftFromAttributes));
    return { elasticip: toElasticIp(created) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show an elastic IP' })
  async show(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string) {
    return { elasticip: toElasticIp(await this.query.get(projectContext(caller, projectId), id)) };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Associate or disassociate an elastic IP' })
  async updateElasticIp(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string, @Body() body: unknown) {
    const ctx = projectContext(caller, projectId);
    return { elasticip: toElasticIp(await this.update.execute(ctx, id, changesFromAttributes(parseUpdateBody(toNeutronBody(body), spec, ctx)))) };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release an elastic IP; answers {"id"}' })
  async deleteElasticIp(@Ctx() caller: RequestContext, @Param('projectId') projectId: string, @Param('id') id: string) {
    return { id: (await this.remove.execute(projectContext(caller, projectId), id)).id };
  }
}
