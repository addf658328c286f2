import { PortStatusEvent, ResourceEvent } from '@alcor/contracts';
import { OperationStatus } from '@alcor/proto';
import { DataPlane } from './data-plane';
import { RecordingTransport } from './testing-transport';

const timings = { pushTimeoutMs: 200, heartbeatMs: 60_000, heartbeatMisses: 2, retryMaxMs: 20 };
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

let seq = 0;
function event<T extends { revision_number?: number }>(resource: string, change: 'created' | 'updated' | 'deleted', id: string, data: T): ResourceEvent<T> {
  return { schemaVersion: 1, eventId: `e${++seq}`, type: `${resource}.${change}`, resource, resourceId: id, projectId: 'p', revisionNumber: data.revision_number ?? 1, occurredAt: '', data };
}

const node = (n: number) => ({ node_id: `n${n}`, node_name: `host-${n}`, local_ip: `10.1.0.${n}`, mac_address: `02:00:00:00:00:0${n}`, server_port: 50001, revision_number: 1 });
const network = { id: 'net', project_id: 'p', name: 'n', 'provider:segmentation_id': 100, 'provider:network_type': 'vxlan', revision_number: 1 };
const subnet = { id: 'sub', network_id: 'net', name: 's', cidr: '10.0.0.0/24', gateway_ip: '10.0.0.1', enable_dhcp: true, ip_version: 4, revision_number: 1 };
const port = (id: string, host: string, ip: string, revision = 1, status = 'DOWN') => ({
  id,
  network_id: 'net',
  project_id: 'p',
  name: id,
  mac_address: `fa:16:3e:00:00:${ip.split('.')[3].padStart(2, '0')}`,
  fixed_ips: [{ subnet_id: 'sub', ip_address: ip }],
  'binding:host_id': host,
  admin_state_up: true,
  device_id: '',
  device_owner: '',
  security_groups: [],
  allowed_address_pairs: [],
  status,
  revision_number: revision,
});

