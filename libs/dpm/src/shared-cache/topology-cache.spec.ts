import { InMemoryKvStore, tryAcquireLease } from '@alcor/kv';
import type { ResourceEvent } from '@alcor/contracts';
import { DataPlane } from '../data-plane';
import { RecordingTransport } from '../testing-transport';
import { LEADER_LEASE_KEY, LeaderLease } from './leader-lease';
import { goalStateDigest } from './goal-state-digest';
import { POPULATED_KEY, TopologyCache } from './topology-cache';

describe('TopologyCache', () => {
  it('writes through by revision: an older revision never overwrites a newer one, a delete removes', async () => {
    const store = new InMemoryKvStore();
    const cache = new TopologyCache(store);
    expect(await cache.write('port/p1', 2, false, { id: 'p1', name: 'b' })).toBe(true);
    expect(await cache.write('port/p1', 1, false, { id: 'p1', name: 'a' })).toBe(false);
    expect(JSON.parse((await store.get('port/p1')) ?? '{}')).toEqual({ revision: 2, data: { id: 'p1', name: 'b' } });
    expect(await cache.write('port/p1', 2, false, { id: 'p1', name: 'c' })).toBe(true);
    expect(await cache.write('port/p1', 1, true, undefined)).toBe(false);
    expect(await store.get('port/p1')).toBeDefined();
    expect(await cache.write('port/p1', 3, true, undefined)).toBe(true);
    expect(await store.get('port/p1')).toBeUndefined();
    expect(await cache.write('port/p1', 3, true, undefined)).toBe(false);
  });

  it('is populated only after fill, and loads nodes and networks before ports', async () => {
    const store = new InMemoryKvStore();
    const cache = new TopologyCache(store);
    await cache.write('port/a', 1, false, { id: 'a' });
    expect(await cache.isPopulated()).toBe(false);
    await cache.fill([
      { resource: 'network', id: 'n', revision: 1, data: { id: 'n' } },
      { resource: 'node', id: 'z', revision: 4, data: { node_id: 'z' } },
    ]);
    expect(await store.get(POPULATED_KEY)).toBeDefined();
    expect(await cache.isPopulated()).toBe(true);
    expect((await cache.load()).map((r) => [r.resource, r.id, r.revision])).toEqual([
      ['node', 'z', 4],
      ['network', 'n', 1],
      ['port', 'a', 1],
    ]);
  });
});

describe('LeaderLease', () => {
  it('one of two replicas leads; the other takes over once the leader stops renewing', async () => {
    const store = new InMemoryKvStore();
    const roles: string[] = [];
    const a = new LeaderLease(store, { holder: 'a', ttlMs: 300, onRole: (l) => roles.push(`a:${l}`), onError: () => undefined });
    const b = new LeaderLease(store, { holder: 'b', ttlMs: 300, onRole: (l) => roles.push(`b:${l}`), onError: () => undefined });
    await a.start();
    await b.start();
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    await a.stop(); // releases: b takes it at its next renewal
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(b.isLeader).toBe(true);
    expect(roles).toEqual(['a:true', 'b:false', 'b:true']);
    await b.stop();
  });

  it('a crashed leader (lease not released) is replaced only after its ttl', async () => {
    const store = new InMemoryKvStore();
    expect(await tryAcquireLease(store, LEADER_LEASE_KEY, 'crashed', 400)).toBe(true);
    const b = new LeaderLease(store, { holder: 'b', ttlMs: 300, onRole: () => undefined, onError: () => undefined });
    await b.start();
    expect(b.isLeader).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(b.isLeader).toBe(true);
    await b.stop();
  });
});

