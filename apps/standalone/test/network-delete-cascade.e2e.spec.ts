import { decodeJson, MESSAGE_BUS, MessageBus } from '@alcor/bus';
import { ResourceEvent, TOPICS } from '@alcor/contracts';
import { storeKinds, waitFor } from '@alcor/testing';
import { Body, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

type Fault = { NeutronError: { type: string; message: string } };
type Usage = { quota: Record<string, { used: number; limit: number }> };
type NetworkBody = Body & { 'provider:segmentation_id': number; subnets: string[] };

describe.each(storeKinds())("network delete takes its subnets and network:dhcp ports along on %s", (kind) => {
  let f: StandaloneFixture;
  const events: ResourceEvent<unknown>[] = [];

  beforeAll(async () => {
    // Two VNIs only: a network delete that did not free its VNI would starve the next create.
    f = await startStandalone(kind, { VNI_RANGES: '700:701', QUOTA_SUBNET: 3 });
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    const options = { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' } as const;
    for (const topic of [TOPICS.networkEvents, TOPICS.subnetEvents, TOPICS.portEvents]) {
      await bus.subscribe(topic, `cascade-${topic}-${Date.now()}`, options, (m) => void events.push(decodeJson(m) as ResourceEvent<unknown>));
    }
  });
  afterAll(() => f?.service.close());

  const network = async (name: string) => {
    const res = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name } });
    if (res.status !== 201) throw new Error(`network create failed: ${JSON.stringify(res.body)}`);
    return res.body.network;
  };
  const subnet = async (networkId: string, body: Record<string, unknown>) => {
    const res = await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: networkId, ...body } });
    if (res.status !== 201) throw new Error(`subnet create failed: ${JSON.stringify(res.body)}`);
    return res.body.subnet;
  };
  const port = async (networkId: string, extra: Record<string, unknown> = {}) => {
    const res = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: networkId, ...extra } });
    if (res.status !== 201) throw new Error(`port create failed: ${JSON.stringify(res.body)}`);
    return res.body.port;
  };
  const usedSubnets = async () => (await f.api.get<Usage>('/v2.0/quotas/fake_project_id/details')).body.quota.subnet.used;

  it('refuses with NetworkInUse while a user port remains, changing nothing; then deletes subnets, DHCP port and network in one request', async () => {
    const net = await network('cascade');
    const v4 = await subnet(net.id, { ip_version: 4, cidr: '10.60.0.0/24' });
    const v6 = await subnet(net.id, { ip_version: 6, cidr: 'fd00:60::/64' });
    const dhcp = await port(net.id, { device_owner: 'network:dhcp', device_id: `dhcp-${net.id}` });
    const vm = await port(net.id, { device_owner: 'compute:nova' });
    expect(await usedSubnets()).toBe(2);

    const refused = await f.api.delete<Fault>(`/v2.0/networks/${net.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.NeutronError).toEqual(
      expect.objectContaining({ type: 'NetworkInUse', message: `Unable to complete operation on network ${net.id}. There are one or more ports still in use on the network.` }),
    );
    // Nothing went: the DHCP port, both subnets and their address ranges are still there.
    expect((await f.api.get(`/v2.0/ports/${dhcp.id}`)).status).toBe(200);
    for (const s of [v4, v6]) expect((await f.api.get(`/v2.0/subnets/${s.id}`)).status).toBe(200);
    expect((await f.api.get<{ used_ips: number }>(`/ips/range/${v4.id}`)).body.used_ips).toBe(2);
    expect(await usedSubnets()).toBe(2);

    expect((await f.api.delete(`/v2.0/ports/${vm.id}`)).status).toBe(204);
    expect((await f.api.delete(`/v2.0/networks/${net.id}`)).status).toBe(204);
    expect((await f.api.get(`/v2.0/networks/${net.id}`)).status).toBe(404);
    expect((await f.api.get(`/v2.0/ports/${dhcp.id}`)).status).toBe(404);
    for (const s of [v4, v6]) {
      expect((await f.api.get(`/v2.0/subnets/${s.id}`)).status).toBe(404);
      expect((await f.api.get(`/ips/range/${s.id}`)).status).toBe(404);
    }
    expect((await f.api.get<{ subnets: Body[] }>(`/v2.0/subnets?network_id=${net.id}`)).body.subnets).toEqual([]);
    expect(await usedSubnets()).toBe(0);

    // One delete event each, the network's last (its payload lists no subnets any more).
    const cascaded = new Set([net.id, dhcp.id, v4.id, v6.id]);
    const deleted = await waitFor(() => {
      const list = [...new Map(events.filter((e) => cascaded.has(e.resourceId) && e.type.endsWith('.deleted')).map((e) => [e.eventId, e])).values()];
      return list.length >= 4 && list;
    }, 5000, 'four delete events');
    expect(deleted.map((e) => `${e.type}:${e.resourceId}`).sort()).toEqual(
      [`network.deleted:${net.id}`, `port.deleted:${dhcp.id}`, `subnet.deleted:${v4.id}`, `subnet.deleted:${v6.id}`].sort(),
    );
    expect(deleted[deleted.length - 1]).toMatchObject({ type: 'network.deleted', data: { subnets: [] } });
    // The network is not rewritten without its subnets first: its only updates are the two subnet adds.
    const updates = new Set(events.filter((e) => e.resourceId === net.id && e.type === 'network.updated').map((e) => e.eventId));
    expect(updates.size).toBe(2);
  });

  it('refuses a network whose only port has no address (no subnet); frees VNIs and quota exactly once under concurrent deletes', async () => {
    const bare = await network('bare');
    const lonely = await port(bare.id);
    expect(lonely.fixed_ips).toEqual([]);
    expect((await f.api.delete<Fault>(`/v2.0/networks/${bare.id}`)).body.NeutronError.type).toBe('NetworkInUse');
    expect((await f.api.delete(`/v2.0/ports/${lonely.id}`)).status).toBe(204);
    expect((await f.api.delete(`/v2.0/networks/${bare.id}`)).status).toBe(204);

    const keep = await network('keep');
    await subnet(keep.id, { ip_version: 4, cidr: '10.61.0.0/24' });
    const doomed = await network('doomed');
    await subnet(doomed.id, { ip_version: 4, cidr: '10.62.0.0/24' });
    await port(doomed.id, { device_owner: 'network:dhcp' });
    // Both VNIs taken: a third network cannot get one.
    expect((await f.api.post('/v2.0/networks', { network: { name: 'third' } })).status).toBeGreaterThanOrEqual(400);
    expect(await usedSubnets()).toBe(2);

    const statuses = (await Promise.all([1, 2, 3].map(() => f.api.delete(`/v2.0/networks/${doomed.id}`)))).map((r) => r.status).sort();
    expect(statuses).toEqual([204, 404, 404]);
    // Released once: a double release would let a fourth subnet past QUOTA_SUBNET=3.
    expect(await usedSubnets()).toBe(1);
    const again = await network('again');
    expect(again['provider:segmentation_id']).toBe(doomed['provider:segmentation_id']);
    await subnet(again.id, { ip_version: 4, cidr: '10.62.0.0/24' });
    await subnet(again.id, { ip_version: 4, cidr: '10.63.0.0/24' });
    expect((await f.api.post<Fault>('/v2.0/subnets', { subnet: { network_id: again.id, ip_version: 4, cidr: '10.64.0.0/24' } })).body.NeutronError.type).toBe('OverQuota');
  });
});
