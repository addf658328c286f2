import { randomUUID } from 'node:crypto';
import { Environment } from '@alcor/config';
import { IP_ALLOCATOR, IpAllocator, IpRangeSpec } from '@alcor/contracts';
import { NeutronError } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, ApiClient, createTestStore, StoreKind } from '@alcor/testing';
import { RestIpAllocator } from '../src/client/rest-ip-allocator';
import { defaultAllocationPools } from '@alcor/netaddr';
import { IpamModule } from '../src/ipam.module';
import { ipamSchema } from '../src/ipam.schema';

export type AllocatorKind = 'in-process' | 'rest';
export const ALLOCATOR_KINDS: AllocatorKind[] = ['in-process', 'rest'];

export interface IpamFixture {
  service: TestService;
  api: ApiClient;
  database: Database;
  allocators: Record<AllocatorKind, IpAllocator>;
}

/** The Private IP manager in a real HTTP service, with both IpAllocator implementations. */
export async function startIpamService(kind: StoreKind, environment: Partial<Environment> = {}): Promise<IpamFixture> {
  const store = await createTestStore(kind);
  const service = await startTestService({ features: [IpamModule], schemas: [ipamSchema], store, environment });
  return {
    service,
    api: apiClient(service.baseUrl),
    database: service.app.get(Database),
    allocators: { 'in-process': service.app.get<IpAllocator>(IP_ALLOCATOR), rest: new RestIpAllocator(service.baseUrl) },
  };
}

/** A fresh subnet's range with Neutron's default pools (gateway excluded). */
export function rangeSpec(cidr: string, gatewayIp: string | null, changes: Partial<IpRangeSpec> = {}): IpRangeSpec {
  return {
    subnetId: randomUUID(),
    networkId: randomUUID(),
    projectId: 'p1',
    ipVersion: cidr.includes(':') ? 6 : 4,
    cidr,
    gatewayIp,
    allocationPools: defaultAllocationPools(cidr, gatewayIp),
    ...changes,
  };
}

export async function createRange(allocator: IpAllocator, cidr: string, gatewayIp: string | null, changes: Partial<IpRangeSpec> = {}): Promise<IpRangeSpec> {
  const spec = rangeSpec(cidr, gatewayIp, changes);
  await allocator.createRange(spec);
  return spec;
}

/** The Neutron error a call failed with (fails the test if it succeeded or failed otherwise). */
export async function neutronError(call: Promise<unknown>): Promise<{ status: number; type: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof NeutronError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected a Neutron error, the call succeeded');
}

export const newPort = () => randomUUID();

/** Allocation rows of a subnet, straight from the store. */
export async function rowCount(database: Database, subnetId: string): Promise<number> {
  const rows: { n: string }[] = await database.read((em) => em.query('SELECT count(*) AS n FROM ip_allocations WHERE subnet_id = $1', [subnetId]));
  return Number(rows[0].n);
}
