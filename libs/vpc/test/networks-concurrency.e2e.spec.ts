import { storeKinds } from '@alcor/testing';
import { NetworkBody, startVpcService, VpcFixture } from './vpc-service';

describe.each(storeKinds())('concurrent network requests on %s', (kind) => {
  let f: VpcFixture;
  beforeAll(async () => (f = await startVpcService(kind, { VNI_RANGES: '100:159' })));
  afterAll(() => f?.service.close());

  it('never hands one VNI to two networks, and failing requests undo only themselves', async () => {
    // 60 VNIs for 60 good creates, interleaved with requests that fail inside their transaction.
    const good = Array.from({ length: 60 }, (_, i) => f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: `c${i}` } }));
    const failing = Array.from({ length: 20 }, (_, i) =>
      f.api.post('/v2.0/networks', { networks: [{ name: `f${i}` }, { name: `g${i}`, mtu: 9000 }] }),
    );
    const [created, failed] = await Promise.all([Promise.all(good), Promise.all(failing)]);
    const statuses = created.map((r) => r.status);
    // Every good create either got a VNI or was told the pool is exhausted, never a 500.
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    // Each fails whole: on its bad MTU, or on an exhausted pool once the good ones took every VNI.
    expect(failed.every((r) => r.status === 400 || r.status === 503)).toBe(true);
    const vnis = created.filter((r) => r.status === 201).map((r) => r.body.network['provider:segmentation_id']);
    expect(new Set(vnis).size).toBe(vnis.length);
    expect(vnis.length).toBe(60);

    const listed = (await f.api.get<{ networks: NetworkBody[] }>('/v2.0/networks')).body.networks;
    expect(listed.map((n) => n.name).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `c${i}`).sort());
    expect((await f.api.post('/v2.0/networks', { network: { name: 'over' } })).status).toBe(503);
  });

  it('serializes concurrent updates of one network: every update lands and revisions count them', async () => {
    const { body } = await f.api.post('/v2.0/networks', { network: { name: 'hot', 'provider:network_type': 'flat', 'provider:physical_network': 'px' } });
    const id = (body as { network: NetworkBody }).network.id;
    const updates = await Promise.all(
      Array.from({ length: 30 }, (_, i) => f.api.put<{ network: NetworkBody }>(`/v2.0/networks/${id}`, { network: { description: `d${i}` } })),
    );
    expect(updates.every((r) => r.status === 200)).toBe(true);
    const revisions = updates.map((r) => r.body.network.revision_number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));

    // Optimistic concurrency: of several writers holding revision 31, exactly one wins.
    const racers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => f.api.put(`/v2.0/networks/${id}`, { network: { name: `r${i}` } }, { 'if-match': 'revision_number=31' })),
    );
    expect(racers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(racers.filter((r) => r.status === 412)).toHaveLength(7);
  });
});
