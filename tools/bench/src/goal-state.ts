import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encodeGoalState, GoalStateIndex, type NodeRecord, type PortRecord, type SecurityGroupRecord, type TopologyChange } from '@alcor/goal-state';

// `npm run bench -- goal-state`: the builder alone (no I/O), one JSON line per result.
//   seed        one new port in a VPC of N neighbors over H hosts: apply + encode every affected host's delta
//   first-port  same, the port being the first of the VPC on a new host (that host gets all N neighbors)
//   full        full goal state of one host of that VPC, built and encoded (bytes reported)
//   join-group-unbound  one more unbound port in a default group of N unbound members (no host holds it)
//   heap        heap per 100k ports (neighbors) held by the index
//   bulk        applyAll of --ports P ports (only with --ports; RSS reported)

const USAGE = `usage: npm run bench -- goal-state [--neighbors N] [--hosts H] [--repeat R] [--ports P]
  --neighbors N   ports in the seed VPC (default 10000)
  --hosts H       hosts they are spread over (default 1000)
  --repeat R      measured repetitions per phase, the median is reported (default 20)
  --ports P       also run the bulk phase: applyAll of P ports (e.g. 1000000)`;

export async function goalStateCommand(argv: string[], emit: (line: object) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      neighbors: { type: 'string', default: '10000' },
      hosts: { type: 'string', default: '1000' },
      repeat: { type: 'string', default: '20' },
      ports: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const neighbors = positive('neighbors', values.neighbors);
  const hosts = positive('hosts', values.hosts);
  const repeat = positive('repeat', values.repeat);
  const line = (phase: string, fields: object): void => emit({ scenario: 'goal-state', phase, ...fields });

  const index = new GoalStateIndex();
  let t = performance.now();
  index.applyAll(vpcScenario('net-0', 100, neighbors, hosts));
  line('seed-build', { neighbors, hosts, ms: round(performance.now() - t) });

  // one new port on a host that already has ports of the VPC
  const seed = measure(repeat, (i) => {
    const port = makePort('net-0', `new-${i}`, `host-${(i + hosts) % hosts}`, ipOf(neighbors + 10 + i));
    const { result, ms, cpuMs } = timed(() => {
      const deltas = index.apply({ kind: 'port', op: 'upsert', port });
      return { hosts: deltas.length, bytes: encodedBytes(deltas) };
    });
    index.apply({ kind: 'port', op: 'delete', id: port.id });
    return { ms, cpuMs, ...result };
  });
  line('seed', { neighbors, hosts, target_ms: 20, ...seed });

  const del = measure(repeat, (i) => {
    const port = makePort('net-0', `del-${i}`, `host-${(i + hosts) % hosts}`, ipOf(neighbors + 10 + i));
    index.apply({ kind: 'port', op: 'upsert', port });
    const { result, ms, cpuMs } = timed(() => {
      const deltas = index.apply({ kind: 'port', op: 'delete', id: port.id });
      return { hosts: deltas.length, bytes: encodedBytes(deltas) };
    });
    return { ms, cpuMs, ...result };
  });
  line('seed-delete', { neighbors, hosts, ...del });

  // the first port of the VPC on a new host: that host needs every neighbor
  const first = measure(Math.min(repeat, 10), (i) => {
    const node = makeNode(`fresh-${i}`, 10_000 + i);
    index.apply({ kind: 'node', op: 'upsert', node });
    const port = makePort('net-0', `first-${i}`, node.node_name, ipOf(neighbors + 2000 + i));
    const { result, ms, cpuMs } = timed(() => {
      const deltas = index.apply({ kind: 'port', op: 'upsert', port });
      return { hosts: deltas.length, bytes: encodedBytes(deltas) };
    });
    index.apply({ kind: 'port', op: 'delete', id: port.id });
    index.apply({ kind: 'node', op: 'delete', id: node.node_id });
    return { ms, cpuMs, ...result };
  });
  line('first-port-on-host', { neighbors, hosts, ...first });

  const full = measure(repeat, () => {
    const { result, ms, cpuMs } = timed(() => {
      const gs = index.fullGoalState('host-0');
      if (!gs) throw new Error('host-0 has no goal state');
      return { bytes: encodeGoalState(gs).length, neighbor_states: Object.keys(gs.neighborStates).length };
    });
    return { ms, cpuMs, hosts: 1, ...result };
  });
  line('full', { neighbors, target_ms: 50, ...full });

  // the same VPC size with every port in a Neutron default group (its rules name the group itself,
  // so each new member changes the group on every host: one per-rule delta per host)
  const sgIndex = new GoalStateIndex();
  sgIndex.applyAll([{ kind: 'securityGroup', op: 'upsert', group: defaultGroup('default') }, ...vpcScenario('net-sg', 200, neighbors, hosts, ['default'])]);
  const sg = measure(Math.min(repeat, 10), (i) => {
    const port = { ...makePort('net-sg', `sg-new-${i}`, `host-${(i + hosts) % hosts}`, ipOf(neighbors + 10 + i)), security_groups: ['default'] };
    const { result, ms, cpuMs } = timed(() => {
      const deltas = sgIndex.apply({ kind: 'port', op: 'upsert', port });
      return { hosts: deltas.length, bytes: encodedBytes(deltas) };
    });
    sgIndex.apply({ kind: 'port', op: 'delete', id: port.id });
    return { ms, cpuMs, ...result };
  });
  line('seed-default-sg', { neighbors, hosts, ...sg });

  // N unbound members of one default group (ports created through the API before any host binds
  // them): a new member changes only the group's own rule list, so its cost must not grow with N
  const joinIndex = new GoalStateIndex();
  joinIndex.applyAll([{ kind: 'securityGroup', op: 'upsert', group: defaultGroup('default') }, ...vpcScenario('net-join', 300, neighbors, 0, ['default'])]);
  const join = measure(repeat, (i) => {
    const port = { ...makePort('net-join', `join-new-${i}`, '', ipOf(neighbors + 10 + i)), security_groups: ['default'] };
    const { result, ms, cpuMs } = timed(() => ({ hosts: joinIndex.apply({ kind: 'port', op: 'upsert', port }).length, bytes: 0 }));
    return { ms, cpuMs, ...result };
  });
  line('join-group-unbound', { members: neighbors, ...join });

  line('heap', heapPer100k(hosts));

  if (values.ports) {
    const ports = positive('ports', values.ports);
    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    const bulk = new GoalStateIndex();
    bulk.applyAll(bulkScenario(ports, hosts));
    const ms = performance.now() - t;
    gc();
    const mem = process.memoryUsage();
    line('bulk', { ports, hosts, ms: round(ms), rss_mb: round(mem.rss / 2 ** 20), rss_delta_mb: round((mem.rss - rssBefore) / 2 ** 20), heap_mb: round(mem.heapUsed / 2 ** 20), host_ids: bulk.hostIds().length });
  }
  return 0;
}

