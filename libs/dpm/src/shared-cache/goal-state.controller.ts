import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, forbidden, notFound, RequestContext } from '@alcor/neutron-api';
import { DpmService } from '../dpm.service';
import { goalStateDigest } from './goal-state-digest';

/** Compares replicas: what a host's FULL goal state is on this DPM, as a digest (admin only). */
@ApiTags('network-configuration')
@Controller('network-configuration')
export class GoalStateDigestController {
  constructor(private readonly dpm: DpmService) {}

  @Get('hosts/:host_id/goal-state')
  @ApiOperation({ summary: "sha256, size and entry counts of a host's FULL goal state in this DPM's index" })
  digest(@Ctx() ctx: RequestContext, @Param('host_id') hostId: string) {
    if (!ctx.isAdmin) throw forbidden('(rule:get_network_configuration) is disallowed by policy', 'PolicyNotAuthorized');
    const digest = goalStateDigest(this.dpm.dataPlane.index, hostId);
    if (!digest) throw notFound('HTTPNotFound', `No host ${hostId} is known to the data-plane manager.`);
    return { goal_state: digest };
  }
}
