import { FloatingIpStatusEvent, FLOATINGIP_RESOURCE, ResourceEvent, TOPICS } from '@alcor/contracts';
import { OperationStatus } from '@alcor/proto';
import { DataPlane } from './data-plane';
import { dpmTopics } from './dpm.service';
import { loadTopology } from './rebuild/topology-loader';
import { RecordingTransport } from './testing-transport';

// Floating-IP events (TOPICS.floatingIpEvents) -> the router state of the fixed port's host only;
// deduplicated and stale-filtered like every resource; rebuilt from the listings on restart.

const timings = { pushTimeoutMs: 200, heartbeatMs: 60_000, heartbeatMisses: 2, retryMaxMs: 20 };
const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

let seq = 0;
function event<T extends { revision_number?: number }>(resource: string, change: 'created' | 'updated' | 'deleted', id: string, data: T, eventId = `fe${++seq}`): ResourceEvent<T> {
  return { schemaVersion: 1, eventId, type: `${resource}.${change}`, resource, resourceId: id, projectId: 'p', revisionNumber: data.revision_number ?? 1, occurredAt: '', data };
}

const node = (n: number) => ({ node_id: `n${n}`, node_name: `host-${n}`, local_ip: `10.1.0.${n}`, mac_address: `02:00:00:00:00:0${n}`, server_port: 50001, revision_number: 1 });
const network = (id: string, vni: number) => ({ id, project_id: 'p', name: id, 'provider:segmentation_id': vni, 'provider:network_type': 'vxlan', revision_number: 1 });
const subnet = (id: string, networkId: string, cidr: string, gateway: string) => ({ id, network_id: networkId, name: id, cidr, gateway_ip: gateway, enable_dhcp: false, ip_version: 4, revision_number: 1 });
const port = (id: string, networkId: string, subnetId: string, host: string, ip: string, extra: Record<string, unknown> = {}) => ({
  id,
  network_id: networkId,
  project_id: 'p',
  name: id,
  mac_address: `fa:16:3e:00:00:${ip.split('.')[3].padStart(2, '0')}`,
  fixed_ips: [{ subnet_id: subnetId, ip_address: ip }],
  'binding:host_id': host,
  admin_state_up: true,
  device_id: '',
  device_owner: 'compute:nova',
  security_groups: [],
  allowed_address_pairs: [],
  status: 'DOWN',
  revision_number: 1,
  ...extra,
});
const routerInterface = port('rp', 'net', 'sub', '', '10.0.0.1', { device_owner: 'network:router_interface', device_id: 'r1' });
const floatingPort = port('fp', 'ext', 'ext-sub', '', '203.0.113.10', { device_owner: 'network:floatingip', device_id: 'f1' });
const router = { id: 'r1', name: 'r1', project_id: 'p', revision_number: 1, routes: [], interfaces: [{ subnet_id: 'sub', port_id: 'rp' }] };
/** What the floating-IP manager records (FloatingIpEventData). */
const fip = (portId: string | null, fixedIp: string | null, revision: number) => ({
  id: 'f1',
  project_id: 'p',
  floating_network_id: 'ext',
  floating_ip_address: '203.0.113.10',
  port_id: portId,
  fixed_ip_address: fixedIp,
  router_id: portId ? 'r1' : null,
  status: 'DOWN',
  revision_number: revision,
  floating_port_id: 'fp',
  floating_subnet_id: 'ext-sub',
});

/** Two hosts, a tenant network with ports on each, an external network, and router r1 between them. */
const topology = () => [
  event('node', 'created', 'n1', node(1)),
  event('node', 'created', 'n2', node(2)),
  event('network', 'created', 'net', network('net', 100)),
  event('subnet', 'created', 'sub', subnet('sub', 'net', '10.0.0.0/24', '10.0.0.1')),
  event('network', 'created', 'ext', network('ext', 200)),
  event('subnet', 'created', 'ext-sub', subnet('ext-sub', 'ext', '203.0.113.0/24', '203.0.113.1')),
  event('port', 'created', 'rp', routerInterface),
  event('port', 'created', 'fp', floatingPort),
  event('router', 'created', 'r1', router),
  event('port', 'created', 'pa', port('pa', 'net', 'sub', 'host-1', '10.0.0.10')),
  event('port', 'created', 'pb', port('pb', 'net', 'sub', 'host-2', '10.0.0.11')),
];

const fipsOf = (plane: DataPlane, host: string) => (plane.index.fullGoalState(host)?.routerStates['r1']?.configuration?.floatingIps ?? []).map((f) => `${f.id}@${f.portId}`);

