import { cpuDelta, listenerPids, snapshot } from '../cpu';
import { runLoad, type OpResult } from '../load';
import { field, NeutronClient, type Reply } from '../neutron-client';
import { toLine, warn, type PhaseLine, type RunOptions } from './crud';

/** Subnets per router: routers in real deployments join a handful of tenant subnets. */
const SUBNETS_PER_ROUTER = 10;

interface L3Ctx {
  externalNetworkId?: string;
  networks: { id: string; subnetId: string }[];
  routers: string[];
  ports: string[];
  floatingIps: string[];
}

const idOf = (reply: Reply, member: string) => String(field(field(reply.body, member), 'id'));

/**
 * L3 phases, each preceded by unmeasured setup:
 * - `router-interfaces`: N × PUT add_router_interface {subnet_id} (N subnets, one router per 10,
 *   each router with a gateway on one external network);
 * - `fip-associate`: N × PUT /v2.0/floatingips/{id} {port_id} (one port per subnet, N floating IPs);
 * - `fip-disassociate`: N × PUT {port_id: null}.
 * Warm-up operations are left out: every measured operation needs its own fresh subnet or floating IP.
 */
export async function runL3(client: NeutronClient, run: RunOptions, emit: (line: PhaseLine) => void): Promise<PhaseLine[]> {
  const probe = await client.get('/v2.0/networks?limit=1').catch((error: Error) => ({ status: 0, body: error.message }));
  if (probe.status !== 200) {
    warn(`${run.label} ${client.url}: GET /v2.0/networks?limit=1 answered ${probe.status}; skipped`);
    return [];
  }
  const { count, concurrency, tag } = run;
  const lines: PhaseLine[] = [];
  const ctx: L3Ctx = { networks: [], routers: [], ports: [], floatingIps: [] };
  const phase = async (name: string, op: (i: number) => Promise<OpResult>) => {
    const url = new URL(client.url);
    const roots = run.pids ?? listenerPids(Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
    const before = snapshot(roots);
    const result = await runLoad(count, concurrency, op);
    const line = toLine(run, client.url, name, concurrency, result, cpuDelta(before, snapshot(roots)));
    lines.push(line);
    emit(line);
  };
  try {
    const ext = await client.post('/v2.0/networks', { network: { name: `${tag}-ext`, 'router:external': true } });
    if (ext.status === 201) {
      ctx.externalNetworkId = idOf(ext, 'network');
      const sub = await client.post('/v2.0/subnets', { subnet: { network_id: ctx.externalNetworkId, ip_version: 4, cidr: '100.64.0.0/16', enable_dhcp: false } });
      if (sub.status !== 201) warn(`${run.label}: external subnet create answered ${sub.status}`);
    } else warn(`${run.label}: external network create answered ${ext.status} ${JSON.stringify(ext.body)?.slice(0, 200)}`);
    await runLoad(count, concurrency, async (i) => {
      const net = await client.post('/v2.0/networks', { network: { name: `${tag}-n${i}` } });
      if (net.status !== 201) return net.status;
      const networkId = idOf(net, 'network');
      const sub = await client.post('/v2.0/subnets', { subnet: { network_id: networkId, ip_version: 4, cidr: `10.${100 + Math.floor(i / 256)}.${i % 256}.0/24` } });
      ctx.networks[i] = { id: networkId, subnetId: sub.status === 201 ? idOf(sub, 'subnet') : '00000000-0000-4000-8000-000000000000' };
      return sub.status;
    });
    const routerCount = Math.ceil(count / SUBNETS_PER_ROUTER);
    await runLoad(routerCount, concurrency, async (r) => {
      const gw = ctx.externalNetworkId ? { external_gateway_info: { network_id: ctx.externalNetworkId } } : {};
      const reply = await client.post('/v2.0/routers', { router: { name: `${tag}-r${r}`, ...gw } });
      if (reply.status === 201) ctx.routers[r] = idOf(reply, 'router');
      else warn(`${run.label}: router create answered ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 200)}`);
      return reply.status;
    });

    await phase('router-interfaces', async (i) => {
      const router = ctx.routers[Math.floor(i / SUBNETS_PER_ROUTER)] ?? '00000000-0000-4000-8000-000000000000';
      return (await client.put(`/v2.0/routers/${router}/add_router_interface`, { subnet_id: ctx.networks[i]?.subnetId })).status;
    });

    await runLoad(count, concurrency, async (i) => {
      const port = await client.post('/v2.0/ports', { port: { network_id: ctx.networks[i]?.id, name: `${tag}-p${i}` } });
      if (port.status === 201) ctx.ports[i] = idOf(port, 'port');
      const fip = await client.post('/v2.0/floatingips', { floatingip: { floating_network_id: ctx.externalNetworkId } });
      if (fip.status === 201) ctx.floatingIps[i] = idOf(fip, 'floatingip');
      return fip.status;
    });
    const fipOf = (i: number) => ctx.floatingIps[i] ?? '00000000-0000-4000-8000-000000000000';
    await phase('fip-associate', async (i) => (await client.put(`/v2.0/floatingips/${fipOf(i)}`, { floatingip: { port_id: ctx.ports[i] } })).status);
    await phase('fip-disassociate', async (i) => (await client.put(`/v2.0/floatingips/${fipOf(i)}`, { floatingip: { port_id: null } })).status);
  } finally {
    await teardown(client, ctx, run).catch((error: Error) => warn(`${run.label} cleanup: ${error.message}`));
  }
  return lines;
}

async function teardown(client: NeutronClient, ctx: L3Ctx, run: RunOptions): Promise<void> {
  const each = (ids: (string | undefined)[], op: (id: string) => Promise<Reply>) =>
    runLoad(ids.length, run.concurrency, async (i) => (ids[i] ? (await op(ids[i] as string)).status : 204));
  await each(ctx.floatingIps, (id) => client.delete(`/v2.0/floatingips/${id}`));
  await each(ctx.ports, (id) => client.delete(`/v2.0/ports/${id}`));
  await runLoad(ctx.networks.length, run.concurrency, async (i) => {
    const n = ctx.networks[i];
    const router = ctx.routers[Math.floor(i / SUBNETS_PER_ROUTER)];
    if (!n) return 204;
    if (router) await client.put(`/v2.0/routers/${router}/remove_router_interface`, { subnet_id: n.subnetId });
    await client.delete(`/v2.0/subnets/${n.subnetId}`);
    return (await client.delete(`/v2.0/networks/${n.id}`)).status;
  });
  await each(ctx.routers, (id) => client.delete(`/v2.0/routers/${id}`));
  if (ctx.externalNetworkId) {
    const subs = field((await client.get(`/v2.0/subnets?network_id=${ctx.externalNetworkId}&fields=id`)).body, 'subnets');
    for (const s of Array.isArray(subs) ? subs : []) await client.delete(`/v2.0/subnets/${String(field(s, 'id'))}`);
    await client.delete(`/v2.0/networks/${ctx.externalNetworkId}`);
  }
}
