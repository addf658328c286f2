import { randomUUID } from 'node:crypto';
import { cpuDelta, listenerPids, snapshot, waitForIdle } from '../cpu';
import { runLoad, type LoadResult, type OpResult } from '../load';
import { field, NeutronClient } from '../neutron-client';
import { round, summarize } from '../stats';

/** One resource the scenario created (or, when creation failed, a placeholder with a random id). */
export interface Item {
  id: string;
  name: string;
  /** false for a placeholder: its requests still run (and count their 404s). */
  real: boolean;
  ip?: string;
  deviceId?: string;
}

export interface ListPhase {
  phase: string;
  /** Query string selecting exactly `item` (one hit expected). */
  query(item: Item): string;
}

/** What differs between the networks and ports scenarios. */
export interface ResourceSpec<Ctx> {
  collection: string;
  resource: string;
  /** Never throws: problems are warned about and the phases still run (and record their errors). */
  setup(client: NeutronClient, run: RunOptions): Promise<Ctx>;
  teardown(client: NeutronClient, ctx: Ctx, run: RunOptions): Promise<void>;
  /** The POST body of one resource (without the {"port": …} wrapper). */
  body(ctx: Ctx, item: Item): Record<string, unknown>;
  /** The created resource as an Item; `draft` holds the name/device id that were sent. */
  toItem(created: unknown, draft: Item): Item;
  lists: ListPhase[];
}

export interface RunOptions {
  scenario: string;
  /** "project", or the peer's label ("neutron" unless --peer-label says otherwise). */
  label: string;
  count: number;
  concurrency: number;
  bulkSize: number;
  warmup: number;
  /** Longest wait for the server to go idle before each phase (0: no wait). */
  settleMs: number;
  tag: string;
  /** Explicit server pids; else discovered from the URL's listening port at each phase. */
  pids?: number[];
}

export interface PhaseLine {
  scenario: string;
  target: string;
  url: string;
  phase: string;
  ops: number;
  errors: Record<string, number>;
  seconds: number;
  throughput_per_s: number;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  cpu_seconds: Record<string, number>;
  requests: number;
  concurrency: number;
  cpu_pids: Record<string, number>;
  /** How long the phase waited for the server to go idle first (crud scenarios). */
  settle_ms?: number;
}

export const warn = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/**
 * Runs create → bulk → get → list-* → update → delete against one server, emitting one line per
 * phase. Every phase first runs `warmup` operations of its own kind (excluded from the figures).
 */