describe('DPM floating IPs', () => {
  let transport: RecordingTransport;
  let plane: DataPlane;

  beforeEach(async () => {
    transport = new RecordingTransport();
    plane = new DataPlane(transport, timings, () => undefined);
    plane.load([]);
    for (const e of topology()) {
      expect(plane.handle(e)).toBe(true);
    }
    await tick();
  });
  afterEach(() => plane.stop());

  it('subscribes the floating-IP topic', () => {
    expect(dpmTopics()).toContain(TOPICS.floatingIpEvents);
  });

  it('associate: only the fixed port host gets a router delta; disassociate removes it; re-associate moves it', async () => {
    const pushed = transport.pushes.length;
    expect(plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)))).toBe(true);
    await tick();
    const deltas = transport.pushes.slice(pushed).filter((p) => p.kind === 'delta');
    expect(deltas.map((p) => p.address)).toEqual(['10.1.0.1:50001']);
    const fips = deltas[0].goalState.routerStates['r1'].configuration?.floatingIps;
    expect(fips?.map((f) => [f.floatingIpAddress, f.fixedIpAddress, f.portId, f.floatingGatewayIp, f.floatingMacAddress])).toEqual([
      ['203.0.113.10', '10.0.0.10', 'pa', '203.0.113.1', floatingPort.mac_address],
    ]);
    expect(plane.progressOf(FLOATINGIP_RESOURCE, 'f1')?.hosts).toEqual(['host-1']);

    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip(null, null, 3)));
    expect(plane.progressOf(FLOATINGIP_RESOURCE, 'f1')?.hosts).toEqual(['host-1']);
    expect(fipsOf(plane, 'host-1')).toEqual([]);

    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pb', '10.0.0.11', 4)));
    expect(plane.progressOf(FLOATINGIP_RESOURCE, 'f1')?.hosts).toEqual(['host-2']);
    expect(fipsOf(plane, 'host-2')).toEqual(['f1@pb']);
    expect(fipsOf(plane, 'host-1')).toEqual([]);
  });

  it('drops redelivered and stale floating-IP events; a delete of the last revision wins', () => {
    const associate = event(FLOATINGIP_RESOURCE, 'created', 'f1', fip('pa', '10.0.0.10', 2));
    expect(plane.handle(associate)).toBe(true);
    expect(plane.handle(associate)).toBe(false);
    expect(plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pb', '10.0.0.11', 1)))).toBe(false);
    expect(fipsOf(plane, 'host-1')).toEqual(['f1@pa']);
    expect(fipsOf(plane, 'host-2')).toEqual([]);
    expect(plane.handle(event(FLOATINGIP_RESOURCE, 'deleted', 'f1', fip('pa', '10.0.0.10', 2)))).toBe(true);
    expect(fipsOf(plane, 'host-1')).toEqual([]);
    expect(plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)))).toBe(false);
  });

  it('a port move carries the mapping to the new host (port event, no floating-IP event)', () => {
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)));
    plane.handle(event('port', 'updated', 'pa', port('pa', 'net', 'sub', 'host-2', '10.0.0.10', { revision_number: 2 })));
    expect(fipsOf(plane, 'host-2')).toEqual(['f1@pa']);
    expect(fipsOf(plane, 'host-1')).toEqual([]);
  });

  it('rebuilds floating IPs from the listings, with the floating port and subnet the Neutron listing lacks', async () => {
    const { floating_port_id: _p, floating_subnet_id: _s, ...listedFip } = fip('pa', '10.0.0.10', 2);
    const bodies: Record<string, Record<string, unknown>> = {
      '/nodes': { nodeInfos: [node(1), node(2)] },
      '/v2.0/networks': { networks: [network('net', 100), network('ext', 200)] },
      '/v2.0/subnets': { subnets: [subnet('sub', 'net', '10.0.0.0/24', '10.0.0.1'), subnet('ext-sub', 'ext', '203.0.113.0/24', '203.0.113.1')] },
      '/v2.0/ports': { ports: [routerInterface, floatingPort, port('pa', 'net', 'sub', 'host-1', '10.0.0.10'), port('pb', 'net', 'sub', 'host-2', '10.0.0.11')] },
      '/v2.0/routers': { routers: [{ ...router, interfaces: undefined }] },
      '/v2.0/floatingips': { floatingips: [listedFip] },
    };
    const listed = await loadTopology(() => async (path) => {
      const body = bodies[path.split('?')[0]];
      return body ? { status: 200, body } : { status: 404, body: undefined };
    });
    expect(listed.find((r) => r.resource === FLOATINGIP_RESOURCE)?.data).toMatchObject({ floating_port_id: 'fp', floating_subnet_id: 'ext-sub' });
    const restarted = new DataPlane(transport, timings, () => undefined);
    restarted.load(listed);
    // the same as the running DPM that got the events
    expect(plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)))).toBe(true);
    for (const host of ['host-1', 'host-2']) expect(restarted.index.fullGoalState(host)?.routerStates).toEqual(plane.index.fullGoalState(host)?.routerStates);
    expect(fipsOf(restarted, 'host-1')).toEqual(['f1@pa']);
    // the listed revision is known: the same event arriving late is stale
    expect(restarted.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)))).toBe(false);
    restarted.stop();
  });
});

