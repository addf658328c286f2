import { Environment } from '@alcor/config';
import { MAC_ALLOCATOR, MacAllocator } from '@alcor/contracts';
import { Database } from '@alcor/persistence';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, ApiClient, createTestStore, StoreKind } from '@alcor/testing';
import { MacRandomSource } from '../src/generation/mac-random-source';
import { MacModule } from '../src/mac.module';
import { macSchema } from '../src/mac.schema';

export interface MacFixture {
  service: TestService;
  api: ApiClient;
  database: Database;
  /** The in-process allocator, as the port manager gets it in standalone mode. */
  allocator: MacAllocator;
  /** Rows in mac_allocations (of one network, or all). */
  countRows(scope?: string): Promise<number>;
}

/** The MAC manager in a real HTTP service on the given store. */
export async function startMacService(
  kind: StoreKind,
  options: { environment?: Partial<Environment>; random?: MacRandomSource } = {},
): Promise<MacFixture> {
  const store = await createTestStore(kind);
  const feature = options.random ? MacModule.withRandomSource(options.random) : MacModule;
  const service = await startTestService({ features: [feature], schemas: [macSchema], store, environment: options.environment });
  const database = service.app.get(Database);
  return {
    service,
    api: apiClient(service.baseUrl),
    database,
    allocator: service.app.get<MacAllocator>(MAC_ALLOCATOR),
    countRows: async (scope) => {
      const rows: { n: string | number }[] = await database.read((em) =>
        scope === undefined
          ? em.query('SELECT count(*) AS n FROM mac_allocations')
          : em.query('SELECT count(*) AS n FROM mac_allocations WHERE scope = $1', [scope]),
      );
      return Number(rows[0].n);
    },
  };
}

export type MacStateBody = { mac_address: string; project_id: string; vpc_id: string | null; port_id: string | null; state: string };
export type MacRangeBody = { range_id: string; from: string; to: string; state: string };
export type ErrorBody = { NeutronError: { type: string; message: string; detail: string } };

export const GENERATED = /^fa:16:3e(:[0-9a-f]{2}){3}$/;
