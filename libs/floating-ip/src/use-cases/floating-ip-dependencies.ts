import { Inject, Injectable, Optional } from '@nestjs/common';
import { Network, PORT_CLIENT, PortClient, QUOTA_ENFORCER, QuotaEnforcer, ROUTER_CLIENT, RouterClient, Subnet, SUBNET_CLIENT, SubnetClient, VPC_CLIENT, VpcClient } from '@alcor/contracts';
import { badRequest, notFound } from '@alcor/neutron-api';
import { Undo } from '@alcor/persistence';

/** Neutron's BadRequest(resource='floatingip'). */
export const badFloatingIpRequest = (message: string) => badRequest(`Bad floatingip request: ${message}.`, 'BadRequest');

/** The other managers a floating IP needs: the external network, its port, the router that reaches the fixed IP. */
@Injectable()
export class FloatingIpDependencies {
  constructor(
    @Inject(VPC_CLIENT) private readonly vpcs: VpcClient,
    @Inject(SUBNET_CLIENT) private readonly subnets: SubnetClient,
    @Inject(PORT_CLIENT) readonly ports: PortClient,
    @Inject(ROUTER_CLIENT) readonly routers: RouterClient,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
  ) {}

  async externalNetwork(projectId: string, networkId: string): Promise<{ network: Network; subnets: Subnet[] }> {
    const network = await this.vpcs.getNetwork(projectId, networkId);
    if (!network) throw notFound('NetworkNotFound', `Network ${networkId} could not be found.`);
    if (!network['router:external']) throw badFloatingIpRequest(`Network ${networkId} is not a valid external network`);
    const subnets = await this.subnets.listByNetwork(projectId, networkId);
    if (!subnets.some((s) => s.ip_version === 4)) throw badFloatingIpRequest(`Network ${networkId} does not contain any IPv4 subnet`);
    return { network, subnets };
  }

  async consumeQuota(projectId: string, count: number, onFailure: (undo: Undo) => void): Promise<void> {
    if (this.quota) onFailure(await this.quota.consume(projectId, 'floatingip', count));
  }

  async releaseQuota(projectId: string, onFailure: (undo: Undo) => void): Promise<void> {
    if (this.quota) onFailure(await this.quota.release(projectId, 'floatingip', 1));
  }
}
