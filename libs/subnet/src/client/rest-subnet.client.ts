import { INTERNAL_SERVICE_HEADERS, restCall, Subnet, SubnetClient } from '@alcor/contracts';

/** The subnet manager over its REST API (split mode). */
export class RestSubnetClient implements SubnetClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async getSubnets(projectId: string, ids: string[]): Promise<Subnet[]> {
    if (ids.length === 0) return [];
    const params = new URLSearchParams(ids.map((id): [string, string] => ['id', id]));
    return (await restCall<{ subnets: Subnet[] }>(this.baseUrl, 'GET', `/project/${encodeURIComponent(projectId)}/subnets?${params}`, undefined, this.headers)).subnets;
  }

  async listByNetwork(_projectId: string, networkId: string): Promise<Subnet[]> {
    // Every subnet of the network, whoever owns it (a port on a shared network needs them all), oldest
    // first as in process: a port takes its automatic address from the first subnet with room.
    return (await restCall<{ subnets: Subnet[] }>(this.baseUrl, 'GET', `/v2.0/subnets?network_id=${encodeURIComponent(networkId)}&sort_key=created_at&sort_dir=asc&sort_key=id&sort_dir=asc`, undefined, this.headers)).subnets;
  }
}
