import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { InMemoryMessageBus, MessageBus, PulsarWebSocketMessageBus } from '@alcor/bus';
import { packGoalState, PULSAR_SOUTHBOUND_CHUNK_BYTES } from '@alcor/contracts';
import { Fleet, pulsarAgents, PulsarFakeAgent } from '@alcor/fleet';
import { encodeGoalState, GoalStateIndex, type PortRecord, type TopologyChange } from '@alcor/goal-state';
import { GoalStateV2, OperationStatus, OperationType, ResourceType } from '@alcor/proto';
import { PulsarAgentTransport } from './pulsar-agent-transport';

const wsUrl = process.env.PULSAR_WS_URL;
const httpUrl = process.env.PULSAR_HTTP_URL;

/** One port state (and its VPC) for `host`, as the DPM would push it. */
function portGoalState(portId: string): GoalStateV2 {
  return GoalStateV2.fromPartial({
    formatVersion: 102,
    portStates: { [portId]: { operationType: OperationType.CREATE, configuration: { id: portId, name: portId } } },
  });
}

function port(networkId: string, host: string, n: number): PortRecord {
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return {
    id: randomUUID(),
    network_id: networkId,
    mac_address: `fa:16:3e:${hex((n >> 16) & 255)}:${hex((n >> 8) & 255)}:${hex(n & 255)}`,
    fixed_ips: [{ subnet_id: `${networkId}-sub`, ip_address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }],
    'binding:host_id': host,
    revision_number: 1,
    name: `vm-${n}`,
    device_id: randomUUID(),
    device_owner: 'compute:nova',
    admin_state_up: true,
    security_groups: [],
  };
}

/** The FULL goal state of host-0 in one VPC of `neighbors` ports (UUID ids, as Neutron's) over 10 hosts. */
function bigFullGoalState(neighbors: number): GoalStateV2 {
  const changes: TopologyChange[] = [];
  for (let h = 0; h < 10; h++) changes.push({ kind: 'node', op: 'upsert', node: { node_id: `id-host-${h}`, node_name: `host-${h}`, local_ip: `172.16.0.${h + 1}`, mac_address: `aa:00:00:00:00:${(h + 1).toString(16).padStart(2, '0')}`, server_port: 50001 } });
  changes.push({ kind: 'network', op: 'upsert', network: { id: 'net', project_id: 'p', name: 'net', 'provider:segmentation_id': 100, revision_number: 1 } });
  changes.push({ kind: 'subnet', op: 'upsert', subnet: { id: 'net-sub', network_id: 'net', name: 'sub', cidr: '10.0.0.0/8', gateway_ip: '10.0.0.1', enable_dhcp: true, revision_number: 1 } });
  for (let i = 0; i < neighbors; i++) changes.push({ kind: 'port', op: 'upsert', port: port('net', `host-${(i % 9) + 1}`, i + 2) });
  changes.push({ kind: 'port', op: 'upsert', port: port('net', 'host-0', neighbors + 10) });
  const index = new GoalStateIndex();
  index.applyAll(changes);
  const full = index.fullGoalState('host-0');
  if (!full) throw new Error('host-0 has no goal state');
  return full;
}

describe('10k-neighbor FULL goal state against the Pulsar message limits', () => {
  it('does not fit one WebSocket message raw; gzip and 512 KiB chunks carry it', () => {
    const full = bigFullGoalState(10_000);
    // Every port of the VPC, the host's own included.
    expect(Object.keys(full.neighborStates)).toHaveLength(10_001);
    const raw = encodeGoalState(full);
    const started = Date.now();
    const packed = packGoalState(raw);
    const packMs = Date.now() - started;
    const wire = packed.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    process.stderr.write(`[southbound] 10k-neighbor FULL: raw ${raw.length} B, gzip-1 ${wire} B (${(raw.length / wire).toFixed(1)}x, ${packMs} ms), ${packed.chunks.length} chunk(s); gzip-6 ${gzipSync(raw).length} B\n`);
    expect(raw.length).toBeGreaterThan(PULSAR_SOUTHBOUND_CHUNK_BYTES); // the reason for compressing
    expect(packed.encoding).toBe('gzip');
    expect(wire).toBeLessThan(raw.length / 2);
    for (const chunk of packed.chunks) expect(chunk.length).toBeLessThanOrEqual(PULSAR_SOUTHBOUND_CHUNK_BYTES);
  });
});

type BusKind = 'in-memory' | 'pulsar';
const busKinds: BusKind[] = ['in-memory', ...(wsUrl ? (['pulsar'] as const) : [])];

