import { FakeAgent } from '@alcor/fleet';
import { OperationType, RouterState } from '@alcor/proto';
import { storeKinds, waitFor } from '@alcor/testing';
import { DataPlaneFixture } from './data-plane-fixture';
import { externalNetwork, FipBody, routedNetwork } from './l3-fixture';
import { Body, PortBody } from './standalone-fixture';

// Floating IPs reach the hosts: the 1:1 mapping is programmed only on the host of the fixed port,
// in its router state (RouterConfiguration.floating_ips, extension field 100), and follows the
// association; a DPM restart rebuilds it from the store.

type Barrier = { resource: { revision_number: number; applied: boolean; hosts: { host_id: string; applied: boolean }[] } };

describe.each(storeKinds())('floating IPs on the data plane (standalone, %s)', (kind) => {
  let f: DataPlaneFixture;
  let a: FakeAgent, b: FakeAgent, c: FakeAgent;
  let routerId: string;
  let extSubnet: Body;
  let pa: PortBody, pb: PortBody, pc: PortBody;
  let fip: FipBody;
  let floatingMac: string;

  const routerOf = (agent: FakeAgent) => agent.state.get<RouterState>('routerStates', routerId);
  const fipsOn = (agent: FakeAgent) => (routerOf(agent)?.configuration?.floatingIps ?? []).map((x) => `${x.floatingIpAddress}->${x.fixedIpAddress}@${x.portId}`);
  const mapping = (port: PortBody) => `${fip.floating_ip_address}->${port.fixed_ips[0].ip_address}@${port.id}`;
  /** Pushes since `marks` that carried a router state, per agent. */
  const routerPushes = (marks: number[]) => f.fleet.agents.map((agent, i) => agent.received.slice(marks[i]).filter((p) => p.kind !== 'heartbeat' && Object.keys(p.goalState.routerStates).length > 0).length);
  const marks = () => f.fleet.agents.map((agent) => agent.received.length);

  /** The hosts the change of that revision touched, once every one of them acked it (the outbox relay is asynchronous). */
  async function applied(changed: FipBody): Promise<string[]> {
    const r = await waitFor(async () => {
      const res = await f.api.get<Barrier>(`/network-configuration/resources/floatingips/${changed.id}`);
      return res.status === 200 && res.body.resource.revision_number >= changed.revision_number && res.body.resource.applied && res.body.resource;
    }, 8000, `floating IP revision ${changed.revision_number} applied`);
    return r.hosts.map((h) => h.host_id).sort();
  }

  async function associate(portId: string | null): Promise<FipBody> {
    const res = await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: portId } });
    expect(res.status).toBe(200);
    return res.body.floatingip;
  }

  beforeAll(async () => {
    f = await DataPlaneFixture.start(kind, 3);
    [a, b, c] = f.fleet.agents;
    await f.registerFleet();
    const ext = await externalNetwork(f.api, '198.51.100.0/24');
    extSubnet = ext.subnet;
    const routed = await routedNetwork(f.api, '10.62.0.0/24', ext.network.id);
    routerId = routed.router.id;
    pa = await f.createPort(routed.network.id, a.nodeName);
    pb = await f.createPort(routed.network.id, b.nodeName);
    pc = await f.createPort(routed.network.id, c.nodeName);
    await Promise.all([pa, pb, pc].map((p) => f.waitForStatus(p.id, 'ACTIVE')));
    // every host holds the router (a port on its subnet), none a floating IP yet
    await waitFor(() => f.fleet.agents.every((agent) => routerOf(agent) !== undefined), 30_000, 'the router on every host');
    const created = await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } });
    expect(created.status).toBe(201);
    fip = created.body.floatingip;
    floatingMac = (await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?device_id=${fip.id}`)).body.ports[0].mac_address as string;
    expect(await applied(fip)).toEqual([]); // unassociated: on no host
  }, 120_000);
  afterAll(() => f?.close(), 30000);

  it('associate with a port on host A: A gets the mapping in its router state, no other host a router delta', async () => {
    const before = marks();
    const associated = await associate(pa.id);
    expect(associated).toMatchObject({ port_id: pa.id, router_id: routerId });
    expect(await applied(associated)).toEqual([a.nodeName]);
    await waitFor(() => fipsOn(a).length === 1, 30_000, 'the mapping on A');
    expect(fipsOn(a)).toEqual([mapping(pa)]);
    const state = routerOf(a);
    expect(state?.operationType).toBe(OperationType.UPDATE);
    expect(state?.configuration?.floatingIps[0]).toMatchObject({
      id: fip.id,
      floatingNetworkId: fip.floating_network_id,
      floatingSubnetId: extSubnet.id,
      floatingGatewayIp: extSubnet.gateway_ip,
      floatingMacAddress: floatingMac,
      routerId,
    });
    expect(routerPushes(before)).toEqual([1, 0, 0]);
    expect([fipsOn(b), fipsOn(c)]).toEqual([[], []]);
  });

  it('disassociate: gone from A, nothing sent elsewhere', async () => {
    const before = marks();
    const disassociated = await associate(null);
    expect(disassociated.port_id).toBeNull();
    expect(await applied(disassociated)).toEqual([a.nodeName]);
    await waitFor(() => fipsOn(a).length === 0, 30_000, 'the mapping gone from A');
    expect(routerOf(a)).toBeDefined(); // the router stays: only its floating IP went
    expect(routerPushes(before)).toEqual([1, 0, 0]);
  });

  it('re-associate with a port on host B: B has it, A does not, C heard nothing', async () => {
    const before = marks();
    expect(await applied(await associate(pb.id))).toEqual([b.nodeName]);
    await waitFor(() => fipsOn(b).length === 1, 30_000, 'the mapping on B');
    expect(fipsOn(b)).toEqual([mapping(pb)]);
    expect(fipsOn(a)).toEqual([]);
    expect(routerPushes(before)).toEqual([0, 1, 0]);
  });

  it('moving straight from B to a port on C updates exactly B and C', async () => {
    const before = marks();
    expect(await applied(await associate(pc.id))).toEqual([b.nodeName, c.nodeName].sort());
    await waitFor(() => fipsOn(c).length === 1 && fipsOn(b).length === 0, 30_000, 'the mapping moved to C');
    expect(fipsOn(c)).toEqual([mapping(pc)]);
    expect(routerPushes(before)).toEqual([0, 1, 1]);
  });

  it('a DPM restart rebuilds the mapping from the store; deleting the fixed port then removes it', async () => {
    const before = marks();
    await f.restart();
    await Promise.all(f.fleet.agents.map((agent, i) => agent.waitFor((x) => x.received.slice(before[i]).some((p) => p.kind === 'full'), 8000, 'a full push')));
    expect(f.fleet.agents.map(fipsOn)).toEqual([[], [], [mapping(pc)]]);

    // Neutron disassociates the floating IPs of a deleted port (in the same transaction here)
    expect((await f.api.delete(`/v2.0/ports/${pc.id}`)).status).toBe(204);
    await waitFor(() => routerOf(c) === undefined, 30_000, 'C without the router (its only port went)');
    expect((await f.api.get<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`)).body.floatingip.port_id).toBeNull();
    expect(f.fleet.agents.map(fipsOn)).toEqual([[], [], []]);
  }, 60_000);
});
