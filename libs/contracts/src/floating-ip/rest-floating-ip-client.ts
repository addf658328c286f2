import { Port } from '../port/port';
import { PortDeleteListener } from '../port/port-client';
import { restCall } from '../rest/rest-call';
import { INTERNAL_SERVICE_HEADERS } from '../rest/service-headers';
import { FloatingIpClient } from './floating-ip';

/** The floating-IP manager over REST (split mode): router checks and the port-delete hook. */
export class RestFloatingIpClient implements FloatingIpClient, PortDeleteListener {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async countByRouter(routerId: string, cidr?: string): Promise<number> {
    const params = new URLSearchParams({ router_id: routerId, ...(cidr ? { cidr } : {}) });
    return (await restCall<{ count: number }>(this.baseUrl, 'GET', `/internal/floatingips/count?${params}`, undefined, this.headers)).count;
  }

  async portsDeleting(ports: Port[]): Promise<void> {
    for (const port of ports) await restCall(this.baseUrl, 'PUT', `/internal/floatingips/disassociate-port/${encodeURIComponent(port.id)}`, undefined, this.headers);
  }
}
