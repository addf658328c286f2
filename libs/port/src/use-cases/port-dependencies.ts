import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  consumeQuota,
  IP_ALLOCATOR,
  IpAllocator,
  MAC_ALLOCATOR,
  MacAllocator,
  Network,
  NODE_CLIENT,
  NodeClient,
  QUOTA_ENFORCER,
  QuotaEnforcer,
  QuotaUndo,
  releaseQuota,
  SECURITY_GROUP_CLIENT,
  SecurityGroupClient,
  Subnet,
  SUBNET_CLIENT,
  SubnetClient,
  VPC_CLIENT,
  VpcClient,
} from '@alcor/contracts';
import { badRequest, notFound } from '@alcor/neutron-api';

/**
 * The other managers a port needs (Alcor's PM processor chain): network, subnets, node, MACs and
 * IPs. In one process these calls join the port's transaction; in split mode they are REST calls.
 */
@Injectable()
export class PortDependencies {
  constructor(
    @Inject(VPC_CLIENT) private readonly vpcs: VpcClient,
    @Inject(SUBNET_CLIENT) private readonly subnets: SubnetClient,
    @Inject(NODE_CLIENT) private readonly nodes: NodeClient,
    @Inject(MAC_ALLOCATOR) readonly macs: MacAllocator,
    @Inject(IP_ALLOCATOR) readonly ips: IpAllocator,
    /** Absent only in test modules without a quota manager. */
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
    /** The security group manager; absent: ports get no groups (see port-security-groups.ts). */
    @Optional() @Inject(SECURITY_GROUP_CLIENT) readonly securityGroups?: SecurityGroupClient,
  ) {}

  /** One port per entry against its project's quota (409 OverQuota, all-or-none). */
  countPorts(projectIds: string[], onFailure: (undo: QuotaUndo) => void): Promise<void> {
    return consumeQuota(this.quota, 'port', projectIds, onFailure);
  }

  uncountPorts(projectIds: string[], onFailure: (undo: QuotaUndo) => void): Promise<void> {
    return releaseQuota(this.quota, 'port', projectIds, onFailure);
  }

  async network(projectId: string, networkId: string): Promise<Network> {
    const network = await this.vpcs.getNetwork(projectId, networkId);
    if (!network) throw notFound('NetworkNotFound', `Network ${networkId} could not be found.`);
    return network;
  }

  subnetsOf(projectId: string, networkId: string): Promise<Subnet[]> {
    return this.subnets.listByNetwork(projectId, networkId);
  }

  /** binding:host_id must name a registered compute node: a port bound nowhere is refused, not left dangling. */
  async checkHost(hostId: string): Promise<void> {
    if (hostId === '') return;
    const [node] = await this.nodes.getByNames([hostId]);
    if (!node) throw badRequest(`Binding failed: host ${hostId} is not a registered compute node (register it with POST /nodes).`, 'PortBindingFailed');
  }
}
