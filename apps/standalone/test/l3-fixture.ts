import { ApiClient } from '@alcor/testing';
import { Body, networkWithSubnet } from './standalone-fixture';

export type Fault = { NeutronError: { type: string; message: string } };
export type RouterBody = Body & {
  routes: { destination: string; nexthop: string }[];
  external_gateway_info: { network_id: string; enable_snat: boolean; external_fixed_ips: { subnet_id: string; ip_address: string }[] } | null;
  revision_number: number;
};
export type FipBody = Body & { floating_ip_address: string; port_id: string | null; fixed_ip_address: string | null; router_id: string | null; status: string; revision_number: number };

/** An external network (router:external) with one IPv4 subnet, as floating IPs and gateways need. */
export async function externalNetwork(api: ApiClient, cidr = '203.0.113.0/24') {
  const network = (await api.post<{ network: Body }>('/v2.0/networks', { network: { name: `ext-${cidr}`, 'router:external': true } })).body.network;
  const res = await api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr, enable_dhcp: false } });
  if (res.status !== 201) throw new Error(`external subnet create failed: ${JSON.stringify(res.body)}`);
  return { network, subnet: res.body.subnet };
}

export async function createRouter(api: ApiClient, router: Record<string, unknown> = {}) {
  const res = await api.post<{ router: RouterBody }>('/v2.0/routers', { router: { name: 'r', ...router } });
  if (res.status !== 201) throw new Error(`router create failed: ${JSON.stringify(res.body)}`);
  return res.body.router;
}

/** A tenant network attached to a router whose gateway is on the external network. */
export async function routedNetwork(api: ApiClient, cidr: string, externalNetworkId: string) {
  const { network, subnet } = await networkWithSubnet(api, cidr);
  const router = await createRouter(api, { external_gateway_info: { network_id: externalNetworkId } });
  const attach = await api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
  if (attach.status !== 200) throw new Error(`attach failed: ${JSON.stringify(attach.body)}`);
  return { network, subnet, router };
}

export const faultOf = (body: unknown) => (body as Fault).NeutronError;
