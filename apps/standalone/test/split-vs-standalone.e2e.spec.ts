import { startTestService, TestService } from '@alcor/platform/testing';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';
import { STANDALONE_FEATURES, STANDALONE_SCHEMAS } from '../src/standalone.module';
import { runPortScenario } from './port-scenario';
import { runSecurityGroupScenario } from './security-group-scenario';

const postgres = storeKinds().includes('postgres');

describe('the same port scenario, standalone and split', () => {
  it('passes with every manager in one process', async () => {
    const store = await createTestStore(postgres ? 'postgres' : 'pglite');
    const service: TestService = await startTestService({ features: STANDALONE_FEATURES, schemas: STANDALONE_SCHEMAS, store });
    try {
      await runPortScenario(apiClient(service.baseUrl), 'standalone');
      await runSecurityGroupScenario(apiClient(service.baseUrl), 'standalone');
    } finally {
      await service.close();
    }
  });

  (postgres ? it : it.skip)('passes with each manager as its own process on PostgreSQL, behind the gateway', async () => {
    let store: TestStore | undefined;
    const processes: ServiceProcess[] = [];
    try {
      store = await createTestStore('postgres');
      const db = { DATABASE_URL: store.databaseUrl, DATA_DIR: 'memory://' };
      const [vpc, ipam, mac, node, sg] = await Promise.all(
        ['vpc-manager', 'private-ip-manager', 'mac-manager', 'node-manager', 'security-group-manager'].map((app) => spawnService(app, db)),
      );
      processes.push(vpc, ipam, mac, node, sg);
      const urls = { VPC_MANAGER_URL: vpc.baseUrl, IP_MANAGER_URL: ipam.baseUrl, MAC_MANAGER_URL: mac.baseUrl, NODE_MANAGER_URL: node.baseUrl, SG_MANAGER_URL: sg.baseUrl };
      const subnet = await spawnService('subnet-manager', { ...db, ...urls });
      processes.push(subnet);
      const port = await spawnService('port-manager', { ...db, ...urls, SUBNET_MANAGER_URL: subnet.baseUrl });
      processes.push(port);
      const gateway = await spawnService('api-gateway', { ...urls, SUBNET_MANAGER_URL: subnet.baseUrl, PORT_MANAGER_URL: port.baseUrl }, '/healthz');
      processes.push(gateway);
      await runPortScenario(apiClient(gateway.baseUrl), 'split');
      await runSecurityGroupScenario(apiClient(gateway.baseUrl), 'split');
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await store?.dispose();
    }
  }, 180_000);
});