// Status: ACTIVE only after the fixed port's host acked the router state carrying the mapping;
// ERROR when it failed the router state; DOWN when the host falls silent or the mapping leaves it.
describe('DPM floating-IP status', () => {
  let transport: RecordingTransport;
  let plane: DataPlane;
  let reports: FloatingIpStatusEvent[];
  const seen = () => reports.map((r) => [r.status, r.portId, r.revision, r.hostId, r.reason]);

  beforeEach(async () => {
    transport = new RecordingTransport();
    reports = [];
    plane = new DataPlane(transport, timings, () => undefined, (e) => reports.push(e));
    plane.load([]);
    for (const e of [...topology(), event(FLOATINGIP_RESOURCE, 'created', 'f1', fip(null, null, 1))]) {
      expect(plane.handle(e)).toBe(true);
    }
    await tick();
  });
  afterEach(() => plane.stop());

  it('unassociated: nothing reported; associated: ACTIVE only once the host answered, naming port and revision', async () => {
    expect(reports).toEqual([]);
    let open!: () => void;
    transport.gate = new Promise<void>((resolve) => (open = resolve));
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)));
    await tick();
    expect(reports).toEqual([]); // the push is in flight: no verdict yet
    transport.gate = undefined;
    open();
    await tick();
    expect(seen()).toEqual([['ACTIVE', 'pa', 2, 'host-1', 'acked']]);
    expect(reports[0]).toMatchObject({ schemaVersion: 1, floatingIpId: 'f1' });
  });

  it('the manager echoing the verdict (status, revision + 1) is not re-pushed and reports nothing new', async () => {
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)));
    await tick();
    const pushes = transport.pushes.length;
    expect(plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', { ...fip('pa', '10.0.0.10', 3), status: 'ACTIVE' }))).toBe(true);
    await tick();
    expect(transport.pushes.length).toBe(pushes);
    expect(plane.progressOf(FLOATINGIP_RESOURCE, 'f1')?.revision).toBe(3);
    expect(seen()).toEqual([['ACTIVE', 'pa', 2, 'host-1', 'acked']]);
  });

  it('ERROR when the host fails the router state', async () => {
    transport.verdicts.set('r1', OperationStatus.FAILURE);
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pb', '10.0.0.11', 2)));
    await tick();
    expect(seen()).toEqual([['ERROR', 'pb', 2, 'host-2', 'FAILURE']]);
  });

  it('a port move turns it DOWN at once, then ACTIVE from the new host', async () => {
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)));
    await tick();
    plane.handle(event('port', 'updated', 'pa', port('pa', 'net', 'sub', 'host-2', '10.0.0.10', { revision_number: 2 })));
    expect(seen().slice(1)).toEqual([['DOWN', 'pa', 2, 'host-1', 'left the host']]);
    await tick();
    expect(seen().slice(2)).toEqual([['ACTIVE', 'pa', 2, 'host-2', 'acked']]);
  });

  it('disassociate publishes nothing (the manager sets DOWN itself); a silent host turns its floating IPs DOWN', async () => {
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)));
    await tick();
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip(null, null, 3)));
    await tick();
    expect(seen()).toEqual([['ACTIVE', 'pa', 2, 'host-1', 'acked']]);
    expect(plane.floatingIpTracker.statusOf('f1')).toBe('DOWN');

    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pb', '10.0.0.11', 4)));
    await tick();
    expect(seen().slice(1)).toEqual([['ACTIVE', 'pb', 4, 'host-2', 'acked']]);
    transport.unreachable.add('10.1.0.2:50001');
    plane.handle(event('port', 'created', 'pc', port('pc', 'net', 'sub', 'host-2', '10.0.0.12'))); // something to push to host-2
    await waitUntil(() => reports.length === 3);
    expect(seen().slice(2)).toEqual([['DOWN', 'pb', 4, 'host-2', 'host down']]);
  });

  it('a removed node turns its floating IPs DOWN', async () => {
    plane.handle(event(FLOATINGIP_RESOURCE, 'updated', 'f1', fip('pa', '10.0.0.10', 2)));
    await tick();
    plane.handle(event('node', 'deleted', 'n1', node(1)));
    expect(seen().slice(1)).toEqual([['DOWN', 'pa', 2, 'host-1', 'node removed']]);
  });
});

async function waitUntil(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await tick(10);
  }
}
