import { decodeJson, MESSAGE_BUS, MessageBus } from '@alcor/bus';
import { FloatingIpEventData, ResourceEvent, RouterEventData, TOPICS } from '@alcor/contracts';
import { storeKinds, waitFor } from '@alcor/testing';
import { createRouter, externalNetwork, FipBody } from './l3-fixture';
import { networkWithSubnet, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('router and floating-IP events on %s', (kind) => {
  let f: StandaloneFixture;
  const routerEvents: ResourceEvent<RouterEventData>[] = [];
  const fipEvents: ResourceEvent<FloatingIpEventData>[] = [];

  beforeAll(async () => {
    f = await startStandalone(kind);
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    const options = { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' } as const;
    await bus.subscribe(TOPICS.routerEvents, `l3-observer-r-${Date.now()}`, options, (m) => void routerEvents.push(decodeJson(m) as ResourceEvent<RouterEventData>));
    await bus.subscribe(TOPICS.floatingIpEvents, `l3-observer-f-${Date.now()}`, options, (m) => void fipEvents.push(decodeJson(m) as ResourceEvent<FloatingIpEventData>));
  });
  afterAll(() => f?.service.close());

  it('announces router create, interface add/remove, routes, FIP associate/disassociate and deletes, in revision order', async () => {
    const ext = await externalNetwork(f.api, '192.0.2.0/24');
    const { network, subnet } = await networkWithSubnet(f.api, '10.80.0.0/24');
    const router = await createRouter(f.api, { external_gateway_info: { network_id: ext.network.id } });
    const added = await f.api.put<{ port_id: string }>(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    await f.api.put(`/v2.0/routers/${router.id}`, { router: { routes: [{ destination: '172.16.0.0/16', nexthop: '10.80.0.20' }] } });
    expect((await f.api.put(`/v2.0/routers/${router.id}`, { router: { routes: [{ destination: '172.16.0.0/16', nexthop: '10.99.0.20' }] } })).status).toBe(400);
    const vm = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } })).body.port;
    const fip = (await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } })).body.floatingip;
    await f.api.put(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: vm.id } });
    await f.api.put(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: null } });
    await f.api.delete(`/v2.0/floatingips/${fip.id}`);
    await f.api.put(`/v2.0/routers/${router.id}`, { router: { routes: [] } });
    await f.api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnet.id });
    await f.api.delete(`/v2.0/routers/${router.id}`);

    const forRouter = await waitFor(() => {
      const list = routerEvents.filter((e) => e.resourceId === router.id);
      return list.length >= 6 && list;
    }, 5000, 'six router events');
    expect(forRouter.map((e) => [e.type, e.revisionNumber])).toEqual([
      ['router.created', 1],
      ['router.updated', 2],
      ['router.updated', 3],
      ['router.updated', 4],
      ['router.updated', 5],
      ['router.deleted', 5],
    ]);
    expect(forRouter[0].data.gw_port_id).toEqual(expect.any(String));
    expect(forRouter[1].data.interfaces).toEqual([{ subnet_id: subnet.id, port_id: added.body.port_id, network_id: network.id, ip: '10.80.0.1', cidr: '10.80.0.0/24' }]);
    expect(forRouter[2].data.routes).toEqual([{ destination: '172.16.0.0/16', nexthop: '10.80.0.20' }]);
    expect(forRouter[4].data.interfaces).toEqual([]);

    const forFip = await waitFor(() => {
      const list = fipEvents.filter((e) => e.resourceId === fip.id);
      return list.length >= 4 && list;
    }, 5000, 'four floating-IP events');
    expect(forFip.map((e) => [e.type, e.data.port_id, e.data.router_id])).toEqual([
      ['floatingip.created', null, null],
      ['floatingip.updated', vm.id, router.id],
      ['floatingip.updated', null, null],
      ['floatingip.deleted', null, null],
    ]);
    expect(forFip[1].data).toMatchObject({ fixed_ip_address: vm.fixed_ips[0].ip_address, floating_ip_address: fip.floating_ip_address, floating_port_id: expect.any(String) });
  });
});
