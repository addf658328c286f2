import { Environment } from '@alcor/config';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, ApiClient, createTestStore, StoreKind } from '@alcor/testing';
import { NodeInfo } from '../src/http/node.mapper';
import { NodeModule } from '../src/node.module';
import { nodeSchema } from '../src/node.schema';

export interface NodeFixture {
  service: TestService;
  api: ApiClient;
}

/** The node manager in a real HTTP service on the given store. */
export async function startNodeService(kind: StoreKind, environment: Partial<Environment> = {}): Promise<NodeFixture> {
  const store = await createTestStore(kind);
  const service = await startTestService({ features: [NodeModule], schemas: [nodeSchema], store, environment });
  return { service, api: apiClient(service.baseUrl) };
}

export type { NodeInfo };
export type NeutronFault = { NeutronError: { type: string; message: string } };

/** A valid host_info; `n` keeps names, IPs and MACs distinct. */
export function hostInfo(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const hex = (n % 256).toString(16).padStart(2, '0');
  return {
    node_name: `compute-${n}`,
    local_ip: `10.213.${Math.floor(n / 256)}.${n % 256}`,
    mac_address: `90:17:ac:c1:34:${hex}`,
    veth: 'eth1',
    ...extra,
  };
}

/** Names of every node, sorted: what the store holds. */
export async function nodeNames(api: ApiClient): Promise<string[]> {
  const { body } = await api.get<{ nodeInfos: NodeInfo[] }>('/nodes');
  return body.nodeInfos.map((n) => n.node_name).sort();
}
