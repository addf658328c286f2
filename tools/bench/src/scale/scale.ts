import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad, type OpResult } from '../load';
import { expectStatus, field, NeutronClient, type Reply } from '../neutron-client';
import { round, summarize } from '../stats';
import { warn } from '../scenarios/crud';
import { flatnessRatios, nextBatches, parseSizes, spreadSample, subnetCidrOf, type SizedLine } from './scale-plan';

const USAGE = `usage: npm run bench -- scale --target <url> [options]
  --sizes 1000,10000,100000  stored-port counts to measure at (ascending; ports are added between)
  --ops N                    measured requests per phase and size (default 300)
  --warmup W                 unmeasured requests first, per phase and size (default 20)
  --concurrency C            requests in flight while measuring (default 8)
  --bulk-size B              ports per bulk POST while loading (default 1000)
  --load-concurrency L       bulk POSTs in flight while loading (default 2)
  --tag <prefix>             name prefix (default scale-<random>)
  --existing                 count the ports already stored (read by paging) before loading more
  --out results.jsonl        also append every JSON line here
  --allow-remote             permit a non-loopback URL
Point it at a throwaway server: it leaves the ports in place (a 100k cleanup takes minutes).`;

/** One stored port, as the measured filters need it. */
interface Stored {
  id: string;
  name: string;
  ip: string;
  deviceId: string;
  mac: string;
}

interface Options {
  sizes: number[];
  ops: number;
  warmup: number;
  concurrency: number;
  bulkSize: number;
  loadConcurrency: number;
  tag: string;
  existing: boolean;
}

type Phase = { phase: string; request: (port: Stored, client: NeutronClient) => Promise<OpResult> };

/** A 200 with the wrong row count is an error (errorCode picks up `code`), never a success. */
const wrongCount = (what: string, n: number | string) => Object.assign(new Error(`wrong ${what} count`), { code: `200-but-${n}-${what}` });

/** Exactly one hit, or the filter was ignored or wrong. */
const oneHit = async (reply: Promise<Reply>): Promise<OpResult> => {
  const r = await reply;
  const rows = field(r.body, 'ports');
  if (r.status === 200 && (!Array.isArray(rows) || rows.length !== 1)) throw wrongCount('hits', Array.isArray(rows) ? rows.length : 'no');
  return r.status;
};

const PHASES: Phase[] = [
  { phase: 'get', request: async (p, c) => (await c.get(`/v2.0/ports/${p.id}`)).status },
  { phase: 'list-name', request: (p, c) => oneHit(c.get(`/v2.0/ports?name=${encodeURIComponent(p.name)}`)) },
  { phase: 'list-fixed-ip', request: (p, c) => oneHit(c.get(`/v2.0/ports?fixed_ips=${encodeURIComponent(`ip_address=${p.ip}`)}`)) },
  { phase: 'list-device-id', request: (p, c) => oneHit(c.get(`/v2.0/ports?device_id=${encodeURIComponent(p.deviceId)}`)) },
  { phase: 'list-mac', request: (p, c) => oneHit(c.get(`/v2.0/ports?mac_address=${encodeURIComponent(p.mac)}`)) },
  {
    // A page of 100 from a marker anywhere in the collection (keyset paging: no OFFSET cost).
    phase: 'list-page-100',
    request: async (p, c) => {
      const r = await c.get(`/v2.0/ports?limit=100&marker=${p.id}`);
      const rows = field(r.body, 'ports');
      if (r.status === 200 && (!Array.isArray(rows) || rows.length > 100)) throw wrongCount('rows', Array.isArray(rows) ? rows.length : 'no');
      return r.status;
    },
  },
];

/**
 * `scale`: loads ports through the bulk API up to each size in --sizes (10,000 per network, each
 * network with one /18 subnet), and at each size measures GET by id, the filtered lists and a
 * 100-port page. One JSON line per (phase, size), then one ratio line per phase (largest size
 * over smallest): the issue's target is latency flat within 2x from 1k to 100k ports.
 */
