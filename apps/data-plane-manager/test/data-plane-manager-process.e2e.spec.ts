import { Fleet } from '@alcor/fleet';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, createTestStore, freePort, ServiceProcess, spawnService, waitFor } from '@alcor/testing';
import { NodeModule, nodeSchema } from '@alcor/node';
import { PortModule, portSchema } from '@alcor/port';
import { SubnetModule, subnetSchema } from '@alcor/subnet';
import { VpcModule, vpcSchema } from '@alcor/vpc';
import { IpamModule, ipamSchema } from '@alcor/ipam';
import { MacModule, macSchema } from '@alcor/mac';

type SyncStatus = { rebuilt: boolean; hosts: { host_id: string; acked_generation: number; state: string }[] };

/**
 * `nx serve data-plane-manager` in split mode: its own process, rebuilding its index from the
 * managers' REST listings (here the managers of one test service, without a DPM of their own),
 * then pushing every host its FULL goal state. Events would reach it over BUS=pulsar only.
 */
describe('data-plane-manager process', () => {
  let managers: TestService | undefined;
  let dpm: ServiceProcess | undefined;
  let fleet: Fleet | undefined;

  beforeAll(async () => {
    managers = await startTestService({
      features: [VpcModule, SubnetModule, IpamModule, MacModule, NodeModule, PortModule],
      schemas: [vpcSchema, subnetSchema, ipamSchema, macSchema, nodeSchema, portSchema],
      store: await createTestStore('pglite'),
    });
    fleet = await Fleet.start(2, { prefix: 'split' });
  }, 120_000);
  afterAll(async () => {
    await dpm?.stop('SIGTERM');
    await fleet?.stop();
    await managers?.close();
  });

  it('rebuilds from the managers over REST and pushes each host its full goal state', async () => {
    if (!managers || !fleet) throw new Error('setup failed');
    const api = apiClient(managers.baseUrl);
    expect((await api.post('/nodes/bulk', { host_infos: fleet.hostInfos() })).status).toBe(201);
    const network = (await api.post<{ network: { id: string } }>('/v2.0/networks', { network: { name: 'split' } })).body.network;
    expect((await api.post('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.62.0.0/24' } })).status).toBe(201);
    const [a, b] = fleet.agents;
    const ports = await api.post<{ ports: { id: string }[] }>('/v2.0/ports', { ports: [a, b].map((agent) => ({ network_id: network.id, 'binding:host_id': agent.nodeName })) });
    expect(ports.status).toBe(201);
    const [pa, pb] = ports.body.ports.map((p) => p.id);

    const url = managers.baseUrl;
    dpm = await spawnService('data-plane-manager', {
      DATA_DIR: 'memory://',
      DATABASE_URL: undefined,
      DPM_GRPC_PORT: String(await freePort()),
      VPC_MANAGER_URL: url,
      SUBNET_MANAGER_URL: url,
      PORT_MANAGER_URL: url,
      NODE_MANAGER_URL: url,
      // No SG, route or elastic-IP manager in this deployment: their listings answer 404 and count as empty.
      SG_MANAGER_URL: url,
      ROUTE_MANAGER_URL: url,
      ELASTIC_IP_MANAGER_URL: url,
    });
    const dpmApi = apiClient(dpm.baseUrl);
    const status = await waitFor(async () => {
      const body = (await dpmApi.get<SyncStatus>('/network-configuration/sync-status')).body;
      return body.rebuilt && body.hosts.length === 2 && body.hosts.every((h) => h.acked_generation >= 1 && h.state === 'up') && body;
    }, 20_000, 'the DPM rebuilt and both hosts acked');
    expect(status.hosts.map((h) => h.host_id).sort()).toEqual([a.nodeName, b.nodeName].sort());
    expect(a.received.find((p) => p.kind === 'full')?.goalState.portStates[pa]).toBeDefined();
    expect(b.state.has('portStates', pb)).toBe(true);
    expect(b.state.ids('neighborStates').some((key) => key.endsWith(pa))).toBe(true);
    // The port manager of the other process hears the verdicts only over a shared bus (BUS=pulsar).
    expect((await api.get<{ port: { status: string } }>(`/v2.0/ports/${pa}`)).body.port.status).toBe('DOWN');
  }, 120_000);

  it('stops cleanly on SIGTERM', async () => {
    if (!dpm) throw new Error('data-plane-manager did not start');
    await dpm.stop('SIGTERM');
    expect(dpm.child.exitCode === 0 || dpm.child.signalCode === 'SIGTERM').toBe(true);
    dpm = undefined;
  });
});
