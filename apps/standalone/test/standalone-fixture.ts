import { Environment } from '@alcor/config';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, ApiClient, createTestStore, StoreKind } from '@alcor/testing';
import { STANDALONE_FEATURES, STANDALONE_SCHEMAS } from '../src/standalone.module';

export interface StandaloneFixture {
  service: TestService;
  api: ApiClient;
}

/** Every manager in one HTTP service, as `npm start` composes them, on the given store. */
export async function startStandalone(kind: StoreKind, environment: Partial<Environment> = {}): Promise<StandaloneFixture> {
  const store = await createTestStore(kind);
  const service = await startTestService({ features: STANDALONE_FEATURES, schemas: STANDALONE_SCHEMAS, store, environment });
  return { service, api: apiClient(service.baseUrl) };
}

export type Body = Record<string, unknown> & { id: string };
export type PortBody = Body & { mac_address: string; fixed_ips: { subnet_id: string; ip_address: string }[]; status: string; revision_number: number };

/** A network with one IPv4 subnet, for port tests. */
export async function networkWithSubnet(api: ApiClient, cidr = '10.77.0.0/24', extra: Record<string, unknown> = {}) {
  const network = (await api.post<{ network: Body }>('/v2.0/networks', { network: { name: `net-${cidr}` } })).body.network;
  const res = await api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr, ...extra } });
  if (res.status !== 201) throw new Error(`subnet create failed: ${JSON.stringify(res.body)}`);
  return { network, subnet: res.body.subnet };
}
