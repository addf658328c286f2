import { randomUUID } from 'node:crypto';
import { storeKinds } from '@alcor/testing';
import { NetworkBody, startVpcService, VpcFixture } from './vpc-service';

describe.each(storeKinds())("Alcor's VPC API on %s", (kind) => {
  let f: VpcFixture;
  beforeAll(async () => (f = await startVpcService(kind)));
  afterAll(() => f?.service.close());

  it('creates, reads, lists, counts, updates and deletes VPCs in a project', async () => {
    const id = randomUUID();
    const created = await f.api.post<{ network: NetworkBody }>('/project/p1/vpcs', {
      network: { id, name: 'vpc1', cidr: '10.0.0.0/16', admin_state_up: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.network).toMatchObject({ id, name: 'vpc1', cidr: '10.0.0.0/16', project_id: 'p1', routes: [] });
    expect((await f.api.get<{ network: NetworkBody }>(`/project/p1/vpcs/${id}`)).body.network.cidr).toBe('10.0.0.0/16');
    expect((await f.api.get<{ vpcs: NetworkBody[] }>('/project/p1/vpcs')).body.vpcs.map((v) => v.id)).toEqual([id]);
    expect((await f.api.get('/project/p1/vpcs/count')).body).toEqual({ Count: 1 });
    // The same network through Neutron's API (noauth admin sees every project).
    expect((await f.api.get<{ network: NetworkBody }>(`/v2.0/networks/${id}`)).body.network.project_id).toBe('p1');

    const updated = await f.api.put<{ network: NetworkBody }>(`/project/p1/vpcs/${id}`, { network: { name: 'vpc1b', cidr: '10.1.0.0/16' } });
    expect(updated.body.network).toMatchObject({ name: 'vpc1b', cidr: '10.1.0.0/16', revision_number: 2 });

    expect((await f.api.delete(`/project/p1/vpcs/${id}`)).body).toEqual({ id });
    expect((await f.api.get(`/project/p1/vpcs/${id}`)).status).toBe(404);
  });

  it('keeps projects apart and validates the project in the path', async () => {
    const { body } = await f.api.post<{ network: NetworkBody }>('/project/p2/vpcs', { network: { name: 'mine' } });
    const id = body.network.id;
    expect((await f.api.get(`/project/p3/vpcs/${id}`)).status).toBe(404);
    expect((await f.api.put(`/project/p3/vpcs/${id}`, { network: { name: 'stolen' } })).status).toBe(404);
    expect((await f.api.delete(`/project/p3/vpcs/${id}`)).status).toBe(404);
    expect((await f.api.get<{ vpcs: NetworkBody[] }>('/project/p3/vpcs')).body.vpcs).toEqual([]);
    expect((await f.api.get('/project/bad%20project/vpcs')).status).toBe(400);
    const foreign = await f.api.post('/project/p2/vpcs', { network: { name: 'x', project_id: 'p9' } });
    expect(foreign.status).toBe(400);
    expect((await f.api.post('/project/p2/vpcs', { network: { id: 'not-a-uuid' } })).status).toBe(400);
    expect((await f.api.post('/project/p2/vpcs', { network: { cidr: '10.0.0.0/33' } })).status).toBe(400);
    expect((await f.api.post('/project/p2/vpcs', { network: { id } })).body).toMatchObject({ NeutronError: { type: 'NetworkIdInUse' } });
  });

  it('creates VPCs in bulk atomically', async () => {
    const ok = await f.api.post<{ networks: NetworkBody[] }>('/project/p4/vpcs/bulk', { networks: [{ name: 'a' }, { name: 'b' }] });
    expect(ok.status).toBe(201);
    expect(ok.body.networks).toHaveLength(2);
    const bad = await f.api.post('/project/p4/vpcs/bulk', { networks: [{ name: 'c' }, { name: 'd', mtu: 'big' }] });
    expect(bad.status).toBe(400);
    expect((await f.api.get('/project/p4/vpcs/count')).body).toEqual({ Count: 2 });
  });

  it("records the subnet manager's subnets and refuses to delete a VPC that has some", async () => {
    const { body } = await f.api.post<{ network: NetworkBody }>('/project/p5/vpcs', { network: { name: 's' } });
    const id = body.network.id;
    const subnet = randomUUID();
    const added = await f.api.put<{ network: NetworkBody }>(`/project/p5/vpcs/${id}/subnets/${subnet}`);
    expect(added.body.network.subnets).toEqual([subnet]);
    expect((await f.api.get<{ network: NetworkBody }>(`/v2.0/networks/${id}`)).body.network.subnets).toEqual([subnet]);
    const inUse = await f.api.delete(`/v2.0/networks/${id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ NeutronError: { type: 'NetworkInUse' } });
    expect((await f.api.put(`/project/p5/vpcs/${id}/subnets/not-a-uuid`)).status).toBe(400);
    await f.api.put(`/project/p5/vpcs/${id}/subnetid/${subnet}`);
    expect((await f.api.delete(`/project/p5/vpcs/${id}`)).status).toBe(200);
  });
});
