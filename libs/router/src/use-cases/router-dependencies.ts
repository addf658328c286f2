import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  FLOATING_IP_CLIENT,
  FloatingIpClient,
  Network,
  PORT_CLIENT,
  PortClient,
  QUOTA_ENFORCER,
  QuotaEnforcer,
  Subnet,
  SUBNET_CLIENT,
  SubnetClient,
  VPC_CLIENT,
  VpcClient,
} from '@alcor/contracts';
import { badRequest, notFound } from '@alcor/neutron-api';
import { Undo } from '@alcor/persistence';

/** Neutron's BadRequest(resource='router'): "Bad router request: <msg>." */
export const badRouterRequest = (message: string) => badRequest(`Bad router request: ${message}.`, 'BadRequest');

/**
 * The other managers a router needs: networks and subnets to attach, ports to create, floating
 * IPs that depend on it, quotas. In one process the calls join the router's transaction.
 */
@Injectable()
export class RouterDependencies {
  constructor(
    @Inject(VPC_CLIENT) private readonly vpcs: VpcClient,
    @Inject(SUBNET_CLIENT) private readonly subnets: SubnetClient,
    @Inject(PORT_CLIENT) readonly ports: PortClient,
    @Optional() @Inject(FLOATING_IP_CLIENT) private readonly floatingIps?: FloatingIpClient,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
  ) {}

  /** A network for external_gateway_info: visible and router:external. */
  async externalNetwork(projectId: string, networkId: string): Promise<Network> {
    const network = await this.vpcs.getNetwork(projectId, networkId);
    if (!network) throw notFound('NetworkNotFound', `Network ${networkId} could not be found.`);
    if (!network['router:external']) throw badRouterRequest(`Network ${networkId} is not an external network`);
    return network;
  }

  async subnet(projectId: string, subnetId: string): Promise<Subnet> {
    const [subnet] = await this.subnets.getSubnets(projectId, [subnetId]);
    if (!subnet) throw notFound('SubnetNotFound', `Subnet ${subnetId} could not be found.`);
    return subnet;
  }

  subnetsOf(projectId: string, networkId: string): Promise<Subnet[]> {
    return this.subnets.listByNetwork(projectId, networkId);
  }

  /** Floating IPs reaching their fixed IP through the router (none when the process has no floating-IP manager). */
  floatingIpsThrough(routerId: string, cidr?: string): Promise<number> {
    return this.floatingIps ? this.floatingIps.countByRouter(routerId, cidr) : Promise.resolve(0);
  }

  async consumeQuota(projectId: string, count: number, onFailure: (undo: Undo) => void): Promise<void> {
    if (this.quota) onFailure(await this.quota.consume(projectId, 'router', count));
  }

  async releaseQuota(projectId: string, onFailure: (undo: Undo) => void): Promise<void> {
    if (this.quota) onFailure(await this.quota.release(projectId, 'router', 1));
  }
}