describe('two replicas through the cache', () => {
  const timings = { pushTimeoutMs: 200, heartbeatMs: 60_000, heartbeatMisses: 2, retryMaxMs: 20 };
  let seq = 0;
  const event = (resource: string, change: string, id: string, data: { revision_number: number } & Record<string, unknown>): ResourceEvent<unknown> => ({
    schemaVersion: 1, eventId: `e${++seq}`, type: `${resource}.${change}`, resource, resourceId: id, projectId: 'p', revisionNumber: data.revision_number, occurredAt: '', data,
  });
  const node = (n: number) => ({ node_id: `n${n}`, node_name: `host-${n}`, local_ip: `10.1.0.${n}`, mac_address: `02:00:00:00:00:0${n}`, server_port: 50001, revision_number: 1 });
  const network = { id: 'net', project_id: 'p', name: 'n', 'provider:segmentation_id': 100, 'provider:network_type': 'vxlan', revision_number: 1 };
  const subnet = { id: 'sub', network_id: 'net', name: 's', cidr: '10.0.0.0/24', gateway_ip: '10.0.0.1', enable_dhcp: true, ip_version: 4, revision_number: 1 };
  const port = (id: string, host: string, ip: string, revision = 1) => ({
    id, network_id: 'net', project_id: 'p', name: id, mac_address: `fa:16:3e:00:00:${ip.split('.')[3].padStart(2, '0')}`, fixed_ips: [{ subnet_id: 'sub', ip_address: ip }],
    'binding:host_id': host, admin_state_up: true, device_id: '', device_owner: '', security_groups: [], allowed_address_pairs: [], status: 'DOWN', revision_number: revision,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('a replica loading the cache another replica wrote through has the same goal-state digests, and a held delivery pushes nothing until released', async () => {
    const store = new InMemoryKvStore();
    const cache = new TopologyCache(store);
    const transport = new RecordingTransport();
    const a = new DataPlane(transport, timings, () => undefined);
    a.load([]);
    await cache.fill([]);
    a.onApplied = (key, revision, deleted, data, unprogrammed) => cache.enqueue(key, revision, deleted, data, unprogrammed);
    const events = [
      event('node', 'created', 'n1', node(1)),
      event('node', 'created', 'n2', node(2)),
      event('network', 'created', 'net', network),
      event('subnet', 'created', 'sub', subnet),
      event('port', 'created', 'pb', port('pb', 'host-2', '10.0.0.11')),
      event('port', 'created', 'pa', port('pa', 'host-1', '10.0.0.10')),
      event('port', 'updated', 'pa', port('pa', 'host-2', '10.0.0.10', 2)),
      event('port', 'updated', 'pb', { ...port('pb', 'host-2', '10.0.0.11', 2), status: 'ACTIVE' }), // status only: not re-programmed
      event('port', 'updated', 'pb', { ...port('pb', 'host-2', '10.0.0.11', 3), status: 'DOWN' }),
      event('port', 'created', 'pc', port('pc', 'host-1', '10.0.0.12')),
      event('port', 'deleted', 'pc', port('pc', 'host-1', '10.0.0.12', 2)),
    ];
    for (const e of events) a.handle(e);
    await cache.flush();
    expect(await store.get('port/pc')).toBeUndefined();
    expect(JSON.parse((await store.get('port/pb')) ?? '{}')).toMatchObject({ revision: 3, data: { revision_number: 1, status: 'DOWN' } });

    const toB = new RecordingTransport();
    const b = new DataPlane(toB, timings, () => undefined);
    b.delivery.hold();
    b.load(await cache.load());
    await settle();
    expect(toB.pushes).toHaveLength(0);
    for (const host of ['host-1', 'host-2']) {
      const digest = goalStateDigest(b.index, host);
      expect(digest?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(digest).toEqual(goalStateDigest(a.index, host));
    }
    expect(goalStateDigest(b.index, 'host-2')?.counts['portStates']).toBe(2);
    expect(goalStateDigest(b.index, 'nope')).toBeUndefined();
    // Replayed history is stale for b (seeded from the cache's revisions).
    expect(b.handle({ ...events[6], eventId: 'replayed' })).toBe(false);

    const before = goalStateDigest(a.index, 'host-1')?.sha256;
    const next = event('port', 'created', 'pd', port('pd', 'host-1', '10.0.0.13'));
    a.handle(next);
    b.handle(next);
    expect(goalStateDigest(a.index, 'host-1')?.sha256).not.toBe(before);
    expect(goalStateDigest(b.index, 'host-1')).toEqual(goalStateDigest(a.index, 'host-1'));

    b.delivery.release();
    await settle();
    expect(toB.to('10.1.0.1:50001', 'full')).toHaveLength(1);
    expect(Object.keys(toB.to('10.1.0.2:50001', 'full')[0]?.goalState.portStates ?? {}).sort()).toEqual(['pa', 'pb']);
    a.stop();
    b.stop();
  });
});
