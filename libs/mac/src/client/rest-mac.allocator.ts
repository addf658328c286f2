import { MacAllocation, MacAllocator, MacRequest, restCall } from '@alcor/contracts';
import { AlcorMacState } from '../http/alcor-mac-shapes';

/**
 * The MAC manager over REST (split mode): allocation through Alcor's atomic POST /macs/bulk,
 * release through the idempotent POST /internal/mac-allocations/release. The MAC manager's routes
 * are admin-only: behind trusted headers, pass the service's admin headers.
 */
export class RestMacAllocator implements MacAllocator {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async allocate(requests: MacRequest[]): Promise<MacAllocation[]> {
    if (requests.length === 0) return [];
    const mac_states = requests.map((r) => ({
      project_id: r.projectId,
      vpc_id: r.networkId,
      port_id: r.portId,
      ...(r.macAddress !== undefined ? { mac_address: r.macAddress } : {}),
    }));
    const answer = await restCall<{ mac_states: AlcorMacState[] }>(this.baseUrl, 'POST', '/macs/bulk', { mac_states }, this.headers);
    return answer.mac_states.map((state, i) => ({ networkId: requests[i].networkId, portId: requests[i].portId, macAddress: state.mac_address }));
  }

  async release(macs: { networkId: string; macAddress: string }[]): Promise<void> {
    if (macs.length === 0) return;
    const releases = macs.map((m) => ({ network_id: m.networkId, mac_address: m.macAddress }));
    await restCall<void>(this.baseUrl, 'POST', '/internal/mac-allocations/release', { releases }, this.headers);
  }
}
