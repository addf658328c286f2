import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, forbidden, notFound, RequestContext } from '@alcor/neutron-api';
import { DpmService } from '../dpm.service';

/** URL names of resource types (singular, plural, Neutron collection) -> bus resource names. */
const RESOURCE_TYPES: Record<string, string> = {
  network: 'network',
  networks: 'network',
  vpc: 'network',
  vpcs: 'network',
  subnet: 'subnet',
  subnets: 'subnet',
  port: 'port',
  ports: 'port',
  node: 'node',
  nodes: 'node',
  security_group: 'security_group',
  'security-groups': 'security_group',
  security_groups: 'security_group',
  router: 'router',
  routers: 'router',
  floatingip: 'floatingip',
  floatingips: 'floatingip',
};

/**
 * The OVN-style barrier (nb_cfg / hv_cfg) over the DPM's delivery state, admin only:
 * nb_cfg counts the changes applied to the index; a host's hv_cfg is the nb_cfg it has caught up
 * with (acked). Both restart with the DPM process.
 */
@ApiTags('network-configuration')
@Controller('network-configuration')
export class NetworkConfigurationController {
  constructor(private readonly dpm: DpmService) {}

  @Get('sync-status')
  @ApiOperation({ summary: 'nb_cfg and, per host, desired/acked generation, hv_cfg and up/down' })
  syncStatus(@Ctx() ctx: RequestContext) {
    assertAdmin(ctx);
    const { dataPlane } = this.dpm;
    const nbCfg = dataPlane.nbCfg;
    return {
      nb_cfg: nbCfg,
      rebuilt: this.dpm.isRebuilt,
      ...this.dpm.replicaStatus(),
      figures: { ...dataPlane.delivery.figures },
      hosts: dataPlane.delivery.hosts().map((link) => ({
        host_id: link.hostId,
        address: link.address,
        desired_generation: link.generation,
        acked_generation: link.acked,
        hv_cfg: link.hvCfg(nbCfg),
        state: link.state,
      })),
    };
  }

  @Get('resources/:type/:id')
  @ApiOperation({ summary: "Whether the resource's latest change is applied on every host it affects" })
  resource(@Ctx() ctx: RequestContext, @Param('type') type: string, @Param('id') id: string) {
    assertAdmin(ctx);
    const resource = Object.hasOwn(RESOURCE_TYPES, type) ? RESOURCE_TYPES[type] : undefined;
    if (!resource) throw notFound('HTTPNotFound', `Unknown resource type ${type}.`);
    const { dataPlane } = this.dpm;
    const progress = dataPlane.progressOf(resource, id);
    if (!progress) throw notFound('HTTPNotFound', `No ${resource} ${id} is known to the data-plane manager.`);
    const nbCfg = dataPlane.nbCfg;
    const hosts = progress.hosts.flatMap((hostId) => {
      const link = dataPlane.delivery.link(hostId);
      if (!link) return [];
      const hvCfg = link.hvCfg(nbCfg);
      return [{ host_id: hostId, hv_cfg: hvCfg, state: link.state, applied: hvCfg >= progress.seq }];
    });
    return {
      resource: {
        type: resource,
        id,
        revision_number: progress.revision,
        deleted: progress.deleted,
        nb_cfg: progress.seq,
        applied: hosts.every((h) => h.applied),
        hosts,
      },
    };
  }
}

function assertAdmin(ctx: RequestContext): void {
  if (!ctx.isAdmin) throw forbidden('(rule:get_network_configuration) is disallowed by policy', 'PolicyNotAuthorized');
}