describe.each(busKinds)('PulsarAgentTransport with PulsarFakeAgent on the %s bus', (kind) => {
  jest.setTimeout(120_000);
  // On Pulsar a namespace per run, deleted afterwards.
  const namespace = kind === 'pulsar' ? `alcor-test/southbound-${randomBytes(4).toString('hex')}` : 'alcor/hosts';
  let bus: MessageBus;
  let fleet: Fleet;
  let transport: PulsarAgentTransport;
  let a: PulsarFakeAgent, b: PulsarFakeAgent;
  const addressOf = (agent: PulsarFakeAgent) => `${agent.ip}:${agent.port}`;

  beforeAll(async () => {
    bus = kind === 'pulsar' && wsUrl ? await PulsarWebSocketMessageBus.connect({ wsUrl, httpUrl, connectTimeoutMs: 10_000 }) : new InMemoryMessageBus();
    fleet = await Fleet.start(2, { prefix: `sb-${randomBytes(3).toString('hex')}`, createAgent: pulsarAgents({ bus, namespace }) });
    [a, b] = fleet.agents as PulsarFakeAgent[];
    const hosts = new Map(fleet.agents.map((agent) => [`${agent.ip}:${agent.port}`, agent.nodeName]));
    transport = new PulsarAgentTransport(bus, { hostOf: (address) => hosts.get(address), namespace, replySubscription: `dpm-${randomBytes(3).toString('hex')}` });
  });
  afterAll(async () => {
    transport?.close();
    await fleet?.stop();
    await bus?.close();
    if (kind === 'pulsar') {
      const base = (httpUrl ?? String(wsUrl).replace(/^ws(s?):/, 'http$1:')).replace(/\/+$/, '');
      await fetch(`${base}/admin/v2/namespaces/${namespace}?force=true`, { method: 'DELETE' }).catch(() => undefined);
    }
  });

  it("delivers a push on the host's topic with its generation and kind; the reply resolves it", async () => {
    const portId = randomUUID();
    const outcome = await transport.push(addressOf(a), portGoalState(portId), 7, 'delta', 10_000);
    expect(outcome.reply.operationStatuses).toEqual([expect.objectContaining({ resourceId: portId, resourceType: ResourceType.PORT, operationStatus: OperationStatus.SUCCESS })]);
    expect(outcome.bytes).toBeGreaterThan(0);
    expect(a.state.ids('portStates')).toEqual([portId]);
    expect(a.received.map((p) => [p.generation, p.kind])).toEqual([[7, 'delta']]);
    expect(b.received).toHaveLength(0);
  });

  it('reports a failing resource as the agent answers it', async () => {
    const portId = randomUUID();
    b.failResource(portId);
    const outcome = await transport.push(addressOf(b), portGoalState(portId), 1, 'full', 10_000);
    expect(outcome.reply.operationStatuses[0]?.operationStatus).toBe(OperationStatus.FAILURE);
  });

  it('fails a push the agent does not answer within the deadline, like a gRPC deadline', async () => {
    a.setSilent(true);
    try {
      await expect(transport.push(addressOf(a), portGoalState(randomUUID()), 8, 'delta', 300)).rejects.toThrow(/no reply within 300 ms/);
    } finally {
      a.setSilent(false);
    }
    // The next push is answered again.
    await expect(transport.push(addressOf(a), GoalStateV2.fromPartial({}), 8, 'heartbeat', 10_000)).resolves.toBeDefined();
  });

  it('rejects a push to an address no host has', async () => {
    await expect(transport.push('127.9.9.9:1', GoalStateV2.fromPartial({}), 1, 'heartbeat', 1000)).rejects.toThrow(/no host known/);
  });

  it('carries a 10k-neighbor FULL state compressed and chunked, and the agent applies all of it', async () => {
    const full = bigFullGoalState(10_000);
    const started = Date.now();
    const outcome = await transport.push(addressOf(b), full, 2, 'full', 30_000);
    process.stderr.write(`[southbound] ${kind}: 10k-neighbor FULL pushed and acked in ${Date.now() - started} ms, ${outcome.bytes} B on the wire\n`);
    expect(outcome.bytes).toBeLessThan(encodeGoalState(full).length);
    expect(b.state.size('neighborStates')).toBe(10_001);
    expect(outcome.reply.operationStatuses.filter((s) => s.resourceType === ResourceType.NEIGHBOR)).toHaveLength(10_001);
  });
});

if (!wsUrl && process.env.CI === 'true') {
  describe('PulsarAgentTransport on Apache Pulsar', () => {
    it('needs a broker in CI', () => {
      throw new Error('PULSAR_WS_URL is not set but CI=true: start deploy/local/pulsar.sh up and export PULSAR_WS_URL and PULSAR_HTTP_URL');
    });
  });
} else if (!wsUrl) {
  process.stderr.write('PulsarAgentTransport: the Pulsar variant is skipped (PULSAR_WS_URL not set); the in-memory bus variant ran\n');
}