export async function runCrud<Ctx>(spec: ResourceSpec<Ctx>, client: NeutronClient, run: RunOptions, emit: (line: PhaseLine) => void): Promise<PhaseLine[]> {
  const probe = await client.get('/v2.0/networks?limit=1').catch((error: Error) => ({ status: 0, body: error.message }));
  if (probe.status !== 200) {
    warn(`${run.label} ${client.url}: GET /v2.0/networks?limit=1 answered ${probe.status} ${JSON.stringify(probe.body)}; skipped`);
    return [];
  }
  const lines: PhaseLine[] = [];
  const path = `/v2.0/${spec.collection}`;
  const { count, concurrency, warmup, tag } = run;
  const ctx = await spec.setup(client, run);

  const url = new URL(client.url);
  const rootsNow = () => run.pids ?? listenerPids(Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
  const phase = async (name: string, warmupOps: number, ops: number, op: (i: number) => Promise<OpResult>, inFlight = concurrency) => {
    const settled = run.settleMs > 0 ? await waitForIdle(rootsNow, run.settleMs) : 0;
    await runLoad(warmupOps, inFlight, op);
    const roots = rootsNow();
    const before = snapshot(roots);
    const result = await runLoad(ops, inFlight, (i) => op(warmupOps + i));
    const line = { ...toLine(run, client.url, name, inFlight, result, cpuDelta(before, snapshot(roots))), settle_ms: settled };
    lines.push(line);
    emit(line);
  };

  const draft = (name: string): Item => ({ id: randomUUID(), name, real: false, deviceId: randomUUID() });
  const created: Item[] = [];
  await phase('create', warmup, count, async (i) => {
    const item = draft(`${tag}-c${i}`);
    created[i] = item;
    const reply = await client.post(path, { [spec.resource]: spec.body(ctx, item) });
    if (reply.status === 201) created[i] = spec.toItem(field(reply.body, spec.resource), item);
    return reply.status;
  });

  // Bulk: one warm-up POST of `warmup` items, then ceil(count / bulkSize) POSTs, one at a time.
  const measured = Array.from({ length: Math.ceil(count / run.bulkSize) }, (_, j) => Math.min(run.bulkSize, count - j * run.bulkSize));
  const sizes = warmup > 0 ? [warmup, ...measured] : measured;
  const bulk: Item[][] = [];
  const bulkOp = async (j: number): Promise<OpResult> => {
    const items = Array.from({ length: sizes[j] }, (_, k) => draft(`${tag}-b${j}-${k}`));
    bulk[j] = items;
    const reply = await client.post(path, { [spec.collection]: items.map((item) => spec.body(ctx, item)) });
    const made = field(reply.body, spec.collection);
    if (reply.status === 201 && Array.isArray(made)) bulk[j] = items.map((item, k) => spec.toItem(made[k], item));
    return { status: reply.status, items: items.length };
  };
  await phase('bulk', sizes.length - measured.length, measured.length, bulkOp, 1);

  // Later phases use what was really created; placeholders only when nothing was (their 404s count).
  const everything = [...created, ...bulk.flat()];
  const all = everything.some((item) => item.real) ? everything.filter((item) => item.real) : everything;
  const pick = (i: number): Item => all[i % all.length];
  await phase('get', warmup, count, async (i) => (await client.get(`${path}/${pick(i).id}`)).status);
  for (const list of spec.lists) {
    await phase(list.phase, warmup, count, async (i) => {
      const item = pick(i);
      const reply = await client.get(`${path}?${list.query(item)}`);
      const hits = field(reply.body, spec.collection);
      if (reply.status === 200 && item.real && (!Array.isArray(hits) || hits.length !== 1)) {
        throw Object.assign(new Error('wrong hit count'), { code: `200-but-${Array.isArray(hits) ? hits.length : 'no'}-hits` });
      }
      return reply.status;
    });
  }
  await phase('update', warmup, count, async (i) => (await client.put(`${path}/${pick(i).id}`, { [spec.resource]: { name: `${tag}-u${i}` } })).status);
  const deleteWarmup = Math.min(warmup, all.length);
  await phase('delete', deleteWarmup, all.length - deleteWarmup, async (i) => (await client.delete(`${path}/${all[i].id}`)).status);

  await spec.teardown(client, ctx, run).catch((error: Error) => warn(`${run.label} cleanup: ${error.message}`));
  return lines;
}

export function toLine(run: RunOptions, url: string, phase: string, concurrency: number, r: LoadResult, cpu: ReturnType<typeof cpuDelta>): PhaseLine {
  const s = summarize(r.durationsMs);
  return {
    scenario: run.scenario,
    target: run.label,
    url,
    phase,
    ops: r.items,
    errors: r.errors,
    seconds: round(r.seconds, 3) ?? 0,
    throughput_per_s: round(r.seconds > 0 ? r.okItems / r.seconds : 0, 2) ?? 0,
    p50_ms: round(s.p50, 1),
    p95_ms: round(s.p95, 1),
    p99_ms: round(s.p99, 1),
    cpu_seconds: cpu.seconds,
    requests: r.requests,
    concurrency,
    cpu_pids: cpu.pids,
  };
}

/** Deletes every id with `concurrency` in flight; warns about failures. */
export async function deleteAll(client: NeutronClient, path: string, ids: readonly string[], concurrency: number): Promise<void> {
  const result = await runLoad(ids.length, concurrency, async (i) => (await client.delete(`${path}/${ids[i]}`)).status);
  if (Object.keys(result.errors).length) warn(`cleanup of ${path}: ${JSON.stringify(result.errors)}`);
}
