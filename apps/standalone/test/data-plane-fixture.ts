import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Environment } from '@alcor/config';
import { DpmService } from '@alcor/dpm';
import { Fleet, type FleetOptions } from '@alcor/fleet';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, ApiClient, createTestStore, StoreKind, TestStore, waitFor } from '@alcor/testing';
import { STANDALONE_FEATURES, STANDALONE_SCHEMAS } from '../src/standalone.module';
import { Body, PortBody } from './standalone-fixture';

/** Short timings so a silent host is noticed within a second. */
export const DPM_TEST_ENVIRONMENT: Partial<Environment> = {
  DPM_GRPC_PORT: 0,
  DPM_PUSH_TIMEOUT_MS: 400,
  DPM_HEARTBEAT_MS: 150,
  DPM_HEARTBEAT_MISSES: 2,
  DPM_RETRY_MAX_MS: 300,
  OUTBOX_POLL_MS: 20,
  ...(process.env.DPM_TEST_LOG ? { LOG_LEVEL: 'debug' as const } : {}),
};

/** What a variant of the suite changes: how agents are made (e.g. over Pulsar) and the DPM's environment. */
export interface DataPlaneVariant {
  fleet?: FleetOptions;
  environment?: Partial<Environment>;
}

/**
 * The standalone process (every manager + the DPM) on a store that outlives restarts: PGlite
 * files in a temporary directory, or one throwaway PostgreSQL database. restart() stops the
 * process and starts it again on the same store, as a crash-free DPM restart.
 */
export class DataPlaneFixture {
  service!: TestService;
  api!: ApiClient;
  private constructor(
    private readonly store: TestStore,
    private readonly dataDir: string,
    readonly fleet: Fleet,
    private readonly variant: DataPlaneVariant = {},
  ) {}

  static async start(kind: StoreKind, agents: number, variant: DataPlaneVariant = {}): Promise<DataPlaneFixture> {
    const store = await createTestStore(kind);
    const dataDir = mkdtempSync(join(tmpdir(), 'dpm-e2e-'));
    const fleet = await Fleet.start(agents, { prefix: `e2e${kind}`, ...variant.fleet });
    const fixture = new DataPlaneFixture(store, dataDir, fleet, variant);
    await fixture.boot();
    return fixture;
  }

  get dpm(): DpmService {
    return this.service.app.get(DpmService);
  }

  async restart(): Promise<void> {
    await this.service.app.close();
    await this.boot();
  }

  async close(): Promise<void> {
    await this.service?.app.close();
    await this.fleet.stop();
    await this.store.dispose();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async registerFleet(): Promise<void> {
    const res = await this.api.post('/nodes/bulk', { host_infos: this.fleet.hostInfos() });
    if (res.status !== 200 && res.status !== 201) throw new Error(`node registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async port(id: string): Promise<PortBody> {
    return (await this.api.get<{ port: PortBody }>(`/v2.0/ports/${id}`)).body.port;
  }

  async waitForStatus(id: string, status: string, timeoutMs = 8000): Promise<PortBody> {
    return waitFor(async () => {
      const port = await this.port(id);
      return port.status === status && port;
    }, timeoutMs, `port ${id} ${status}`);
  }

  async createPort(networkId: string, host: string, extra: Record<string, unknown> = {}): Promise<PortBody> {
    const res = await this.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: networkId, 'binding:host_id': host, ...extra } });
    if (res.status !== 201) throw new Error(`port create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.port;
  }

  async network(cidr: string): Promise<{ network: Body; subnet: Body }> {
    const network = (await this.api.post<{ network: Body }>('/v2.0/networks', { network: { name: `dpm-${cidr}` } })).body.network;
    const res = await this.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr } });
    if (res.status !== 201) throw new Error(`subnet create failed: ${JSON.stringify(res.body)}`);
    return { network, subnet: res.body.subnet };
  }

  private async boot(): Promise<void> {
    // The store's dispose runs once, in close(): a restart keeps the data.
    const started = Date.now();
    const keep: TestStore = { ...this.store, dispose: async () => undefined };
    this.service = await startTestService({
      features: STANDALONE_FEATURES,
      schemas: STANDALONE_SCHEMAS,
      store: keep,
      environment: { ...DPM_TEST_ENVIRONMENT, ...this.variant.environment, DATA_DIR: this.store.databaseUrl ? 'memory://' : this.dataDir },
    });
    this.api = apiClient(this.service.baseUrl);
    if (process.env.DPM_TEST_LOG) console.log(`booted ${Date.now() - started} ms`);
    await waitFor(() => this.dpm.isRebuilt, 10000, 'the DPM index rebuild');
    this.fleet.setDpmAddress(`127.0.0.1:${this.dpm.ncm.port}`);
  }
}