/** One VPC of `n` ports spread evenly over `hosts` hosts, one /16 subnet. */
function* vpcScenario(networkId: string, vni: number, n: number, hosts: number, groups: string[] = []): Iterable<TopologyChange> {
  for (let h = 0; h < hosts; h++) yield { kind: 'node', op: 'upsert', node: makeNode(`host-${h}`, h) };
  yield { kind: 'network', op: 'upsert', network: { id: networkId, project_id: 'bench', name: networkId, 'provider:segmentation_id': vni, revision_number: 1 } };
  yield { kind: 'subnet', op: 'upsert', subnet: { id: `${networkId}-sub`, network_id: networkId, name: 'sub', cidr: '10.0.0.0/8', gateway_ip: '10.0.0.1', enable_dhcp: true, revision_number: 1 } };
  for (let i = 0; i < n; i++) yield { kind: 'port', op: 'upsert', port: { ...makePort(networkId, `${networkId}-p${i}`, hosts > 0 ? `host-${i % hosts}` : '', ipOf(i + 2)), security_groups: groups } };
}

/** `ports` ports in VPCs of 1,000 ports each (the same tenant addresses in every VPC), over `hosts` hosts. */
function* bulkScenario(ports: number, hosts: number): Iterable<TopologyChange> {
  for (let h = 0; h < hosts; h++) yield { kind: 'node', op: 'upsert', node: makeNode(`host-${h}`, h) };
  const perVpc = 1000;
  for (let v = 0; v * perVpc < ports; v++) {
    const net = `net-${v}`;
    yield { kind: 'network', op: 'upsert', network: { id: net, project_id: 'bench', name: net, 'provider:segmentation_id': 1000 + v, revision_number: 1 } };
    yield { kind: 'subnet', op: 'upsert', subnet: { id: `${net}-sub`, network_id: net, name: 'sub', cidr: '10.0.0.0/16', gateway_ip: '10.0.0.1', enable_dhcp: true, revision_number: 1 } };
    for (let i = 0; i < perVpc && v * perVpc + i < ports; i++) {
      yield { kind: 'port', op: 'upsert', port: makePort(net, `${net}-p${i}`, `host-${(v * 7 + i) % hosts}`, ipOf(i + 2)) };
    }
  }
}

