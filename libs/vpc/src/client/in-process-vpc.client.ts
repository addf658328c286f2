import { Injectable } from '@nestjs/common';
import { Network, VpcClient } from '@alcor/contracts';
import { NeutronError, serviceContext } from '@alcor/neutron-api';
import { toNetwork } from '../http/network.mapper';
import { NetworkSubnets } from '../use-cases/network-subnets/network-subnets';
import { QueryNetworks } from '../use-cases/query-networks/query-networks';

/** The VPC manager called in the same process (standalone mode). */
@Injectable()
export class InProcessVpcClient implements VpcClient {
  constructor(
    private readonly query: QueryNetworks,
    private readonly subnets: NetworkSubnets,
  ) {}

  async getNetwork(projectId: string, networkId: string): Promise<Network | undefined> {
    try {
      return toNetwork(await this.query.get(serviceContext(projectId), networkId));
    } catch (error) {
      if (error instanceof NeutronError && error.status === 404) return undefined;
      throw error;
    }
  }

  sharedNetworkIds(): Promise<string[]> {
    return this.query.sharedIds();
  }

  async addSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network> {
    return toNetwork(await this.subnets.add(serviceContext(projectId), networkId, subnetId));
  }

  async removeSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network> {
    return toNetwork(await this.subnets.remove(serviceContext(projectId), networkId, subnetId));
  }
}
