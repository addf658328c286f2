import { startVpcService, VpcFixture } from './vpc-service';

describe('service surface (PGlite)', () => {
  let f: VpcFixture;
  beforeAll(async () => (f = await startVpcService('pglite')));
  afterAll(() => f?.service.close());

  it('answers the version document and the extensions really served', async () => {
    const versions = await f.api.get<{ versions: { id: string; status: string }[] }>('/');
    expect(versions.body.versions[0]).toMatchObject({ id: 'v2.0', status: 'CURRENT' });
    const ext = await f.api.get<{ extensions: { alias: string }[] }>('/v2.0/extensions');
    const aliases = ext.body.extensions.map((e) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(['network', 'provider', 'standard-attr-tag', 'revision-if-match', 'pagination', 'sorting', 'net-mtu']));
    // Not built yet, so not advertised.
    expect(aliases).not.toContain('router');
    expect(aliases).not.toContain('security-group');
    expect((await f.api.get('/v2.0/extensions/pagination')).status).toBe(200);
    expect((await f.api.get('/v2.0/extensions/router')).status).toBe(404);
    const resources = await f.api.get<{ resources: { collection: string }[] }>('/v2.0');
    expect(resources.body.resources.map((r) => r.collection)).toEqual(['networks']);
  });

  it('serves health probes and its OpenAPI document', async () => {
    expect((await f.api.get('/healthz')).body).toMatchObject({ status: 'UP' });
    expect((await f.api.get('/readyz')).body).toMatchObject({ status: 'UP', store: 'pglite' });
    const doc = await f.api.get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v2.0/networks', '/v2.0/networks/{id}', '/project/{projectId}/vpcs']));
  });
});