describe('DataPlane (events -> index -> delivery -> port status)', () => {
  let transport: RecordingTransport;
  let statuses: PortStatusEvent[];
  let plane: DataPlane;

  beforeEach(() => {
    transport = new RecordingTransport();
    statuses = [];
    plane = new DataPlane(transport, timings, (e) => statuses.push(e));
    plane.load([]);
  });
  afterEach(() => plane.stop());

  async function topology() {
    for (const e of [event('node', 'created', 'n1', node(1)), event('node', 'created', 'n2', node(2)), event('network', 'created', 'net', network), event('subnet', 'created', 'sub', subnet)]) {
      expect(plane.handle(e)).toBe(true);
    }
    await tick();
  }

  it('pushes a new port to its host and as a neighbor to the other host, then marks it ACTIVE', async () => {
    await topology();
    plane.handle(event('port', 'created', 'pa', port('pa', 'host-1', '10.0.0.10')));
    plane.handle(event('port', 'created', 'pb', port('pb', 'host-2', '10.0.0.11')));
    await tick(20);
    const deltas = transport.pushes.filter((p) => p.kind === 'delta');
    expect(deltas.some((p) => p.address === '10.1.0.1:50001' && p.goalState.portStates['pa'])).toBe(true);
    expect(deltas.some((p) => p.address === '10.1.0.2:50001' && Object.values(p.goalState.neighborStates).some((n) => n.configuration?.id === 'pa'))).toBe(true);
    expect(statuses.map((s) => [s.portId, s.status, s.hostId])).toEqual([
      ['pa', 'ACTIVE', 'host-1'],
      ['pb', 'ACTIVE', 'host-2'],
    ]);
    // pa was alone in the VPC: only its host; pb reached both (its own and pa's host as a neighbor).
    expect(plane.progressOf('port', 'pa')?.hosts).toEqual(['host-1']);
    expect(plane.progressOf('port', 'pb')?.hosts.sort()).toEqual(['host-1', 'host-2']);
  });

  it('applies a redelivered or stale event once, and re-pushes nothing for a status-only port update', async () => {
    await topology();
    const created = event('port', 'created', 'pa', port('pa', 'host-1', '10.0.0.10'));
    expect(plane.handle(created)).toBe(true);
    expect(plane.handle(created)).toBe(false);
    await tick(20);
    const before = transport.pushes.length;
    const nbCfg = plane.nbCfg;
    // The port manager's echo of our own ACTIVE verdict (revision 2): bookkeeping only.
    expect(plane.handle(event('port', 'updated', 'pa', port('pa', 'host-1', '10.0.0.10', 2, 'ACTIVE')))).toBe(true);
    expect(plane.handle(event('port', 'updated', 'pa', port('pa', 'host-1', '10.0.0.10', 1)))).toBe(false);
    await tick(20);
    expect(transport.pushes.length).toBe(before);
    expect(plane.nbCfg).toBe(nbCfg);
    expect(plane.progressOf('port', 'pa')?.revision).toBe(2);
  });

  it('marks ERROR on a FAILURE, DOWN when the port moves, and DOWN for the ports of a removed node', async () => {
    await topology();
    transport.verdicts.set('pa', OperationStatus.FAILURE);
    plane.handle(event('port', 'created', 'pa', port('pa', 'host-1', '10.0.0.10')));
    await tick(20);
    transport.verdicts.clear();
    plane.handle(event('port', 'updated', 'pa', port('pa', 'host-2', '10.0.0.10', 2)));
    await tick(20);
    plane.handle(event('node', 'deleted', 'n2', node(2)));
    await tick(20);
    expect(statuses.map((s) => [s.status, s.reason])).toEqual([
      ['ERROR', 'FAILURE'],
      ['DOWN', 'moved to another host'],
      ['ACTIVE', 'acked'],
      ['DOWN', 'node removed'],
    ]);
    expect(plane.delivery.link('host-2')).toBeUndefined();
  });

  it('rebuilds from listed resources: every host gets a FULL state and stored ACTIVE ports stay quiet', async () => {
    const rebuilt = new DataPlane(transport, timings, (e) => statuses.push(e));
    rebuilt.load([
      { resource: 'node', id: 'n1', revision: 1, data: node(1) },
      { resource: 'network', id: 'net', revision: 1, data: network },
      { resource: 'subnet', id: 'sub', revision: 1, data: subnet },
      { resource: 'port', id: 'pa', revision: 2, data: port('pa', 'host-1', '10.0.0.10', 2, 'ACTIVE') },
    ]);
    await tick(20);
    const full = transport.to('10.1.0.1:50001', 'full');
    expect(full).toHaveLength(1);
    expect(Object.keys(full[0].goalState.portStates)).toEqual(['pa']);
    expect(statuses).toEqual([]);
    // The listed revision is known: the same event arriving late is stale.
    expect(rebuilt.handle(event('port', 'updated', 'pa', port('pa', 'host-1', '10.0.0.10', 2)))).toBe(false);
    rebuilt.stop();
  });

  it('applies security-group rule deltas that share the group revision, once each', async () => {
    await topology();
    const rule = (id: string, port: number) => ({ id, security_group_id: 'sg', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: port, port_range_max: port, remote_ip_prefix: null, remote_group_id: null });
    plane.handle(event('security_group', 'created', 'sg', { id: 'sg', name: 'web', project_id: 'p', revision_number: 1, security_group_rules: [rule('r1', 22)] }));
    plane.handle(event('port', 'created', 'pa', { ...port('pa', 'host-1', '10.0.0.10'), security_groups: ['sg'] }));
    await tick(20);
    const bulk = [event('security_group_rule', 'created', 'sg', { ...rule('r2', 80), revision_number: 2 }), event('security_group_rule', 'created', 'sg', { ...rule('r3', 443), revision_number: 2 })];
    for (const e of bulk) expect(plane.handle(e)).toBe(true);
    expect(plane.handle(bulk[1])).toBe(false);
    expect(plane.handle(event('security_group_rule', 'deleted', 'sg', { ...rule('r1', 22), revision_number: 3 }))).toBe(true);
    await tick(20);
    const full = plane.index.fullGoalState('host-1');
    const rules = full?.securityGroupStates['sg']?.configuration?.securityGroupRules.map((r) => r.id).sort();
    expect(rules).toEqual(['r2', 'r3']);
    expect(plane.progressOf('security_group', 'sg')?.revision).toBe(3);
  });
});
