import { QuotaUndo } from '@alcor/contracts';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { RestQuotaEnforcer } from '@alcor/quota';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

/** The quota manager as its own process (`nx serve quota-manager`), used by a split-mode manager's REST client. */
describe.each(storeKinds())('quota-manager process on %s', (kind) => {
  let store: TestStore;
  let service: ServiceProcess;
  let caller: Database;

  beforeAll(async () => {
    store = await createTestStore(kind);
    service = await spawnService('quota-manager', { DATA_DIR: 'memory://', DATABASE_URL: store.databaseUrl, QUOTA_PORT: '2' });
    // The calling manager's own store (its transaction fails, the quota manager's change is undone).
    caller = await Database.open({ dataDir: 'memory://', poolSize: 1 }, []);
  }, 120_000);
  afterAll(async () => {
    await caller?.close();
    await service?.stop();
    await store?.dispose();
  });

  const used = async (project: string) =>
    (await apiClient(service.baseUrl).get<{ quota: { port: { used: number; limit: number } } }>(`/v2.0/quotas/${project}/details.json`)).body.quota.port;

  it('consumes, refuses over the limit with OverQuota, releases, and undoes exactly once', async () => {
    const quota = new RestQuotaEnforcer(service.baseUrl);
    expect(await used('p1')).toEqual({ used: 0, limit: 2, reserved: 0 });
    const undoFirst = await quota.consume('p1', 'port', 2);
    await expect(quota.consume('p1', 'port', 1)).rejects.toMatchObject({ status: 409, type: 'OverQuota', message: "Quota exceeded for resources: ['port']." });
    expect((await used('p1')).used).toBe(2);
    await undoFirst();
    await undoFirst();
    expect((await used('p1')).used).toBe(0);

    await quota.consume('p1', 'port', 1);
    const undoRelease = await quota.release('p1', 'port', 1);
    expect((await used('p1')).used).toBe(0);
    await undoRelease();
    expect((await used('p1')).used).toBe(1);
  });

  it("undoes the quota manager's change when the caller's own transaction fails", async () => {
    const quota = new RestQuotaEnforcer(service.baseUrl);
    const failing = transactionWithCompensation(caller, async (_tx, onFailure: (undo: QuotaUndo) => void) => {
      onFailure(await quota.consume('p2', 'port', 2));
      throw new Error('the port insert failed');
    });
    await expect(failing).rejects.toThrow('the port insert failed');
    expect((await used('p2')).used).toBe(0);
  });

  it('applies an apply id once, and cancels an unknown id quietly', async () => {
    const api = apiClient(service.baseUrl);
    const body = { applyId: 'retry-1', projectId: 'p3', resourceDeltas: [{ resource: 'port', amount: 1 }] };
    expect((await api.post('/project/p3/quota/apply', body)).status).toBe(201);
    expect((await api.post('/project/p3/quota/apply', body)).status).toBe(201);
    expect((await used('p3')).used).toBe(1);
    expect((await api.delete('/quota/apply/retry-1')).status).toBe(204);
    expect((await api.delete('/quota/apply/retry-1')).status).toBe(204);
    expect((await api.delete('/quota/apply/never-made')).status).toBe(204);
    expect((await used('p3')).used).toBe(0);
    expect((await api.post('/project/p3/quota/apply', { applyId: 'bad', resourceDeltas: [{ resource: 'gpu', amount: 1 }] })).status).toBe(400);
  });
});
