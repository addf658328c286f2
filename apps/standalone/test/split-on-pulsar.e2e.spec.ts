import { randomBytes } from 'node:crypto';
import { decodeJson, PulsarWebSocketMessageBus } from '@alcor/bus';
import { ResourceEvent, TOPICS } from '@alcor/contracts';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore, waitFor } from '@alcor/testing';
import { runPortScenario } from './port-scenario';

/**
 * Split mode on Apache Pulsar: every manager is its own process with BUS=pulsar and its own
 * database (so each one's outbox relay publishes its own events), the gateway in front; the
 * port scenario runs through the gateway, a node is registered at the node manager, and one
 * consumer in the test must see the change events of all four publishing managers, once each
 * (by eventId) and in per-resource order.
 */
const wsUrl = process.env.PULSAR_WS_URL;
const httpUrl = process.env.PULSAR_HTTP_URL;
const postgres = storeKinds().includes('postgres');

type Data = Record<string, unknown> & { id?: string; node_id?: string; name?: string; network_id?: string };
interface Seen {
  topic: string;
  type: string;
  resourceId: string;
  revision: number;
  data: Data;
}

if (wsUrl && postgres) {
  describe('split mode on BUS=pulsar', () => {
    it('publishes the events of every manager process to one consumer, once each and in per-resource order', async () => {
      const stores: TestStore[] = [];
      const processes: ServiceProcess[] = [];
      const consumer = await PulsarWebSocketMessageBus.connect({ wsUrl, httpUrl });
      const seen: Seen[] = [];
      const eventIds = new Set<string>();
      let duplicates = 0;
      try {
        const topics = [TOPICS.networkEvents, TOPICS.subnetEvents, TOPICS.portEvents, TOPICS.nodeEvents];
        const run = randomBytes(4).toString('hex');
        // Subscribed before any manager starts: nothing they publish can be missed.
        for (const topic of topics) {
          await consumer.subscribe(topic, `split-${run}`, { mode: 'exclusive', initialPosition: 'latest' }, async (message) => {
            const event = decodeJson(message) as ResourceEvent<Data>;
            if (eventIds.has(event.eventId)) duplicates++;
            else {
              eventIds.add(event.eventId);
              seen.push({ topic, type: event.type, resourceId: event.resourceId, revision: event.revisionNumber, data: event.data });
            }
            await message.ack();
          });
        }

        const bus = { BUS: 'pulsar', PULSAR_WS_URL: wsUrl, PULSAR_HTTP_URL: httpUrl ?? '', OUTBOX_POLL_MS: '100' };
        const ownDatabase = async () => {
          const store = await createTestStore('postgres');
          stores.push(store);
          return { DATABASE_URL: store.databaseUrl, DATA_DIR: 'memory://', ...bus };
        };
        const [vpc, ipam, mac, node, sg] = await Promise.all(
          ['vpc-manager', 'private-ip-manager', 'mac-manager', 'node-manager', 'security-group-manager'].map(async (app) => spawnService(app, await ownDatabase())),
        );
        processes.push(vpc, ipam, mac, node, sg);
        const urls = {
          VPC_MANAGER_URL: vpc.baseUrl,
          IP_MANAGER_URL: ipam.baseUrl,
          MAC_MANAGER_URL: mac.baseUrl,
          NODE_MANAGER_URL: node.baseUrl,
          SG_MANAGER_URL: sg.baseUrl,
        };
        const subnet = await spawnService('subnet-manager', { ...(await ownDatabase()), ...urls });
        processes.push(subnet);
        const port = await spawnService('port-manager', { ...(await ownDatabase()), ...urls, SUBNET_MANAGER_URL: subnet.baseUrl });
        processes.push(port);
        const gateway = await spawnService('api-gateway', { ...urls, SUBNET_MANAGER_URL: subnet.baseUrl, PORT_MANAGER_URL: port.baseUrl }, '/healthz');
        processes.push(gateway);

        await runPortScenario(apiClient(gateway.baseUrl), `pulsar-${run}`);
        const nodes = apiClient(node.baseUrl);
        const hostInfo = { node_name: `compute-${run}`, local_ip: '10.214.0.7', mac_address: '90:17:ac:c1:35:07', veth: 'eth1' };
        const created = await nodes.post<{ host_info: { node_id: string } }>('/nodes', { host_info: hostInfo });
        expect(created.status).toBe(201);
        const nodeId = created.body.host_info.node_id;
        expect((await nodes.put(`/nodes/${nodeId}`, { host_info: { veth: 'eth2' } })).status).toBe(200);
        expect((await nodes.delete(`/nodes/${nodeId}`)).status).toBeLessThan(300);

        const of = (resourceId: string) => seen.filter((e) => e.resourceId === resourceId);
        const network = await waitFor(
          () => seen.find((e) => e.type === 'network.created' && e.data.name === `scenario-pulsar-${run}`),
          30_000,
          'the scenario network created event',
        );
        const networkId = network.resourceId;
        // The scenario ends by deleting every port, the subnet, the network; the node is deleted last.
        const portIds = () => [...new Set(seen.filter((e) => e.topic === TOPICS.portEvents && e.data.network_id === networkId).map((e) => e.resourceId))];
        await waitFor(
          () =>
            of(networkId).some((e) => e.type === 'network.deleted') &&
            seen.some((e) => e.type === 'subnet.deleted' && e.data.network_id === networkId) &&
            portIds().length === 7 &&
            portIds().every((id) => of(id).some((e) => e.type === 'port.deleted')) &&
            of(nodeId).some((e) => e.type === 'node.deleted'),
          60_000,
          'the deleted events of the network, its subnet, 7 ports and the node',
        ).catch((error: Error) => {
          throw new Error(`${error.message}; seen: ${JSON.stringify(seen.map((e) => [e.type, e.resourceId.slice(0, 8), e.revision]))}`);
        });

        // Each resource: created first, deleted last and once, revisions never going back.
        const subnetId = seen.find((e) => e.type === 'subnet.created' && e.data.network_id === networkId)?.resourceId ?? '';
        for (const [resource, id] of [['network', networkId], ['subnet', subnetId], ['node', nodeId], ...portIds().map((p) => ['port', p])]) {
          const events = of(id);
          const types = events.map((e) => e.type);
          expect([id, types[0], types.at(-1), types.filter((t) => t.endsWith('.deleted')).length]).toEqual([id, `${resource}.created`, `${resource}.deleted`, 1]);
          const revisions = events.map((e) => e.revision);
          expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
        }
        expect(of(nodeId).map((e) => [e.type, e.data.veth])).toEqual([
          ['node.created', 'eth1'],
          ['node.updated', 'eth2'],
          ['node.deleted', 'eth2'],
        ]);
        // The renamed port carries its update; failed requests (409s) published nothing.
        expect(portIds().filter((id) => of(id).some((e) => e.type === 'port.updated' && e.data.name === 'renamed'))).toHaveLength(1);
        process.stderr.write(`split on pulsar: ${seen.length} events over ${topics.length} topics from 4 manager processes, ${duplicates} duplicate deliveries\n`);
      } catch (error) {
        // What the managers logged (warn and up) says why a call through the gateway failed.
        const logs = processes.map((p) => `--- ${p.baseUrl}\n${p.output().slice(-3000)}`).join('\n');
        throw Object.assign(error as Error, { message: `${(error as Error).message}\n${logs}` });
      } finally {
        await consumer.close();
        await Promise.all(processes.map((p) => p.stop()));
        await Promise.all(stores.map((s) => s.dispose()));
      }
    }, 240_000);
  });
} else if (process.env.CI === 'true') {
  describe('split mode on BUS=pulsar', () => {
    it('needs Pulsar and PostgreSQL in CI', () => {
      throw new Error(`CI=true but ${wsUrl ? '' : 'PULSAR_WS_URL '}${postgres ? '' : 'TEST_DATABASE_URL '}is not set: start deploy/local/pulsar.sh and pg.sh and export what they print`);
    });
  });
} else {
  const reason = `${wsUrl ? '' : 'PULSAR_WS_URL '}${postgres ? '' : 'TEST_DATABASE_URL '}not set (deploy/local/pulsar.sh up, deploy/local/pg.sh up)`;
  process.stderr.write(`skipping split mode on BUS=pulsar: ${reason}\n`);
  describe.skip(`split mode on BUS=pulsar (skipped: ${reason})`, () => {
    it('runs managers as processes on a real broker', () => undefined);
  });
}
