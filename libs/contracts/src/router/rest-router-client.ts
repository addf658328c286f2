import { restCall } from '../rest/rest-call';
import { INTERNAL_SERVICE_HEADERS } from '../rest/service-headers';
import { RouterClient } from './router';

/** The route manager over REST (split mode). */
export class RestRouterClient implements RouterClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async routerForFloatingIp(subnetId: string, externalNetworkId: string): Promise<string | undefined> {
    const params = new URLSearchParams({ subnet_id: subnetId, external_network_id: externalNetworkId });
    const reply = await restCall<{ router_id: string | null }>(this.baseUrl, 'GET', `/internal/router-for-floatingip?${params}`, undefined, this.headers);
    return reply.router_id ?? undefined;
  }
}
