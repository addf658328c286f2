import { randomBytes } from 'node:crypto';
import { MessageBus, PulsarWebSocketMessageBus } from '@alcor/bus';
import { FakeAgent, pulsarAgents } from '@alcor/fleet';
import { storeKinds, waitFor } from '@alcor/testing';
import { DataPlaneFixture, DataPlaneVariant } from './data-plane-fixture';
import { Body } from './standalone-fixture';

/**
 * The DPM's core agent cases once per southbound: gRPC pushes (ACA's) and DPM_SOUTHBOUND=pulsar
 * (per-host topics, reply topic, agents consuming over Pulsar). The gRPC-only details (barrier,
 * on-demand) stay in data-plane.e2e.spec.ts; the NCM role (agent restart) is gRPC in both.
 */
const wsUrl = process.env.PULSAR_WS_URL;
const httpUrl = process.env.PULSAR_HTTP_URL;
type Southbound = 'grpc' | 'pulsar';
const southbounds: Southbound[] = ['grpc', ...(wsUrl ? (['pulsar'] as const) : [])];
const cases = storeKinds().flatMap((kind) => southbounds.map((southbound) => [kind, southbound] as const));

/** Force-deletes a test namespace with its topics and subscriptions (the test broker allows it). */
async function deleteNamespace(namespace: string): Promise<void> {
  const base = (httpUrl ?? String(wsUrl).replace(/^ws(s?):/, 'http$1:')).replace(/\/+$/, '');
  await fetch(`${base}/admin/v2/namespaces/${namespace}?force=true`, { method: 'DELETE' }).catch(() => undefined);
}

const hasPort = (agent: FakeAgent, portId: string) => agent.state.has('portStates', portId);
const hasNeighbor = (agent: FakeAgent, portId: string) => agent.state.ids('neighborStates').some((key) => key.endsWith(portId));

describe.each(cases)('data-plane manager agents on %s over %s', (kind, southbound) => {
  let f: DataPlaneFixture;
  let bus: MessageBus | undefined;
  let namespace: string | undefined;
  let network: Body;
  let a: FakeAgent, b: FakeAgent;

  beforeAll(async () => {
    let variant: DataPlaneVariant = {};
    if (southbound === 'pulsar' && wsUrl) {
      // A namespace per run (deleted afterwards): host topics and subscriptions start empty.
      namespace = `alcor-test/southbound-e2e-${randomBytes(4).toString('hex')}`;
      bus = await PulsarWebSocketMessageBus.connect({ wsUrl, httpUrl, connectTimeoutMs: 10_000 });
      variant = {
        fleet: { prefix: `sb${kind}-${randomBytes(3).toString('hex')}`, createAgent: pulsarAgents({ bus, namespace }) },
        environment: { DPM_SOUTHBOUND: 'pulsar', DPM_SOUTHBOUND_NAMESPACE: namespace, PULSAR_WS_URL: wsUrl, PULSAR_HTTP_URL: httpUrl, DPM_PUSH_TIMEOUT_MS: 1000 },
      };
    }
    f = await DataPlaneFixture.start(kind, 2, variant);
    [a, b] = f.fleet.agents;
    await f.registerFleet();
    ({ network } = await f.network('10.61.0.0/24'));
  }, 120_000);
  afterAll(async () => {
    await f?.close();
    await bus?.close();
    if (namespace) await deleteNamespace(namespace);
  }, 120_000);

  it('ports are DOWN until their host acked them, then ACTIVE; each host has its ports and the others as neighbors', async () => {
    const mine = await f.createPort(network.id, a.nodeName);
    const theirs = await f.createPort(network.id, b.nodeName);
    expect([mine.status, theirs.status]).toEqual(['DOWN', 'DOWN']);
    await f.waitForStatus(mine.id, 'ACTIVE');
    await f.waitForStatus(theirs.id, 'ACTIVE');
    await waitFor(() => hasPort(a, mine.id) && hasNeighbor(a, theirs.id) && hasPort(b, theirs.id) && hasNeighbor(b, mine.id), 5000, 'goal states on a and b');
    expect(a.state.ids('portStates')).toEqual([mine.id]);
    expect(a.pushes().every((p) => p.generation > 0)).toBe(true);
  });

  it('marks a port ERROR when its agent reports FAILURE for it', async () => {
    const created = await f.api.post<{ port: Body }>('/v2.0/ports', { port: { network_id: network.id, name: 'will-fail' } });
    const id = String(created.body.port.id);
    b.failResource(id);
    await f.api.put(`/v2.0/ports/${id}`, { port: { 'binding:host_id': b.nodeName } });
    await f.waitForStatus(id, 'ERROR');
    b.clearFailures();
  });

  it('turns the ports of a silent agent DOWN, and ACTIVE again with a full state when it answers', async () => {
    const port = await f.createPort(network.id, a.nodeName);
    await f.waitForStatus(port.id, 'ACTIVE');
    a.setSilent(true);
    try {
      await f.waitForStatus(port.id, 'DOWN', 15000);
    } finally {
      a.setSilent(false);
    }
    const before = a.received.length;
    await f.waitForStatus(port.id, 'ACTIVE', 15000);
    await waitFor(() => a.received.slice(before).some((p) => p.kind === 'full' && p.goalState.portStates[port.id] !== undefined), 5000, 'a full push after the silence');
  }, 120_000);

  it('gives a restarted agent (AGENT_RESTARTED) its full state back', async () => {
    const expected = b.state.ids('portStates');
    expect(expected.length).toBeGreaterThan(0);
    const reply = await b.restart();
    expect(reply.operationStatuses.map((s) => s.operationStatus)).toEqual([0]); // SUCCESS
    expect(b.state.ids('portStates')).toEqual(expected);
    expect(b.received[b.received.length - 1]?.kind).toBe('full');
  });

  it('after a DPM restart pushes every agent its full state and keeps delivering', async () => {
    const marks = f.fleet.agents.map((agent) => agent.received.length);
    const before = f.fleet.agents.map((agent) => agent.state.ids('portStates'));
    await f.restart();
    await Promise.all(f.fleet.agents.map((agent, i) => agent.waitFor((x) => x.received.slice(marks[i]).some((p) => p.kind === 'full'), 15000, 'a full push')));
    expect(f.fleet.agents.map((agent) => agent.state.ids('portStates'))).toEqual(before);
    const fresh = await f.createPort(network.id, b.nodeName);
    await f.waitForStatus(fresh.id, 'ACTIVE', 15000);
    await waitFor(() => hasNeighbor(a, fresh.id), 5000, 'the new neighbor on a');
  }, 120_000);
});

if (!wsUrl && process.env.CI === 'true') {
  describe('data-plane manager agents over Pulsar', () => {
    it('needs a broker in CI', () => {
      throw new Error('CI=true but PULSAR_WS_URL is not set: start deploy/local/pulsar.sh up and export PULSAR_WS_URL and PULSAR_HTTP_URL');
    });
  });
} else if (!wsUrl) {
  process.stderr.write('data-plane southbound suite: the Pulsar variant is skipped (PULSAR_WS_URL not set); the gRPC variant runs\n');
}
