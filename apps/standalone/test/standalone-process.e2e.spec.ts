import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, ServiceProcess, spawnService } from '@alcor/testing';

type NetworkBody = { id: string; name: string; revision_number: number };

/** `npm start` as a user runs it: its own process, data on disk, killed without warning. */
describe('standalone process on its embedded default', () => {
  let dataDir: string;
  let service: ServiceProcess | undefined;

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'alcor-standalone-'))));
  afterAll(async () => {
    await service?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no accepted change when killed with SIGKILL, and serves it again after restart', async () => {
    service = await spawnService('standalone', { DATA_DIR: dataDir, DATABASE_URL: undefined, VNI_RANGES: '1:6' });
    let api = apiClient(service.baseUrl);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: `durable-${i}` } });
      expect(res.status).toBe(201);
      created.push(res.body.network.id);
    }
    const updated = await api.put<{ network: NetworkBody }>(`/v2.0/networks/${created[0]}`, { network: { name: 'renamed' } });
    expect(updated.status).toBe(200);
    await service.stop('SIGKILL');

    service = await spawnService('standalone', { DATA_DIR: dataDir, DATABASE_URL: undefined, VNI_RANGES: '1:6' });
    api = apiClient(service.baseUrl);
    const listed = (await api.get<{ networks: (NetworkBody & { 'provider:segmentation_id': number })[] }>('/v2.0/networks')).body.networks;
    expect(listed.map((n) => n.id).sort()).toEqual([...created].sort());
    const first = (await api.get<{ network: NetworkBody }>(`/v2.0/networks/${created[0]}`)).body.network;
    expect(first).toMatchObject({ name: 'renamed', revision_number: 2 });
    // The VNI allocator still knows which segments are taken.
    const next = await api.post<{ network: { 'provider:segmentation_id': number } }>('/v2.0/networks', { network: { name: 'after' } });
    expect(listed.map((n) => n['provider:segmentation_id']).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(next.body.network['provider:segmentation_id']).toBe(6);
    expect((await api.post('/v2.0/networks', { network: { name: 'one too many' } })).status).toBe(503);
  }, 120_000);

  it('stops cleanly on SIGTERM', async () => {
    await service?.stop('SIGTERM');
    expect(service?.child.exitCode === 0 || service?.child.signalCode === 'SIGTERM').toBe(true);
    service = undefined;
  }, 120_000);
});
