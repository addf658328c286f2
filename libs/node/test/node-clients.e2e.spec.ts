import { Inject, Injectable, Module } from '@nestjs/common';
import { NODE_CLIENT, NodeClient } from '@alcor/contracts';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, createTestStore, storeKinds } from '@alcor/testing';
import { RestNodeClient } from '../src/client/rest-node.client';
import { NodeModule } from '../src/node.module';
import { nodeSchema } from '../src/node.schema';
import { hostInfo, NeutronFault, NodeFixture, startNodeService } from './node-service';

describe.each(storeKinds())('node clients for other managers on %s', (kind) => {
  let f: NodeFixture;
  beforeAll(async () => {
    f = await startNodeService(kind, { AUTH_STRATEGY: 'trusted-headers' });
    const admin = { 'x-project-id': 'ops', 'x-roles': 'admin' };
    const hosts = Array.from({ length: 150 }, (_, i) => hostInfo(i + 1, { ncm_id: i === 0 ? 'ncm-1' : null }));
    const created = await f.api.post('/nodes/bulk', { host_infos: hosts }, admin);
    expect(created.status).toBe(201);
  });
  afterAll(() => f?.service.close());

  const expectGetByNames = async (client: NodeClient) => {
    const found = await client.getByNames(['compute-2', 'nobody', 'compute-1', 'compute-2']);
    expect(found.map((n) => n.node_name).sort()).toEqual(['compute-1', 'compute-2']);
    expect(found.find((n) => n.node_name === 'compute-1')).toEqual({
      node_id: expect.any(String),
      node_name: 'compute-1',
      local_ip: '10.213.0.1',
      mac_address: '90:17:ac:c1:34:01',
      veth: 'eth1',
      server_port: 50001,
      host_dvr_mac: null,
      ncm_id: 'ncm-1',
    });
    expect(await client.getByNames([])).toEqual([]);
    // More names than one request carries.
    const many = Array.from({ length: 150 }, (_, i) => `compute-${i + 1}`);
    expect((await client.getByNames(many)).length).toBe(150);
  };

  it('answers in process through NODE_CLIENT (an internal caller, not subject to the API policy)', async () => {
    await expectGetByNames(f.service.app.get<NodeClient>(NODE_CLIENT));
  });

  it('answers over REST with the caller’s credentials, and relays the node manager’s refusal', async () => {
    await expectGetByNames(new RestNodeClient(f.service.baseUrl, { 'x-project-id': 'ops', 'x-roles': 'admin' }));
    const refused = new RestNodeClient(`${f.service.baseUrl}/`, { 'x-project-id': 'proj-a', 'x-roles': 'member' }).getByNames(['compute-1']);
    await expect(refused).rejects.toMatchObject({ status: 403, type: 'PolicyNotAuthorized' });
  });

  it('keeps the REST wire format Alcor’s callers expect', async () => {
    const raw = await fetch(`${f.service.baseUrl}/nodes?node_name=compute-3&node_name=compute-4`, { headers: { 'x-project-id': 'ops', 'x-roles': 'admin' } });
    const body = (await raw.json()) as { nodeInfos: { node_name: string }[] } & Partial<NeutronFault>;
    expect(Object.keys(body)).toEqual(['nodeInfos']);
    expect(body.nodeInfos.map((n) => n.node_name).sort()).toEqual(['compute-3', 'compute-4']);
  });
});

/** Stands for the port manager: a module of the same process that does not import NodeModule. */
@Injectable()
class HostBinder {
  constructor(@Inject(NODE_CLIENT) readonly nodes: NodeClient) {}
}
@Module({ providers: [HostBinder] })
class HostBinderModule {}

describe('NODE_CLIENT across modules of one process (PGlite)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ features: [NodeModule, HostBinderModule], schemas: [nodeSchema], store: await createTestStore('pglite') });
  });
  afterAll(() => service?.close());

  it('reaches a module that does not import NodeModule (standalone composition)', async () => {
    await apiClient(service.baseUrl).post('/nodes', { host_info: hostInfo(1) });
    const found = await service.app.get(HostBinder).nodes.getByNames(['compute-1']);
    expect(found.map((n) => n.local_ip)).toEqual(['10.213.0.1']);
  });
});