export async function scaleCommand(argv: string[], print: (line: object) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      target: { type: 'string' },
      sizes: { type: 'string', default: '1000,10000,100000' },
      ops: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '8' },
      'bulk-size': { type: 'string', default: '1000' },
      'load-concurrency': { type: 'string', default: '2' },
      tag: { type: 'string' },
      existing: { type: 'boolean', default: false },
      out: { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.target) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const host = new URL(values.target).hostname.replace(/^\[|\]$/g, '');
  if (!values['allow-remote'] && !(host === 'localhost' || host === '::1' || /^127\./.test(host))) {
    throw new Error(`${values.target} is not a loopback address; pass --allow-remote to benchmark it`);
  }
  const options: Options = {
    sizes: parseSizes(values.sizes),
    ops: int('ops', values.ops, 1),
    warmup: int('warmup', values.warmup, 0),
    concurrency: int('concurrency', values.concurrency, 1),
    bulkSize: int('bulk-size', values['bulk-size'], 1),
    loadConcurrency: int('load-concurrency', values['load-concurrency'], 1),
    tag: values.tag ?? `scale-${randomBytes(3).toString('hex')}`,
    existing: values.existing,
  };
  const emit = (line: object): void => {
    print(line);
    if (values.out) appendFileSync(values.out, `${JSON.stringify(line)}\n`);
  };
  const client = new NeutronClient(values.target, { sockets: Math.max(options.concurrency, options.loadConcurrency), timeoutMs: 600_000 });
  try {
    await runScale(client, values.target, options, emit);
  } finally {
    client.close();
  }
  return 0;
}

async function runScale(client: NeutronClient, url: string, options: Options, emit: (line: object) => void): Promise<void> {
  expectStatus(await client.get('/v2.0/networks?limit=1'), 200, 'reach the target');
  await liftQuotas(client);
  const stored: Stored[] = options.existing ? await readExisting(client) : [];
  // Existing ports fill whole networks first (the address plan of new ones starts after them).
  const subnets: string[] = [];
  if (stored.length > 0) warn(`${stored.length} ports already stored; new ones go to new networks`);
  const measured: SizedLine[] = [];
  for (const size of options.sizes) {
    const load = await loadUpTo(client, options, stored, subnets, size);
    const settled = await settle(client);
    emit({ scenario: 'scale', url, phase: 'load', settle_s: settled, stored_ports: stored.length, added: load.added, seconds: round(load.seconds, 1), ports_per_s: round(load.added / load.seconds, 1), errors: load.errors, load_avg: loadAvg() });
    for (const phase of PHASES) {
      const line = await measure(client, url, options, stored, phase);
      measured.push(line);
      emit(line);
    }
  }
  if (options.sizes.length > 1) for (const r of flatnessRatios(measured)) emit({ scenario: 'scale', url, ...r });
}

/**
 * After a load the server still relays the new ports' events (outbox, data-plane manager): wait
 * until 10 cheap GETs in a row answer within 3x the fastest seen (at most 5 minutes), so the
 * figures are of the store's size, not of the backlog. Returns the seconds waited.
 */
