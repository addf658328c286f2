import { restCall } from '../rest/rest-call';
import { INTERNAL_SERVICE_HEADERS } from '../rest/service-headers';
import { NetworkPortCleaner, NetworkSubnetCleaner } from './network-children';

/** The port manager's part of a network delete, over REST (split mode). */
export class RestNetworkPortCleaner implements NetworkPortCleaner {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async clearNetworkPorts(networkId: string): Promise<void> {
    await restCall(this.baseUrl, 'DELETE', `/internal/networks/${encodeURIComponent(networkId)}/ports`, undefined, this.headers);
  }
}

/** The subnet manager's part of a network delete, over REST (split mode). */
export class RestNetworkSubnetCleaner implements NetworkSubnetCleaner {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async deleteNetworkSubnets(networkId: string): Promise<void> {
    await restCall(this.baseUrl, 'DELETE', `/internal/networks/${encodeURIComponent(networkId)}/subnets`, undefined, this.headers);
  }
}
