import { Inject, Injectable } from '@nestjs/common';
import { VPC_CLIENT, VpcClient } from '@alcor/contracts';
import { RequestContext, scopeProject } from '@alcor/neutron-api';

/**
 * Which subnets a caller may see, as Neutron's query hook decides: every subnet for an admin;
 * otherwise its project's own plus every subnet of a network shared with all (`shared: true`,
 * access_as_shared). `router:external` alone does not share a network's subnets.
 */
export interface SubnetVisibility {
  /** Undefined for an admin: no scoping. */
  project?: string;
  sharedNetworkIds: readonly string[];
}

export const EVERY_SUBNET: SubnetVisibility = { sharedNetworkIds: [] };

@Injectable()
export class SubnetVisibilityResolver {
  constructor(@Inject(VPC_CLIENT) private readonly vpcs: VpcClient) {}

  async of(ctx: RequestContext): Promise<SubnetVisibility> {
    const project = scopeProject(ctx);
    if (project === undefined) return EVERY_SUBNET;
    return { project, sharedNetworkIds: await this.vpcs.sharedNetworkIds() };
  }
}