async function settle(client: NeutronClient): Promise<number> {
  const started = performance.now();
  let fastest = Infinity;
  for (let calm = 0; calm < 10 && performance.now() - started < 300_000; ) {
    const t = performance.now();
    await client.get('/v2.0/ports?limit=1');
    const ms = performance.now() - t;
    fastest = Math.min(fastest, ms);
    calm = ms <= 3 * fastest + 2 ? calm + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return round((performance.now() - started) / 1000, 1) ?? 0;
}

/** Neutron's default port quota (500) would stop the load: lift the caller's limits. */
async function liftQuotas(client: NeutronClient): Promise<void> {
  const who = await client.get('/v2.0/quotas/project');
  const project = String(field(field(who.body, 'project'), 'project_id') ?? 'fake_project_id');
  const put = await client.put(`/v2.0/quotas/${encodeURIComponent(project)}`, { quota: { network: -1, subnet: -1, port: -1 } });
  if (put.status !== 200) warn(`quota lift answered ${put.status}; start the server with QUOTA_PORT=-1 if the load hits OverQuota`);
}

async function loadUpTo(client: NeutronClient, options: Options, stored: Stored[], subnets: string[], size: number) {
  const batches = nextBatches(stored.length, Math.max(0, size - stored.length), options.bulkSize);
  const networks: string[] = [];
  for (const network of new Set(batches.map((b) => b.network))) {
    while (subnets.length <= network) subnets.push(await createNetwork(client, options.tag, subnets.length));
  }
  for (const id of subnets) networks.push(id);
  let next = stored.length;
  const started = performance.now();
  const result = await runLoad(batches.length, options.loadConcurrency, async (i) => {
    const { network, count } = batches[i];
    const first = next;
    next += count;
    const body = { ports: Array.from({ length: count }, (_, k) => ({ network_id: networks[network], name: `${options.tag}-p${first + k}`, device_id: `${options.tag}-d${first + k}` })) };
    const reply = await client.post('/v2.0/ports', body);
    const rows = field(reply.body, 'ports');
    if (reply.status === 201 && Array.isArray(rows)) for (const row of rows) stored.push(toStored(row));
    return { status: reply.status, items: count };
  });
  return { added: result.okItems, seconds: (performance.now() - started) / 1000, errors: result.errors };
}

/** Every stored port, by 1000-port keyset pages (for a store seeded some other way). */
async function readExisting(client: NeutronClient): Promise<Stored[]> {
  const out: Stored[] = [];
  for (let marker = ''; ; ) {
    const reply = expectStatus(await client.get(`/v2.0/ports?limit=1000${marker ? `&marker=${marker}` : ''}`), 200, 'read existing ports');
    const rows = field(reply.body, 'ports');
    if (!Array.isArray(rows) || rows.length === 0) return out;
    for (const row of rows) out.push(toStored(row));
    marker = out[out.length - 1].id;
  }
}

/** A network with one /18 subnet; returns the network id. */
async function createNetwork(client: NeutronClient, tag: string, index: number): Promise<string> {
  const net = expectStatus(await client.post('/v2.0/networks', { network: { name: `${tag}-net${index}` } }), 201, 'create network');
  const networkId = String(field(field(net.body, 'network'), 'id'));
  const subnet = { network_id: networkId, ip_version: 4, cidr: subnetCidrOf(index), name: `${tag}-sub${index}`, enable_dhcp: false };
  expectStatus(await client.post('/v2.0/subnets', { subnet }), 201, 'create subnet');
  return networkId;
}

function toStored(row: unknown): Stored {
  const ips = field(row, 'fixed_ips');
  return {
    id: String(field(row, 'id')),
    name: String(field(row, 'name')),
    ip: String(Array.isArray(ips) ? field(ips[0], 'ip_address') : ''),
    deviceId: String(field(row, 'device_id')),
    mac: String(field(row, 'mac_address')),
  };
}

async function measure(client: NeutronClient, url: string, options: Options, stored: readonly Stored[], phase: Phase) {
  const warm = spreadSample(stored.length, options.warmup).reverse();
  await runLoad(warm.length, options.concurrency, (i) => phase.request(stored[warm[i]], client));
  // Old and new rows alike: an even spread over everything stored, shuffled by a fixed stride.
  const sample = spreadSample(stored.length, options.ops);
  const order = sample.map((_, i) => sample[(i * 7919) % sample.length]);
  const r = await runLoad(order.length, options.concurrency, (i) => phase.request(stored[order[i]], client));
  const s = summarize(r.durationsMs);
  return {
    scenario: 'scale',
    url,
    phase: phase.phase,
    stored_ports: stored.length,
    ops: r.items,
    errors: r.errors,
    seconds: round(r.seconds, 3) ?? 0,
    throughput_per_s: round(r.seconds > 0 ? r.okItems / r.seconds : 0, 1) ?? 0,
    p50_ms: round(s.p50, 2),
    p95_ms: round(s.p95, 2),
    p99_ms: round(s.p99, 2),
    concurrency: options.concurrency,
    load_avg: loadAvg(),
  };
}

const loadAvg = () => loadavg().map((n) => Math.round(n * 100) / 100);

function int(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${text}`);
  return n;
}
