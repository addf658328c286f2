import { startMacService, MacFixture } from './mac-service';

describe('MAC manager service surface (PGlite)', () => {
  let f: MacFixture;
  beforeAll(async () => (f = await startMacService('pglite')));
  afterAll(() => f?.service.close());

  it('serves health probes and an OpenAPI document with Alcor’s MAC routes', async () => {
    expect((await f.api.get('/healthz')).body).toMatchObject({ status: 'UP' });
    expect((await f.api.get('/readyz')).body).toMatchObject({ status: 'UP', store: 'pglite' });
    const doc = await f.api.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/macs', '/macs/bulk', '/macs/range/{rangeId}', '/macs/range/{rangeId}/bulk', '/macs/{mac}', '/macs/ranges', '/macs/ranges/{rangeId}', '/v4/macs', '/internal/mac-allocations/release']),
    );
  });

  it('adds nothing to the Neutron surface (MACs are port attributes there)', async () => {
    const resources = await f.api.get<{ resources: { collection: string }[] }>('/v2.0');
    expect(resources.body.resources).toEqual([]);
    expect((await f.api.get('/v2.0/macs')).status).toBe(404);
  });
});
