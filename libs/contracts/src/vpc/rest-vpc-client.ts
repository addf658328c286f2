import { NeutronError } from '@alcor/neutron-api';
import { restCall } from '../rest/rest-call';
import { INTERNAL_SERVICE_HEADERS } from '../rest/service-headers';
import { Network } from './network';
import { VpcClient } from './vpc-client';

/** The VPC manager over its Alcor REST API (split mode). */
export class RestVpcClient implements VpcClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async getNetwork(projectId: string, networkId: string): Promise<Network | undefined> {
    try {
      return (await this.call('GET', projectId, `vpcs/${encodeURIComponent(networkId)}`)).network;
    } catch (error) {
      if (error instanceof NeutronError && error.status === 404) return undefined;
      throw error;
    }
  }

  async sharedNetworkIds(): Promise<string[]> {
    const { networks } = await restCall<{ networks: { id: string }[] }>(this.baseUrl, 'GET', '/v2.0/networks?shared=true&fields=id', undefined, this.headers);
    return networks.map((n) => n.id);
  }

  async addSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network> {
    return (await this.call('PUT', projectId, `vpcs/${encodeURIComponent(networkId)}/subnets/${encodeURIComponent(subnetId)}`)).network;
  }

  async removeSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network> {
    return (await this.call('PUT', projectId, `vpcs/${encodeURIComponent(networkId)}/subnetid/${encodeURIComponent(subnetId)}`)).network;
  }

  private call(method: string, projectId: string, path: string): Promise<{ network: Network }> {
    return restCall(this.baseUrl, method, `/project/${encodeURIComponent(projectId)}/${path}`, undefined, this.headers);
  }
}
