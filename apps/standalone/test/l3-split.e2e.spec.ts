import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';
import { faultOf, FipBody, RouterBody } from './l3-fixture';
import { Body, PortBody } from './standalone-fixture';

const postgres = storeKinds().includes('postgres');

/**
 * Routers and floating IPs with every manager in its own process (split mode, PostgreSQL), behind
 * the gateway: the route and elastic-IP managers reach ports, subnets, networks and each other over REST.
 */
describe('routers and floating IPs in split mode', () => {
  (postgres ? it : it.skip)('attach, route, associate, protect, disassociate on port delete, clean up', async () => {
    let store: TestStore | undefined;
    const processes: ServiceProcess[] = [];
    const spawn = async (app: string, env: Record<string, string | undefined>, ready?: string) => {
      const p = await spawnService(app, env, ready);
      processes.push(p);
      return p;
    };
    try {
      store = await createTestStore('postgres');
      const db = { DATABASE_URL: store.databaseUrl, DATA_DIR: 'memory://' };
      const [vpc, ipam, mac, node, sg] = await Promise.all(['vpc-manager', 'private-ip-manager', 'mac-manager', 'node-manager', 'security-group-manager'].map((app) => spawn(app, db)));
      const urls: Record<string, string> = { VPC_MANAGER_URL: vpc.baseUrl, IP_MANAGER_URL: ipam.baseUrl, MAC_MANAGER_URL: mac.baseUrl, NODE_MANAGER_URL: node.baseUrl, SG_MANAGER_URL: sg.baseUrl };
      urls.SUBNET_MANAGER_URL = (await spawn('subnet-manager', { ...db, ...urls })).baseUrl;
      // The L3 managers' port manager; a second replica (below) also tells the elastic-IP manager of deletes.
      urls.PORT_MANAGER_URL = (await spawn('port-manager', { ...db, ...urls })).baseUrl;
      urls.ROUTE_MANAGER_URL = (await spawn('route-manager', { ...db, ...urls })).baseUrl;
      urls.ELASTIC_IP_MANAGER_URL = (await spawn('elastic-ip-manager', { ...db, ...urls })).baseUrl;
      const routerChecks = await spawn('route-manager', { ...db, ...urls });
      const ports = await spawn('port-manager', { ...db, ...urls });
      const gateway = await spawn('api-gateway', { ...urls, PORT_MANAGER_URL: ports.baseUrl, ROUTE_MANAGER_URL: routerChecks.baseUrl }, '/healthz');
      const api = apiClient(gateway.baseUrl);

      const ext = (await api.post<{ network: Body }>('/v2.0/networks', { network: { name: 'ext', 'router:external': true } })).body.network;
      const extSubnet = (await api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: ext.id, ip_version: 4, cidr: '203.0.113.0/24', enable_dhcp: false } })).body.subnet;
      const net = (await api.post<{ network: Body }>('/v2.0/networks', { network: { name: 'tenant' } })).body.network;
      const subnet = (await api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: net.id, ip_version: 4, cidr: '10.90.0.0/24' } })).body.subnet;

      const created = await api.post<{ router: RouterBody }>('/v2.0/routers', { router: { name: 'r', external_gateway_info: { network_id: ext.id } } });
      expect(created.status).toBe(201);
      const router = created.body.router;
      expect(router.external_gateway_info?.external_fixed_ips[0].subnet_id).toBe(extSubnet.id);
      const added = await api.put<{ port_id: string }>(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
      expect(added.status).toBe(200);
      expect((await api.get<{ ports: PortBody[] }>(`/v2.0/ports?device_id=${router.id}&device_owner=network:router_interface`)).body.ports.map((p) => p.fixed_ips[0].ip_address)).toEqual(['10.90.0.1']);
      expect((await api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id })).status).toBe(400);
      expect((await api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}`, { router: { routes: [{ destination: '172.16.0.0/16', nexthop: '10.90.0.9' }] } })).status).toBe(200);
      expect((await api.delete(`/v2.0/ports/${added.body.port_id}`)).status).toBe(409);

      const vm = (await api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: net.id } })).body.port;
      const fip = await api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.id, port_id: vm.id } });
      expect(fip.status).toBe(201);
      expect(fip.body.floatingip).toMatchObject({ port_id: vm.id, router_id: router.id, fixed_ip_address: vm.fixed_ips[0].ip_address });
      const remove = await api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnet.id });
      expect(remove.status).toBe(409);
      expect(faultOf(remove.body).type).toBe('RouterInterfaceInUseByFloatingIP');

      expect((await api.delete(`/v2.0/ports/${vm.id}`)).status).toBe(204);
      expect((await api.get<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.body.floatingip.id}`)).body.floatingip).toMatchObject({ port_id: null, router_id: null });
      expect((await api.delete(`/v2.0/floatingips/${fip.body.floatingip.id}`)).status).toBe(204);
      await api.put(`/v2.0/routers/${router.id}`, { router: { routes: [] } });
      expect((await api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnet.id })).status).toBe(200);
      expect((await api.delete(`/v2.0/routers/${router.id}`)).status).toBe(204);
      expect((await api.get<{ ports: PortBody[] }>(`/v2.0/ports?network_id=${ext.id}`)).body.ports).toEqual([]);
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await store?.dispose();
    }
  }, 240_000);
});
