import { storeKinds } from '@alcor/testing';
import { NetworkBody, startVpcService, VpcFixture } from './vpc-service';

type ListBody = { networks: NetworkBody[]; networks_links?: { rel: string; href: string }[] };

describe.each(storeKinds())('Neutron network queries on %s', (kind) => {
  let f: VpcFixture;
  const names = ['delta', 'alpha', 'echo', 'charlie', 'bravo', 'golf', 'foxtrot'];

  beforeAll(async () => {
    f = await startVpcService(kind);
    const res = await f.api.post('/v2.0/networks', {
      networks: names.map((name, i) => ({ name, admin_state_up: i % 2 === 0, description: i < 3 ? 'first' : 'rest' })),
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => f?.service.close());

  const list = (q: string) => f.api.get<ListBody>(`/v2.0/networks${q ? `?${q}` : ''}`);

  it('filters on attributes: OR within a key, AND across keys', async () => {
    expect((await list('name=alpha&name=echo')).body.networks.map((n) => n.name).sort()).toEqual(['alpha', 'echo']);
    expect((await list('admin_state_up=false')).body.networks.map((n) => n.name).sort()).toEqual(['alpha', 'charlie', 'golf']);
    expect((await list('admin_state_up=False&description=first')).body.networks.map((n) => n.name)).toEqual(['alpha']);
    expect((await list('id=not-a-uuid')).body.networks).toEqual([]);
  });

  it('rejects unknown filters and bad values with Neutron errors', async () => {
    const unknown = await list('bogus=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ NeutronError: { type: 'HTTPBadRequest', message: "['bogus'] is invalid attribute for filtering" } });
    const badBool = await list('admin_state_up=maybe');
    expect(badBool.status).toBe(400);
    expect(badBool.body).toMatchObject({ NeutronError: { type: 'InvalidInput' } });
    const badLimit = await list('limit=abc');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body).toEqual({
      NeutronError: { type: 'BadRequest', message: "Bad limit request: Limit must be an integer 0 or greater and not 'abc'.", detail: '' },
    });
    const uneven = await list('sort_key=name');
    expect(uneven.body).toMatchObject({ NeutronError: { message: 'The number of sort_keys and sort_dirs must be same' } });
    expect((await list('sort_key=bogus&sort_dir=asc')).status).toBe(400);
    expect((await list('sort_key=name&sort_dir=sideways')).status).toBe(400);
  });

  it('projects fields', async () => {
    const res = await list('name=alpha&fields=id&fields=name');
    expect(res.body.networks).toHaveLength(1);
    expect(Object.keys(res.body.networks[0]).sort()).toEqual(['id', 'name']);
    const one = await f.api.get<{ network: Record<string, unknown> }>(`/v2.0/networks/${res.body.networks[0].id}?fields=status`);
    expect(one.body.network).toEqual({ status: 'ACTIVE' });
  });

  it('sorts by any sortable key and direction', async () => {
    expect((await list('sort_key=name&sort_dir=desc')).body.networks.map((n) => n.name)).toEqual([...names].sort().reverse());
    const twoKeys = await list('sort_key=description&sort_dir=asc&sort_key=name&sort_dir=asc');
    expect(twoKeys.body.networks.map((n) => n.name)).toEqual(['alpha', 'delta', 'echo', 'bravo', 'charlie', 'foxtrot', 'golf']);
  });

  it('pages with limit and marker, following next and previous links', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/v2.0/networks?sort_key=name&sort_dir=asc&limit=3';
    const pages: ListBody[] = [];
    while (url) {
      const page: ListBody = (await f.api.get<ListBody>(url)).body;
      pages.push(page);
      seen.push(...page.networks.map((n) => n.name as string));
      const next = page.networks_links?.find((l) => l.rel === 'next')?.href;
      url = next ? next.replace(/^https?:\/\/[^/]+/, '') : undefined;
    }
    expect(seen).toEqual([...names].sort());
    expect(pages.map((p) => p.networks.length)).toEqual([3, 3, 1]);
    expect(pages[0].networks_links?.map((l) => l.rel)).toEqual(['next']);
    expect(pages[2].networks_links?.map((l) => l.rel)).toEqual(['previous']);

    const previous = pages[1].networks_links?.find((l) => l.rel === 'previous')?.href ?? '';
    expect(previous).toContain('page_reverse=True');
    const back = await f.api.get<ListBody>(previous.replace(/^https?:\/\/[^/]+/, ''));
    expect(back.body.networks.map((n) => n.name)).toEqual(['alpha', 'bravo', 'charlie']);

    const missingMarker = await list('limit=2&marker=00000000-0000-4000-8000-000000000000');
    expect(missingMarker.status).toBe(404);
  });

  it('pages by id when no sort key is given, with filters kept in links', async () => {
    const first = await list('description=rest&limit=2');
    const next = first.body.networks_links?.find((l) => l.rel === 'next')?.href ?? '';
    expect(next).toContain('description=rest');
    const second = await f.api.get<ListBody>(next.replace(/^https?:\/\/[^/]+/, ''));
    const ids = [...first.body.networks, ...second.body.networks].map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(4);
  });
});
