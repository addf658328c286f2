import { Network } from './network';
import { VpcClient } from './vpc-client';

/** The VPC manager over its Alcor REST API (split mode). */
export class RestVpcClient implements VpcClient {
  constructor(private readonly baseUrl: string) {}

  async getNetwork(projectId: string, networkId: string): Promise<Network | undefined> {
    const response = await fetch(this.url(projectId, `vpcs/${encodeURIComponent(networkId)}`));
    if (response.status === 404) return undefined;
    return (await this.body<{ network: Network }>(response)).network;
  }

  async addSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network> {
    const path = `vpcs/${encodeURIComponent(networkId)}/subnets/${encodeURIComponent(subnetId)}`;
    return (await this.body<{ network: Network }>(await fetch(this.url(projectId, path), { method: 'PUT' }))).network;
  }

  async removeSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network> {
    const path = `vpcs/${encodeURIComponent(networkId)}/subnetid/${encodeURIComponent(subnetId)}`;
    return (await this.body<{ network: Network }>(await fetch(this.url(projectId, path), { method: 'PUT' }))).network;
  }

  private url(projectId: string, path: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}/project/${encodeURIComponent(projectId)}/${path}`;
  }

  private async body<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw new Error(`VPC manager answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  }
}
