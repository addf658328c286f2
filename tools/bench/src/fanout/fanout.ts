import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { FakeAgent, Fleet, type ReceivedPush } from '@alcor/fleet';
import { apiClient, freePort, spawnService, waitFor, type ApiClient } from '@alcor/testing';
import { cpuDelta, snapshot } from '../cpu';
import { round, summarize } from '../stats';
import { fanoutSouthbound, type FanoutTransport } from './southbound';

const USAGE = `usage: npm run bench -- fanout [--hosts N] [--samples S] [--store pglite|<postgres url>]
  Starts the standalone control plane (with the DPM) as its own process and N simulated host
  agents in this one, one port per host in one VPC, then creates S more ports one at a time and
  measures commit (POST answered) -> every affected host acked a goal state holding the port.
  --hosts N        simulated hosts (default 100)
  --samples S      measured port creates (default 20)
  --warmup W       unmeasured creates first (default 3)
  --store URL      DATABASE_URL for the control plane (default: PGlite in memory)
  --transport T    grpc (default) or pulsar: goal states over per-host Pulsar topics (PULSAR_WS_URL)
  --cpu-prof-dir D write a V8 CPU profile of the control plane into D`;

type Emit = (line: object) => void;

/** Whether a push brings the port to the agent: its own port state, or it as a neighbor. */
const carries = (push: ReceivedPush, portId: string) =>
  push.goalState.portStates[portId] !== undefined || Object.values(push.goalState.neighborStates).some((n) => n.configuration?.id === portId);

