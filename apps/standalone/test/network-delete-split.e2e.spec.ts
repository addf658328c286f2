import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

type Fault = { NeutronError: { type: string; message: string } };
type Body = Record<string, unknown> & { id: string };

/** A loopback relay with a late-bound target: the VPC and subnet/port managers need each other's URLs. */
async function lateBoundRelay(): Promise<{ url: string; target: (url: string) => void; server: Server }> {
  let upstream = '';
  const server = createServer((req, res) => {
    const to = new URL(req.url ?? '/', upstream);
    const out = request(to, { method: req.method, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, target: (url) => (upstream = url), server };
}

const postgres = storeKinds().includes('postgres');

describe('network delete across managers (split mode, PostgreSQL)', () => {
  (postgres ? it : it.skip)('refuses while a user port remains, then removes the DHCP port, subnets and address ranges through the other managers', async () => {
    let store: TestStore | undefined;
    const processes: ServiceProcess[] = [];
    const relay = await lateBoundRelay();
    try {
      store = await createTestStore('postgres');
      const db = { DATABASE_URL: store.databaseUrl, DATA_DIR: 'memory://' };
      const [ipam, mac, node, sg] = await Promise.all(['private-ip-manager', 'mac-manager', 'node-manager', 'security-group-manager'].map((app) => spawnService(app, db)));
      processes.push(ipam, mac, node, sg);
      const urls = { VPC_MANAGER_URL: relay.url, IP_MANAGER_URL: ipam.baseUrl, MAC_MANAGER_URL: mac.baseUrl, NODE_MANAGER_URL: node.baseUrl, SG_MANAGER_URL: sg.baseUrl };
      const subnetManager = await spawnService('subnet-manager', { ...db, ...urls });
      processes.push(subnetManager);
      const portManager = await spawnService('port-manager', { ...db, ...urls, SUBNET_MANAGER_URL: subnetManager.baseUrl });
      processes.push(portManager);
      const vpcManager = await spawnService('vpc-manager', { ...db, SUBNET_MANAGER_URL: subnetManager.baseUrl, PORT_MANAGER_URL: portManager.baseUrl });
      processes.push(vpcManager);
      relay.target(vpcManager.baseUrl);
      const [vpcs, subnets, ports, ips] = [vpcManager, subnetManager, portManager, ipam].map((p) => apiClient(p.baseUrl));

      const network = (await vpcs.post<{ network: Body }>('/v2.0/networks', { network: { name: 'split-cascade' } })).body.network;
      const made = await subnets.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.70.0.0/24' } });
      expect(made.status).toBe(201);
      const subnet = made.body.subnet;
      const dhcp = (await ports.post<{ port: Body }>('/v2.0/ports', { port: { network_id: network.id, device_owner: 'network:dhcp' } })).body.port;
      const vm = (await ports.post<{ port: Body }>('/v2.0/ports', { port: { network_id: network.id, device_owner: 'compute:nova' } })).body.port;
      expect([dhcp.id, vm.id].every(Boolean)).toBe(true);

      const refused = await vpcs.delete<Fault>(`/v2.0/networks/${network.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.NeutronError.type).toBe('NetworkInUse');
      expect((await ports.get(`/v2.0/ports/${dhcp.id}`)).status).toBe(200);
      expect((await subnets.get(`/v2.0/subnets/${subnet.id}`)).status).toBe(200);

      expect((await ports.delete(`/v2.0/ports/${vm.id}`)).status).toBe(204);
      expect((await vpcs.delete(`/v2.0/networks/${network.id}`)).status).toBe(204);
      expect((await vpcs.get(`/v2.0/networks/${network.id}`)).status).toBe(404);
      expect((await ports.get(`/v2.0/ports/${dhcp.id}`)).status).toBe(404);
      expect((await subnets.get(`/v2.0/subnets/${subnet.id}`)).status).toBe(404);
      expect((await ips.get(`/ips/range/${subnet.id}`)).status).toBe(404);
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      relay.server.close();
      await store?.dispose();
    }
  }, 240_000);
});
