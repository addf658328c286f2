import { expectStatus, field, NeutronClient } from '../neutron-client';
import { deleteAll, warn, type Item, type ResourceSpec, type RunOptions } from './crud';

interface PortsCtx {
  networkId: string;
  subnetId?: string;
}

/**
 * Ports on one network with one IPv4 subnet (a /16, or larger when the run needs more addresses).
 * Each port gets its own device_id, so `?device_id=` has one hit, like `?name=` and `?fixed_ips=`.
 */
export const ports: ResourceSpec<PortsCtx> = {
  collection: 'ports',
  resource: 'port',
  async setup(client: NeutronClient, run: RunOptions) {
    const net = await client.post('/v2.0/networks', { network: { name: `${run.tag}-net` } });
    const networkId = String(field(field(net.body, 'network'), 'id'));
    if (net.status !== 201) {
      warn(`${run.label}: network create answered ${net.status}; ports will be posted to a missing network`);
      return { networkId: '00000000-0000-4000-8000-000000000000' };
    }
    const cidr = subnetCidr(2 * (run.count + run.warmup));
    const sub = await client.post('/v2.0/subnets', { subnet: { network_id: networkId, ip_version: 4, cidr, name: `${run.tag}-sub` } });
    if (sub.status !== 201) warn(`${run.label}: subnet create answered ${sub.status} ${JSON.stringify(sub.body)?.slice(0, 200)}`);
    return { networkId, subnetId: sub.status === 201 ? String(field(field(sub.body, 'subnet'), 'id')) : undefined };
  },
  body: (ctx, item) => ({ network_id: ctx.networkId, name: item.name, device_id: item.deviceId }),
  toItem(created, draft) {
    const ips = field(created, 'fixed_ips');
    const ip = Array.isArray(ips) ? field(ips[0], 'ip_address') : undefined;
    return { ...draft, id: String(field(created, 'id')), real: true, ip: typeof ip === 'string' ? ip : undefined, deviceId: String(field(created, 'device_id')) };
  },
  lists: [
    { phase: 'list-name', query: (item: Item) => `name=${encodeURIComponent(item.name)}` },
    { phase: 'list-fixed-ip', query: (item: Item) => `fixed_ips=${encodeURIComponent(`ip_address=${item.ip ?? '192.0.2.1'}`)}` },
    { phase: 'list-device-id', query: (item: Item) => `device_id=${encodeURIComponent(item.deviceId ?? '')}` },
  ],
  async teardown(client: NeutronClient, ctx, run) {
    const left = await client.get(`/v2.0/ports?network_id=${ctx.networkId}&fields=id`);
    const rows = field(left.body, 'ports');
    await deleteAll(client, '/v2.0/ports', (Array.isArray(rows) ? rows : []).map((row) => String(field(row, 'id'))), run.concurrency);
    if (ctx.subnetId) expectStatus(await client.delete(`/v2.0/subnets/${ctx.subnetId}`), 204, 'delete subnet');
    expectStatus(await client.delete(`/v2.0/networks/${ctx.networkId}`), 204, 'delete network');
  },
};

/** 10.123.0.0/16, or a shorter prefix inside 10.0.0.0/8 when `addresses` (plus slack) do not fit. */
export function subnetCidr(addresses: number): string {
  const hostBits = Math.max(16, Math.ceil(Math.log2(addresses + 16)));
  if (hostBits === 16) return '10.123.0.0/16';
  if (hostBits > 24) throw new Error(`${addresses} addresses do not fit in 10.0.0.0/8`);
  return `10.0.0.0/${32 - hostBits}`;
}