export async function fanoutCommand(argv: string[], emit: Emit): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      hosts: { type: 'string', default: '100' },
      samples: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      store: { type: 'string' },
      transport: { type: 'string', default: 'grpc' },
      'cpu-prof-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const hosts = Number(values.hosts);
  const samples = Number(values.samples);
  const warmup = Number(values.warmup);
  if (![hosts, samples].every((n) => Number.isInteger(n) && n >= 1) || !Number.isInteger(warmup) || warmup < 0) throw new Error('--hosts/--samples must be positive integers');
  if (values.transport !== 'grpc' && values.transport !== 'pulsar') throw new Error('--transport must be grpc or pulsar');
  const transport: FanoutTransport = values.transport;
  const southbound = await fanoutSouthbound(transport);

  const setupStarted = performance.now();
  const grpcPort = await freePort();
  const service = await spawnService('standalone', {
    DATA_DIR: 'memory://',
    DATABASE_URL: values.store && values.store !== 'pglite' ? values.store : undefined,
    DPM_GRPC_PORT: String(grpcPort),
    // Heartbeats would only add noise to the message counts here.
    DPM_HEARTBEAT_MS: '600000',
    DPM_PUSH_TIMEOUT_MS: '10000',
    OUTBOX_POLL_MS: '50',
    LOG_LEVEL: 'warn',
    ...southbound.env,
    ...(values['cpu-prof-dir'] ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values['cpu-prof-dir']}` } : {}),
  });
  // Never leave the control plane behind, also when this run is interrupted (timeout, Ctrl-C).
  const killChild = () => service.child.kill('SIGKILL');
  process.once('exit', killChild);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  process.stderr.write(`[bench] control plane at ${service.baseUrl} (pid ${service.child.pid}); GET /network-configuration/sync-status shows delivery\n`);
  const fleet = await Fleet.start(hosts, { prefix: 'bench', dpmAddress: `127.0.0.1:${grpcPort}`, recordPushes: false, ...southbound.fleet });
  try {
    const api = apiClient(service.baseUrl);
    const networkId = await seed(api, fleet);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    process.stderr.write(`[bench] fanout: ${hosts} hosts seeded in ${setupSeconds.toFixed(1)} s (rss ${Math.round(process.memoryUsage().rss / 1e6)} MB here)\n`);

    const allAcked: number[] = [];
    const perHost: number[] = [];
    let messages = 0;
    let bytes = 0;
    let measuredMs = 0;
    const cpuStart = snapshot(service.child.pid ? [service.child.pid] : []);
    for (let i = 0; i < warmup + samples; i++) {
      const result = await oneNewPort(api, fleet, networkId, fleet.agents[i % hosts]);
      if (i < warmup) continue;
      allAcked.push(result.allAckedMs);
      perHost.push(...result.perHostMs);
      messages += result.messages;
      bytes += result.bytes;
      measuredMs += result.windowMs;
    }
    const cpu = cpuDelta(cpuStart, snapshot(service.child.pid ? [service.child.pid] : []));
    const all = summarize(allAcked);
    const each = summarize(perHost);
    emit({
      scenario: 'fanout',
      transport,
      hosts,
      samples,
      commit_to_all_acked_ms: { p50: round(all.p50, 1), p99: round(all.p99, 1), max: round(all.max, 1) },
      commit_to_host_ack_ms: { p50: round(each.p50, 1), p99: round(each.p99, 1), max: round(each.max, 1) },
      messages,
      messages_per_s: round(messages / (measuredMs / 1000), 0),
      bytes,
      bytes_per_message: round(bytes / Math.max(1, messages), 0),
      cpu_seconds: cpu.seconds,
      setup_s: round(setupSeconds, 1),
    });
    return 0;
  } catch (error) {
    process.stderr.write(`[bench] control plane output (tail):\n${service.output().slice(-3000)}\n`);
    throw error;
  } finally {
    await fleet.stop();
    await service.stop();
    await southbound.close();
  }
}

/** Registers the fleet, one VPC with a subnet big enough, one port per host; waits until all is programmed. */
async function seed(api: ApiClient, fleet: Fleet): Promise<string> {
  // Neutron's default port quota (500) is below the fleet size; noauth callers are this project.
  const quota = await api.put('/v2.0/quotas/fake_project_id', { quota: { port: -1 } });
  if (quota.status >= 300 && quota.status !== 404) throw new Error(`quota: ${quota.status} ${JSON.stringify(quota.body)}`);
  const infos = fleet.hostInfos();
  for (let i = 0; i < infos.length; i += 500) {
    const res = await api.post('/nodes/bulk', { host_infos: infos.slice(i, i + 500) });
    if (res.status >= 300) throw new Error(`node registration: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const network = await api.post<{ network: { id: string } }>('/v2.0/networks', { network: { name: 'bench-fanout' } });
  const networkId = network.body.network.id;
  const subnet = await api.post('/v2.0/subnets', { subnet: { network_id: networkId, ip_version: 4, cidr: '10.128.0.0/16' } });
  if (subnet.status !== 201) throw new Error(`subnet: ${JSON.stringify(subnet.body)}`);
  const ids: string[] = [];
  for (let i = 0; i < fleet.agents.length; i += 200) {
    const ports = fleet.agents.slice(i, i + 200).map((agent) => ({ network_id: networkId, 'binding:host_id': agent.nodeName }));
    const res = await api.post<{ ports: { id: string }[] }>('/v2.0/ports', { ports });
    if (res.status !== 201) throw new Error(`ports: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    ids.push(...res.body.ports.map((p) => p.id));
  }
  const expected = fleet.agents.length - 1;
  const progress = setInterval(() => {
    const done = fleet.agents.filter((agent, i) => agent.state.has('portStates', ids[i]) && agent.state.size('neighborStates') >= expected).length;
    process.stderr.write(`[bench] seeding: ${done}/${fleet.agents.length} hosts complete\n`);
  }, 15_000);
  await waitFor(
    () => fleet.agents.every((agent, i) => agent.state.has('portStates', ids[i]) && agent.state.size('neighborStates') >= expected),
    600_000,
    'every host programmed with its port and all neighbors',
  ).finally(() => clearInterval(progress));
  return networkId;
}

/** One port create, timed from the POST's answer to each affected host's ack. */
async function oneNewPort(api: ApiClient, fleet: Fleet, networkId: string, host: FakeAgent) {
  const acks = new Map<FakeAgent, number>();
  let messages = 0;
  let bytes = 0;
  let portId: string | undefined;
  const early: [FakeAgent, ReceivedPush][] = [];
  const listeners = fleet.agents.map((agent) => {
    const onApplied = (push: ReceivedPush) => {
      messages += 1;
      bytes += push.bytes;
      if (!portId) early.push([agent, push]);
      else if (!acks.has(agent) && carries(push, portId)) acks.set(agent, push.repliedAt ?? performance.now());
    };
    agent.on('applied', onApplied);
    return () => agent.off('applied', onApplied);
  });
  const started = performance.now();
  try {
    const res = await api.post<{ port: { id: string } }>('/v2.0/ports', { port: { network_id: networkId, 'binding:host_id': host.nodeName } });
    const committed = performance.now();
    if (res.status !== 201) throw new Error(`port: ${res.status} ${JSON.stringify(res.body)}`);
    portId = res.body.port.id;
    for (const [agent, push] of early) if (!acks.has(agent) && carries(push, portId)) acks.set(agent, push.repliedAt ?? committed);
    await waitFor(() => acks.size === fleet.agents.length, 60_000, `all ${fleet.agents.length} hosts to ack port ${portId}`);
    const perHostMs = [...acks.values()].map((t) => Math.max(0, t - committed));
    return { allAckedMs: Math.max(...perHostMs), perHostMs, messages, bytes, windowMs: performance.now() - started };
  } finally {
    for (const off of listeners) off();
  }
}
