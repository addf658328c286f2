import { DynamicModule, Type } from '@nestjs/common';
import { Environment } from '@alcor/config';
import { IpamModule, ipamSchema } from '@alcor/ipam';
import { MacModule, macSchema } from '@alcor/mac';
import { NodeModule, nodeSchema } from '@alcor/node';
import { PersistenceSchema } from '@alcor/persistence';
import { startTestService, TestService } from '@alcor/platform/testing';
import { PortModule, portSchema } from '@alcor/port';
import { QuotaModule, quotaSchema } from '@alcor/quota';
import { SubnetModule, subnetSchema } from '@alcor/subnet';
import { apiClient, ApiClient, createTestStore, StoreKind } from '@alcor/testing';
import { VpcModule, vpcSchema } from '@alcor/vpc';

/** The managers that create counted resources, with the quota manager, in one process (as standalone). */
export const QUOTA_TEST_FEATURES: (Type<unknown> | DynamicModule)[] = [VpcModule, SubnetModule, IpamModule, MacModule, NodeModule, PortModule, QuotaModule];
export const QUOTA_TEST_SCHEMAS: PersistenceSchema[] = [vpcSchema, subnetSchema, ipamSchema, macSchema, nodeSchema, portSchema, quotaSchema];

export interface QuotaFixture {
  service: TestService;
  /** An admin of project `admin-project`. */
  admin: ApiClient;
  /** A member of `project`. */
  tenant(project: string, roles?: string): ApiClient;
}

/** Behind trusted headers, so one service sees an admin and several tenants. */
export async function startQuotaService(kind: StoreKind, environment: Partial<Environment> = {}): Promise<QuotaFixture> {
  const store = await createTestStore(kind);
  const service = await startTestService({
    features: QUOTA_TEST_FEATURES,
    schemas: QUOTA_TEST_SCHEMAS,
    store,
    environment: { AUTH_STRATEGY: 'trusted-headers', ...environment },
  });
  return {
    service,
    admin: apiClient(service.baseUrl, { 'x-project-id': 'admin-project', 'x-roles': 'admin' }),
    tenant: (project, roles = 'member') => apiClient(service.baseUrl, { 'x-project-id': project, 'x-roles': roles }),
  };
}

export type Body = Record<string, unknown> & { id: string };
export type NeutronFault = { NeutronError: { type: string; message: string } };

export const overQuotaBody = (resource: string): NeutronFault => ({
  NeutronError: { type: 'OverQuota', message: `Quota exceeded for resources: ['${resource}'].` },
});

/** A network with one IPv4 subnet, created by `api`'s project. */
export async function networkWithSubnet(api: ApiClient, cidr: string) {
  const created = await api.post<{ network: Body }>('/v2.0/networks', { network: { name: `net-${cidr}` } });
  if (created.status !== 201) throw new Error(`network create failed: ${JSON.stringify(created.body)}`);
  const network = created.body.network;
  const res = await api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr } });
  if (res.status !== 201) throw new Error(`subnet create failed: ${JSON.stringify(res.body)}`);
  return { network, subnet: res.body.subnet };
}
