import { storeKinds } from '@alcor/testing';
import { hostInfo, NeutronFault, NodeFixture, NodeInfo, startNodeService } from './node-service';

type NodeList = { nodeInfos: NodeInfo[]; nodeInfos_links?: { rel: string; href: string }[] };

describe.each(storeKinds())('node queries on %s', (kind) => {
  let f: NodeFixture;
  const names = async (query: string) => {
    const response = await f.api.get<NodeList>(`/nodes${query}`);
    expect(response.status).toBe(200);
    return response.body.nodeInfos.map((n) => n.node_name).sort();
  };

  beforeAll(async () => {
    f = await startNodeService(kind);
    const hosts = [
      hostInfo(1, { node_id: 'n1', ncm_id: 'ncm-a' }),
      hostInfo(2, { node_id: 'n2', ncm_id: 'ncm-a' }),
      hostInfo(3, { node_id: 'n3', ncm_id: 'ncm-b', local_ip: 'fd00::3' }),
      hostInfo(4, { node_id: 'n4' }),
    ];
    expect((await f.api.post('/nodes/bulk', { host_infos: hosts })).status).toBe(201);
  });
  afterAll(() => f?.service.close());

  it('lists every node under Alcor’s "nodeInfos" key', async () => {
    expect(await names('')).toEqual(['compute-1', 'compute-2', 'compute-3', 'compute-4']);
  });

  it('filters by node_name, repeated for OR (the port manager’s host lookup)', async () => {
    expect(await names('?node_name=compute-2')).toEqual(['compute-2']);
    expect(await names('?node_name=compute-1&node_name=compute-3&node_name=nobody')).toEqual(['compute-1', 'compute-3']);
    expect(await names('?node_name=nobody')).toEqual([]);
  });

  it('filters by node_id, ncm_id, and AND across keys', async () => {
    expect(await names('?node_id=n4')).toEqual(['compute-4']);
    expect(await names('?ncm_id=ncm-a')).toEqual(['compute-1', 'compute-2']);
    expect(await names('?ncm_id=ncm-a&node_id=n2&node_id=n3')).toEqual(['compute-2']);
  });

  it('matches local_ip and mac_address in any spelling of the same address', async () => {
    expect(await names('?local_ip=10.213.0.2')).toEqual(['compute-2']);
    expect(await names('?local_ip=FD00:0::3')).toEqual(['compute-3']);
    expect(await names('?mac_address=90-17-AC-C1-34-01')).toEqual(['compute-1']);
    expect(await names('?mac_address=not-a-mac')).toEqual([]);
    expect(await names('?local_ip=10.1')).toEqual([]);
  });

  it('rejects unknown filters, projects fields and pages with nodeInfos_links', async () => {
    const bogus = await f.api.get<NeutronFault>('/nodes?bogus=1');
    expect(bogus.status).toBe(400);
    expect(bogus.body.NeutronError.type).toBe('HTTPBadRequest');

    const projected = await f.api.get<NodeList>('/nodes?node_id=n1&fields=node_id&fields=local_ip');
    expect(projected.body.nodeInfos).toEqual([{ node_id: 'n1', local_ip: '10.213.0.1' }]);

    const first = await f.api.get<NodeList>('/nodes?limit=3&sort_key=node_name&sort_dir=desc');
    expect(first.body.nodeInfos.map((n) => n.node_id)).toEqual(['n4', 'n3', 'n2']);
    const next = new URL(first.body.nodeInfos_links?.find((l) => l.rel === 'next')?.href ?? 'http://missing/');
    expect(next.pathname).toBe('/nodes');
    const rest = await f.api.get<NodeList>(next.pathname + next.search);
    expect(rest.body.nodeInfos.map((n) => n.node_id)).toEqual(['n1']);
  });
});
