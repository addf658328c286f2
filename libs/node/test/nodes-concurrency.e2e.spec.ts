import { storeKinds } from '@alcor/testing';
import { hostInfo, NodeFixture, NodeInfo, startNodeService } from './node-service';

describe.each(storeKinds())('concurrent node registration on %s', (kind) => {
  let f: NodeFixture;
  beforeAll(async () => (f = await startNodeService(kind)));
  afterAll(() => f?.service.close());

  it('lets exactly one of 50 concurrent registrations of one name win; the rest get 409', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(i + 1, { node_name: 'contested' }) })),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(49);
    const listed = (await f.api.get<{ nodeInfos: NodeInfo[] }>('/nodes?node_name=contested')).body.nodeInfos;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toEqual(attempts.find((r) => r.status === 201)?.body.host_info);
  });

  it('lets exactly one of 50 concurrent registrations of one IP win, across bulk and single requests', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? f.api.post('/nodes', { host_info: hostInfo(100 + i, { local_ip: '192.0.2.7' }) })
          : f.api.post('/nodes/bulk', { host_infos: [hostInfo(200 + i), hostInfo(100 + i, { local_ip: '192.0.2.7' })] }),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(49);
    const all = (await f.api.get<{ nodeInfos: NodeInfo[] }>('/nodes')).body.nodeInfos;
    expect(all.filter((n) => n.local_ip === '192.0.2.7')).toHaveLength(1);
    // A losing bulk request left none of its other nodes behind.
    const winnerWasBulk = attempts.findIndex((r) => r.status === 201) % 2 === 1;
    expect(all.filter((n) => /^compute-2\d\d$/.test(n.node_name))).toHaveLength(winnerWasBulk ? 1 : 0);
  });
});
