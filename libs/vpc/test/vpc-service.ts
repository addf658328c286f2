import { Environment } from '@alcor/config';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, ApiClient, createTestStore, StoreKind } from '@alcor/testing';
import { VpcModule } from '../src/vpc.module';
import { vpcSchema } from '../src/vpc.schema';

export interface VpcFixture {
  service: TestService;
  api: ApiClient;
}

/** The VPC manager in a real HTTP service on the given store. */
export async function startVpcService(kind: StoreKind, environment: Partial<Environment> = {}): Promise<VpcFixture> {
  const store = await createTestStore(kind);
  const service = await startTestService({ features: [VpcModule], schemas: [vpcSchema], store, environment });
  return { service, api: apiClient(service.baseUrl) };
}

export type NetworkBody = Record<string, unknown> & { id: string; revision_number: number };
