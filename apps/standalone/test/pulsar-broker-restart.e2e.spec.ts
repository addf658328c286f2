import { randomBytes } from 'node:crypto';
import { decodeJson, PulsarWebSocketMessageBus } from '@alcor/bus';
import { ResourceEvent, TOPICS } from '@alcor/contracts';
import { Database, OutboxEventEntity } from '@alcor/persistence';
import { storeKinds, waitFor } from '@alcor/testing';
import { Body, networkWithSubnet, startStandalone, StandaloneFixture } from './standalone-fixture';
import { PrivateBroker, startPrivateBroker } from './private-pulsar-broker';

/**
 * Fault test on a real broker: ports are created (and renamed) through the Neutron API while the
 * Pulsar broker is stopped (orderly, or killed with SIGKILL) and started again. Afterwards a consumer must have applied every
 * change exactly once (deduplicated by eventId) and in per-port order. The broker is a private
 * one (see private-pulsar-broker.ts), so suites on the shared broker are not disturbed.
 */
const pulsarAvailable = Boolean(process.env.PULSAR_WS_URL);

interface Applied {
  type: string;
  revision: number;
  eventId: string;
}

if (pulsarAvailable) {
  jest.setTimeout(300_000);
  let broker: PrivateBroker;
  beforeAll(async () => {
    broker = await startPrivateBroker();
  }, 240_000);
  afterAll(() => broker?.dispose());

  // An orderly restart, and a crash (SIGKILL) on PostgreSQL when it is there. The crash case used
  // to leave events undelivered now and then: the restarted broker's bookie registration looped
  // (apache/pulsar#17759), which deploy/local/pulsar.sh start now detects and clears.
  const kinds = storeKinds();
  const cases = kinds.length > 1
    ? ([[kinds[0], 'term'], [kinds[1], 'kill']] as const)
    : ([[kinds[0], 'term'], [kinds[0], 'kill']] as const);

  describe.each(cases)('port events across a Pulsar broker restart on %s (%s)', (kind, how) => {
    let f: StandaloneFixture;
    let consumerBus: PulsarWebSocketMessageBus;
    const applied = new Map<string, Applied[]>();
    const seenEventIds = new Set<string>();
    let deliveries = 0;
    let consumerErrors = 0;

    beforeAll(async () => {
      // Quick reconnects, so the test does not wait out a long backoff after the broker is back.
      const backoff = { initialMs: 100, maxMs: 1_000 };
      f = await startStandalone(kind, {
        BUS: 'pulsar',
        PULSAR_WS_URL: broker.wsUrl,
        PULSAR_HTTP_URL: broker.httpUrl,
      });
      consumerBus = await PulsarWebSocketMessageBus.connect({ wsUrl: broker.wsUrl, httpUrl: broker.httpUrl, backoff, onError: () => consumerErrors++ });
      // A consumer that applies each event once: deliveries of an eventId seen before are only acked.
      await consumerBus.subscribe(
        TOPICS.portEvents,
        `fault-${kind}-${how}-${randomBytes(4).toString('hex')}`,
        { mode: 'exclusive', initialPosition: 'latest' },
        async (message) => {
          deliveries++;
          const event = decodeJson(message) as ResourceEvent<Body>;
          if (!seenEventIds.has(event.eventId)) {
            seenEventIds.add(event.eventId);
            const list = applied.get(event.resourceId) ?? [];
            list.push({ type: event.type, revision: event.revisionNumber, eventId: event.eventId });
            applied.set(event.resourceId, list);
          }
          await message.ack();
        },
      );
    });
    afterAll(async () => {
      await consumerBus?.close();
      await f?.service.close();
    });

    it('delivers every created and renamed port exactly once, in per-port order, while the broker restarts', async () => {
      const started = Date.now();
      const { network } = await networkWithSubnet(f.api, '10.88.0.0/22');
      const ports: string[] = [];
      const whileDown: string[] = [];
      let brokerDown = false;
      let streaming = true;
      const failures: string[] = [];

      // One port created and renamed every ~100 ms, before, during and after the restart.
      const stream = (async () => {
        while (streaming) {
          const created = await f.api.post<{ port: Body }>('/v2.0/ports', { port: { network_id: network.id, name: 'p' } });
          if (created.status !== 201) {
            failures.push(`create ${created.status} ${JSON.stringify(created.body)}`);
            break;
          }
          const id = created.body.port.id;
          ports.push(id);
          if (brokerDown) whileDown.push(id);
          const renamed = await f.api.put(`/v2.0/ports/${id}`, { port: { name: 'renamed' } });
          if (renamed.status !== 200) failures.push(`rename ${renamed.status} ${JSON.stringify(renamed.body)}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();

      // Some events flow through the live broker first.
      await waitFor(() => applied.size >= 5, 30_000, 'events before the restart');
      const { downMs } = await broker.restart(how, {
        stopped: () => {
          brokerDown = true;
        },
      });
      brokerDown = false;
      const brokerBack = Date.now();
      const afterRestart = ports.length;
      await waitFor(() => ports.length >= afterRestart + 10, 30_000, 'ports created after the restart');
      streaming = false;
      await stream;
      expect(failures).toEqual([]);

      // The Neutron API kept answering while the broker was away (the outbox holds the events).
      expect(whileDown.length).toBeGreaterThan(0);

      const complete = () => ports.every((id) => (applied.get(id)?.length ?? 0) >= 2);
      await waitFor(complete, 120_000, `both events of all ${ports.length} ports`).catch((error: Error) => {
        const missing = ports.filter((id) => (applied.get(id)?.length ?? 0) < 2);
        throw new Error(`${error.message}: ${missing.length} ports incomplete, e.g. ${JSON.stringify(missing.slice(0, 3).map((id) => [id, applied.get(id)]))}`);
      });
      const caughtUpMs = Date.now() - brokerBack;

      for (const id of ports) {
        // Exactly the two changes, once each, in commit order.
        expect([id, applied.get(id)?.map((e) => [e.type, e.revision])]).toEqual([
          id,
          [
            ['port.created', 1],
            ['port.updated', 2],
          ],
        ]);
      }
      // Nothing published that nobody asked for: every applied event belongs to a port of this test.
      expect([...applied.keys()].filter((id) => !ports.includes(id))).toEqual([]);

      const database = f.service.app.get(Database);
      await waitFor(async () => (await database.read((em) => em.count(OutboxEventEntity))) === 0, 30_000, 'an empty outbox');
      // The consumer really lost its connection (and came back).
      expect(consumerErrors).toBeGreaterThan(0);
      process.stderr.write(
        `pulsar restart (${kind}, ${how}): ${ports.length} ports (${whileDown.length} created while the broker was down), ` +
          `broker down+up ${downMs} ms, every event applied ${caughtUpMs} ms after the broker was back, ${deliveries} deliveries for ${seenEventIds.size} events, test ${Date.now() - started} ms\n`,
      );
    });
  });
} else if (process.env.CI === 'true') {
  describe('port events across a Pulsar broker restart', () => {
    it('needs Pulsar in CI', () => {
      throw new Error('PULSAR_WS_URL is not set but CI=true: deploy/local/pulsar.sh up must run first (its install is reused for a private broker)');
    });
  });
} else {
  const reason = 'PULSAR_WS_URL is not set (deploy/local/pulsar.sh up, then export the URLs it prints)';
  process.stderr.write(`skipping the Pulsar broker-restart suite: ${reason}\n`);
  describe.skip(`port events across a Pulsar broker restart (skipped: ${reason})`, () => {
    it('runs against a real broker', () => undefined);
  });
}
