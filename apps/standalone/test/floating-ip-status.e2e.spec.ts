import { MESSAGE_BUS, MessageBus, publishJson } from '@alcor/bus';
import { FloatingIpStatusEvent, TOPICS } from '@alcor/contracts';
import { FakeAgent, ReceivedPush } from '@alcor/fleet';
import { OperationStatus, RouterState } from '@alcor/proto';
import { storeKinds, waitFor } from '@alcor/testing';
import { DataPlaneFixture } from './data-plane-fixture';
import { externalNetwork, FipBody, routedNetwork } from './l3-fixture';
import { PortBody } from './standalone-fixture';

// A floating IP's status follows the data plane, as Neutron users expect: DOWN while unassociated,
// ACTIVE only once the fixed port's host acked the router state carrying the mapping, DOWN again on
// disassociate (at once) or when that host falls silent, ERROR when the host fails to apply it.

describe.each(storeKinds())('floating-IP status from the data plane (standalone, %s)', (kind) => {
  let f: DataPlaneFixture;
  let a: FakeAgent, b: FakeAgent;
  let routerId: string;
  let pa: PortBody, pb: PortBody;
  let fip: FipBody;

  const get = async () => (await f.api.get<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`)).body.floatingip;
  const waitForStatus = (status: string, timeoutMs = 30_000) =>
    waitFor(async () => {
      const current = await get();
      return current.status === status && current;
    }, timeoutMs, `floating IP ${status}`);
  async function associate(portId: string | null): Promise<FipBody> {
    const res = await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: portId } });
    expect(res.status).toBe(200);
    return res.body.floatingip;
  }
  const carriesFip = (p: ReceivedPush) => (p.goalState.routerStates[routerId] as RouterState | undefined)?.configuration?.floatingIps.some((x) => x.id === fip.id) ?? false;
  const carries = (agent: FakeAgent, from: number) => agent.received.slice(from).some(carriesFip);
  const settle = (ms = 700) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    f = await DataPlaneFixture.start(kind, 2);
    [a, b] = f.fleet.agents;
    await f.registerFleet();
    const ext = await externalNetwork(f.api, '198.51.100.0/24');
    const routed = await routedNetwork(f.api, '10.63.0.0/24', ext.network.id);
    routerId = routed.router.id;
    pa = await f.createPort(routed.network.id, a.nodeName);
    pb = await f.createPort(routed.network.id, b.nodeName);
    await Promise.all([pa, pb].map((p) => f.waitForStatus(p.id, 'ACTIVE')));
    const created = await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } });
    expect(created.status).toBe(201);
    fip = created.body.floatingip;
  }, 120_000);
  afterAll(() => f?.close(), 30000);

  it('unassociated: DOWN', async () => {
    expect(fip.status).toBe('DOWN');
    await settle(300);
    expect((await get()).status).toBe('DOWN');
  });

  it('associate: DOWN while the host holds its ack, ACTIVE once it answered', async () => {
    const mark = a.received.length;
    // Hold only the push that carries the mapping: were A silent to heartbeats too, a heartbeat in
    // flight could time out first, and the DPM then probes with empty pushes until A answers.
    a.setSilent(true, carriesFip);
    const associated = await associate(pa.id);
    expect(associated).toMatchObject({ port_id: pa.id, status: 'DOWN' });
    await waitFor(() => carries(a, mark), 30_000, 'the mapping pushed to A');
    await settle(); // past the push deadline: still no verdict
    expect((await get()).status).toBe('DOWN');
    a.setSilent(false);
    const active = await waitForStatus('ACTIVE');
    expect(active.revision_number).toBeGreaterThan(associated.revision_number); // a status change is a revision, as Neutron
    expect(active.port_id).toBe(pa.id);
  });

  it('a silent host turns it DOWN, and ACTIVE again when the host answers', async () => {
    a.setSilent(true);
    await waitForStatus('DOWN');
    a.setSilent(false);
    await waitForStatus('ACTIVE');
  });

  it('disassociate: DOWN at once; a late ACTIVE about the old association does not win', async () => {
    const disassociated = await associate(null);
    expect(disassociated).toMatchObject({ port_id: null, status: 'DOWN' });
    await settle(300);
    expect((await get()).status).toBe('DOWN');

    // associated with the same port again while its host holds the ack; then a report about the
    // first association arrives late (it names that association's revision): it must not win
    a.setSilent(true);
    const again = await associate(pa.id);
    expect(again.status).toBe('DOWN');
    const late: FloatingIpStatusEvent = {
      schemaVersion: 1,
      eventId: 'late-1',
      floatingIpId: fip.id,
      status: 'ACTIVE',
      portId: pa.id,
      revision: disassociated.revision_number - 1,
      hostId: a.nodeName,
      generation: 1,
      reason: 'acked',
      occurredAt: new Date().toISOString(),
    };
    await publishJson(f.service.app.get<MessageBus>(MESSAGE_BUS), TOPICS.floatingIpStatusEvents, late, { key: fip.id });
    await settle(400);
    expect(await get()).toMatchObject({ status: 'DOWN', revision_number: again.revision_number });
    a.setSilent(false);
    await waitForStatus('ACTIVE');
  });

  it('re-associate with a port on a host that fails the router state: ERROR; then to a healthy host: ACTIVE', async () => {
    b.failResource(routerId, OperationStatus.FAILURE);
    try {
      expect((await associate(pb.id)).status).toBe('DOWN');
      expect((await waitForStatus('ERROR')).port_id).toBe(pb.id);
    } finally {
      b.clearFailures();
    }
    expect((await associate(pa.id)).status).toBe('DOWN');
    await waitForStatus('ACTIVE');
  });

  it('deleting the fixed port disassociates it: DOWN', async () => {
    expect((await f.api.delete(`/v2.0/ports/${pa.id}`)).status).toBe(204);
    const after = await waitFor(async () => {
      const current = await get();
      return current.port_id === null && current;
    }, 30_000, 'the floating IP disassociated');
    expect(after.status).toBe('DOWN');
    await settle(400);
    expect((await get()).status).toBe('DOWN');
  });
});