function heapPer100k(hosts: number): object {
  const count = 100_000;
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new GoalStateIndex();
  index.applyAll(bulkScenario(count, hosts));
  gc();
  const after = process.memoryUsage().heapUsed;
  const perPort = (after - before) / count;
  const result = { ports: count, hosts, heap_mb: round((after - before) / 2 ** 20), bytes_per_port: Math.round(perPort), alive: index.hostIds().length > 0 };
  return result;
}

/** Neutron's default group: ingress from its own members (IPv4, IPv6), egress anywhere. */
function defaultGroup(id: string): SecurityGroupRecord {
  const rule = (rid: string, direction: 'ingress' | 'egress', ethertype: 'IPv4' | 'IPv6', remote: string | null) => ({
    id: rid, direction, ethertype, protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remote_group_id: remote,
  });
  return { id, name: 'default', revision_number: 1, security_group_rules: [rule(`${id}-in4`, 'ingress', 'IPv4', id), rule(`${id}-in6`, 'ingress', 'IPv6', id), rule(`${id}-out4`, 'egress', 'IPv4', null), rule(`${id}-out6`, 'egress', 'IPv6', null)] };
}

function makeNode(name: string, i: number): NodeRecord {
  return { node_id: `id-${name}`, node_name: name, local_ip: `172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}`, mac_address: mac(0xaa0000 + i), server_port: 50001 };
}

function makePort(networkId: string, id: string, host: string, ip: string): PortRecord {
  return {
    id,
    network_id: networkId,
    mac_address: mac(hash(id)),
    fixed_ips: [{ subnet_id: `${networkId}-sub`, ip_address: ip }],
    'binding:host_id': host,
    revision_number: 1,
    name: id,
    device_id: `vm-${id}`,
    device_owner: 'compute:nova',
    admin_state_up: true,
    security_groups: [],
  };
}

function ipOf(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function mac(n: number): string {
  return `fa:16:3e:${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

interface Sample {
  ms: number;
  cpuMs: number;
  hosts: number;
  bytes: number;
  neighbor_states?: number;
}

/**
 * Runs `fn` once to warm up, then `repeat` times; reports median and worst wall time, the median
 * CPU time of this process (steadier than wall time on a shared machine) and the last sizes.
 */
function measure(repeat: number, fn: (i: number) => Sample): object {
  const first = fn(-1); // cold: nothing encoded yet for these objects, JIT not warm
  const samples: Sample[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const sample = fn(i);
    samples.push(sample);
    cpu.push(sample.cpuMs);
  }
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const last = samples[samples.length - 1];
  return {
    repeat,
    first_ms: round(first.ms),
    median_ms: round(times[Math.floor(times.length / 2)]),
    max_ms: round(times[times.length - 1]),
    median_cpu_ms: round(cpu[Math.floor(cpu.length / 2)]),
    hosts_touched: last.hosts,
    bytes: last.bytes,
    ...(last.neighbor_states === undefined ? {} : { neighbor_states: last.neighbor_states }),
  };
}

/** Wall and CPU time of `fn` (CPU: this process, all threads, so GC work counts too). */
function timed<T>(fn: () => T): { result: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

function encodedBytes(deltas: { goalState: Parameters<typeof encodeGoalState>[0] }[]): number {
  let bytes = 0;
  for (const d of deltas) bytes += encodeGoalState(d.goalState).length;
  return bytes;
}

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function positive(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
  return n;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
