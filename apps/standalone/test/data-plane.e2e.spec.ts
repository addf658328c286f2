import { MESSAGE_BUS, MessageBus, publishJson } from '@alcor/bus';
import { PortStatusEvent, TOPICS } from '@alcor/contracts';
import { FakeAgent } from '@alcor/fleet';
import { OperationType } from '@alcor/proto';
import { storeKinds, waitFor } from '@alcor/testing';
import { DataPlaneFixture } from './data-plane-fixture';
import { Body, PortBody } from './standalone-fixture';

type SyncStatus = { nb_cfg: number; hosts: { host_id: string; desired_generation: number; acked_generation: number; hv_cfg: number; state: string }[] };
type Barrier = { resource: { applied: boolean; nb_cfg: number; hosts: { host_id: string; applied: boolean }[] } };

const hasPort = (agent: FakeAgent, portId: string) => agent.state.has('portStates', portId);
const hasNeighbor = (agent: FakeAgent, portId: string) => agent.state.ids('neighborStates').some((key) => key.endsWith(portId));

describe.each(storeKinds())('data-plane manager in standalone on %s', (kind) => {
  let f: DataPlaneFixture;
  let network: Body;
  let a: FakeAgent, b: FakeAgent, c: FakeAgent;
  const ports: PortBody[] = [];

  beforeAll(async () => {
    f = await DataPlaneFixture.start(kind, 3);
    [a, b, c] = f.fleet.agents;
    await f.registerFleet();
    ({ network } = await f.network('10.60.0.0/24'));
  }, 120_000);
  afterAll(() => f?.close(), 30000);

  it('pushes each bound port to its host and as a neighbor to the other hosts of the VPC; DOWN until acked, then ACTIVE', async () => {
    ports.push(await f.createPort(network.id, a.nodeName), await f.createPort(network.id, a.nodeName), await f.createPort(network.id, b.nodeName));
    expect(ports.map((p) => p.status)).toEqual(['DOWN', 'DOWN', 'DOWN']);
    const active = await Promise.all(ports.map((p) => f.waitForStatus(p.id, 'ACTIVE')));
    // Neutron bumps the revision on a status change.
    expect(active.map((p) => p.revision_number)).toEqual(ports.map((p) => p.revision_number + 1));

    await waitFor(() => hasPort(a, ports[0].id) && hasPort(a, ports[1].id) && hasNeighbor(a, ports[2].id) && hasPort(b, ports[2].id) && hasNeighbor(b, ports[0].id) && hasNeighbor(b, ports[1].id), 5000, 'goal states on a and b');
    expect(a.state.ids('portStates')).toEqual([ports[0].id, ports[1].id].sort());
    expect(b.state.ids('portStates')).toEqual([ports[2].id]);
    expect(a.state.size('subnetStates')).toBe(1);
    expect(a.state.ids('vpcStates')).toEqual([network.id]);
    // c has no port of the VPC: nothing of it.
    expect(c.state.size('portStates') + c.state.size('neighborStates') + c.state.size('vpcStates')).toBe(0);
    const created = a.pushes().flatMap((p) => Object.values(p.goalState.portStates)).find((s) => s.configuration?.id === ports[0].id);
    expect(created?.operationType).toBe(OperationType.CREATE);
  });

  it('reports the barrier: nb_cfg, per host generations and hv_cfg, and applied per resource', async () => {
    const status = await waitFor(async () => {
      const body = (await f.api.get<SyncStatus>('/network-configuration/sync-status')).body;
      return body.hosts.length === 3 && body.hosts.every((h) => h.acked_generation === h.desired_generation && h.hv_cfg === body.nb_cfg && h.state === 'up') && body;
    }, 5000, 'all hosts in sync');
    expect(status.nb_cfg).toBeGreaterThan(0);
    expect(status.hosts.map((h) => h.host_id).sort()).toEqual([a.nodeName, b.nodeName, c.nodeName].sort());

    const barrier = (await f.api.get<Barrier>(`/network-configuration/resources/ports/${ports[2].id}`)).body.resource;
    expect(barrier.applied).toBe(true);
    expect(barrier.hosts.map((h) => h.host_id).sort()).toEqual([a.nodeName, b.nodeName].sort());
    expect((await f.api.get(`/network-configuration/resources/ports/${'0'.repeat(8)}-0000-0000-0000-000000000000`)).status).toBe(404);
    expect((await f.api.get(`/network-configuration/resources/widgets/x`)).status).toBe(404);

    // While a host holds back its ack, the change is not applied there.
    const barrierOf = async (id: string) => (await f.api.get<Barrier>(`/network-configuration/resources/ports/${id}`)).body.resource as Barrier['resource'] | undefined;
    b.setSilent(true);
    let pending: PortBody;
    try {
      pending = await f.createPort(network.id, a.nodeName);
      ports.push(pending);
      await waitFor(async () => {
        const r = await barrierOf(pending.id);
        return r !== undefined && r.hosts.some((h) => h.host_id === b.nodeName && !h.applied) && !r.applied;
      }, 3000, 'the barrier waiting for b');
    } finally {
      b.setSilent(false);
    }
    await waitFor(async () => (await barrierOf(pending.id))?.applied, 8000, 'the barrier applied');
    await f.waitForStatus(pending.id, 'ACTIVE');
  });

  it('marks a port ERROR when its host reports FAILURE for it', async () => {
    const port = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, name: 'will-fail' } });
    b.failResource(port.body.port.id);
    await f.api.put(`/v2.0/ports/${port.body.port.id}`, { port: { 'binding:host_id': b.nodeName } });
    const failed = await f.waitForStatus(port.body.port.id, 'ERROR');
    expect(failed['binding:host_id']).toBe(b.nodeName);
    ports.push(failed);
  });

  it('turns the ports of a silent host DOWN and back ACTIVE with a full resync when it answers again', async () => {
    const port = await f.createPort(network.id, c.nodeName);
    await f.waitForStatus(port.id, 'ACTIVE');
    ports.push(port);
    c.setSilent(true);
    await f.waitForStatus(port.id, 'DOWN');
    const down = (await f.api.get<SyncStatus>('/network-configuration/sync-status')).body.hosts.find((h) => h.host_id === c.nodeName);
    expect(down?.state).toBe('down');
    const before = c.received.length;
    c.setSilent(false);
    await f.waitForStatus(port.id, 'ACTIVE');
    expect(c.received.slice(before).some((p) => p.kind === 'full' && p.goalState.portStates[port.id] !== undefined)).toBe(true);
  });

  it('applies a redelivered port status once (the port manager consumer is idempotent)', async () => {
    const port = await f.port(ports[0].id);
    expect(port.status).toBe('ACTIVE');
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    const event: PortStatusEvent = { schemaVersion: 1, eventId: 'dup-1', portId: port.id, status: 'ACTIVE', hostId: a.nodeName, generation: 1, reason: 'acked', occurredAt: new Date().toISOString() };
    for (let i = 0; i < 3; i++) await publishJson(bus, TOPICS.portStatusEvents, event, { key: port.id });
    const probe = await f.createPort(network.id, a.nodeName);
    await f.waitForStatus(probe.id, 'ACTIVE');
    ports.push(probe);
    expect((await f.port(port.id)).revision_number).toBe(port.revision_number);
  });

  it('answers AGENT_RESTARTED with the full goal state and ON_DEMAND with the destination neighbor', async () => {
    const expected = a.state.ids('portStates');
    const reply = await a.restart();
    expect(reply.operationStatuses.map((s) => s.operationStatus)).toEqual([0]); // SUCCESS
    expect(a.state.ids('portStates')).toEqual(expected);
    expect(a.received[a.received.length - 1]?.kind).toBe('full');

    const vni = Number(network['provider:segmentation_id']);
    const target = ports[2];
    const before = a.received.length;
    const found = await a.requestOnDemand(vni, target.fixed_ips[0].ip_address, 'req-1');
    expect(found.operationStatuses).toEqual([{ requestId: 'req-1', operationStatus: 0 }]);
    const pushed = a.received.slice(before).find((p) => Object.values(p.goalState.neighborStates).some((n) => n.configuration?.id === target.id));
    expect(pushed).toBeDefined();
    const missing = await a.requestOnDemand(vni, '10.60.0.250', 'req-2');
    expect(missing.operationStatuses).toEqual([{ requestId: 'req-2', operationStatus: 1 }]); // FAILURE
  });

  it('after a DPM restart rebuilds the index, gives every agent its full state and changes no port', async () => {
    // Let the last status updates settle (their port events also reach the DPM).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const snapshot = (agent: FakeAgent) => ({ ports: agent.state.ids('portStates'), neighbors: agent.state.ids('neighborStates'), subnets: agent.state.ids('subnetStates') });
    const before = f.fleet.agents.map(snapshot);
    const stored = await Promise.all(ports.map((p) => f.port(p.id)));
    const marks = f.fleet.agents.map((agent) => agent.received.length);

    await f.restart();
    await Promise.all(f.fleet.agents.map((agent, i) => agent.waitFor((x) => x.received.slice(marks[i]).some((p) => p.kind === 'full'), 8000, 'a full push')));
    expect(f.fleet.agents.map(snapshot)).toEqual(before);

    // Nothing re-applied: statuses and revisions as before (the acks confirm what the store says).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await Promise.all(ports.map((p) => f.port(p.id)));
    expect(after.map((p) => [p.status, p.revision_number])).toEqual(stored.map((p) => [p.status, p.revision_number]));

    // A host that stops failing the port and resyncs (agent restart) turns it ACTIVE.
    b.clearFailures();
    await b.restart();
    await f.waitForStatus(ports[4].id, 'ACTIVE');

    // And it keeps working: a new port after the restart.
    const fresh = await f.createPort(network.id, b.nodeName);
    await f.waitForStatus(fresh.id, 'ACTIVE');
    await waitFor(() => hasNeighbor(a, fresh.id) && hasNeighbor(c, fresh.id), 5000, 'the new neighbor on a and c');
  }, 120_000);
});
