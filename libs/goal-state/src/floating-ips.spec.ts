import { OperationType, UpdateType, type GoalStateV2, type RouterConfiguration_FloatingIp } from '@alcor/proto';
import { decodeGoalState, encodeGoalState, GoalStateIndex, type HostDelta, type TopologyChange } from './index';
import { floatingIp, macOf, network, node, port, router, subnet } from './testing/fixtures';

// Floating IPs reach the host of their fixed port only, inside that host's router state (extension
// field RouterConfiguration.floating_ips = 100), like OVN's distributed dnat_and_snat.

const topology: TopologyChange[] = [
  { kind: 'node', op: 'upsert', node: node('h1', '10.1.0.1') },
  { kind: 'node', op: 'upsert', node: node('h2', '10.1.0.2') },
  { kind: 'node', op: 'upsert', node: node('h3', '10.1.0.3') },
  { kind: 'network', op: 'upsert', network: network('vpc-a', 1001) },
  { kind: 'subnet', op: 'upsert', subnet: subnet('sa', 'vpc-a', '192.168.1.0/24') },
  { kind: 'network', op: 'upsert', network: network('ext', 2000) },
  { kind: 'subnet', op: 'upsert', subnet: subnet('se', 'ext', '203.0.113.0/24') },
  { kind: 'port', op: 'upsert', port: port('rp', 'vpc-a', '', [['sa', '192.168.1.1']], { device_owner: 'network:router_interface', device_id: 'r1' }) },
  { kind: 'port', op: 'upsert', port: port('fp', 'ext', '', [['se', '203.0.113.10']], { device_owner: 'network:floatingip', device_id: 'f1' }) },
  { kind: 'router', op: 'upsert', router: router('r1', [{ subnet_id: 'sa', port_id: 'rp' }]) },
  { kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', 'h1', [['sa', '192.168.1.11']]) },
  { kind: 'port', op: 'upsert', port: port('p2', 'vpc-a', 'h2', [['sa', '192.168.1.12']]) },
  { kind: 'port', op: 'upsert', port: port('p3', 'vpc-a', 'h3', [['sa', '192.168.1.13']]) },
  { kind: 'port', op: 'upsert', port: port('p4', 'vpc-a', 'h1', [['sa', '192.168.1.14']]) },
];

const f1 = (portId: string | null, fixedIp: string | null, revision = 2) =>
  floatingIp('f1', '203.0.113.10', portId, fixedIp, portId ? 'r1' : null, { revision_number: revision, floating_subnet_id: 'se', floating_port_id: 'fp' });

function loaded(extra: TopologyChange[] = []): GoalStateIndex {
  const index = new GoalStateIndex();
  index.applyAll([...topology, ...extra]);
  return index;
}

function fipsIn(gs: GoalStateV2 | undefined, routerId = 'r1'): string[] {
  return (gs?.routerStates[routerId]?.configuration?.floatingIps ?? []).map((f) => `${f.id}:${f.floatingIpAddress}->${f.fixedIpAddress}@${f.portId}`);
}

function routerDeltaHosts(deltas: HostDelta[]): string[] {
  return deltas.filter((d) => Object.keys(d.goalState.routerStates).length > 0).map((d) => d.hostId).sort();
}

function only(deltas: HostDelta[], hostId: string): GoalStateV2 {
  const d = deltas.find((x) => x.hostId === hostId);
  if (!d) throw new Error(`no delta for ${hostId}: ${deltas.map((x) => x.hostId).join(',')}`);
  return d.goalState;
}

describe('floating IPs on the fixed port host', () => {
  it('associate: only the host of the port gets a router UPDATE carrying the mapping, with next hop and external MAC', () => {
    const index = loaded();
    const deltas = index.apply({ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') });
    expect(deltas.map((d) => d.hostId)).toEqual(['h1']);
    const state = only(deltas, 'h1').routerStates.r1;
    expect(state.operationType).toBe(OperationType.UPDATE);
    expect(state.configuration?.updateType).toBe(UpdateType.FULL);
    const expected: RouterConfiguration_FloatingIp = {
      operationType: OperationType.CREATE,
      id: 'f1',
      revisionNumber: 2,
      floatingIpAddress: '203.0.113.10',
      fixedIpAddress: '192.168.1.11',
      portId: 'p1',
      floatingNetworkId: 'ext',
      floatingSubnetId: 'se',
      floatingGatewayIp: '203.0.113.1',
      floatingPortId: 'fp',
      floatingMacAddress: macOf('fp'),
      routerId: 'r1',
    };
    expect(state.configuration?.floatingIps).toEqual([expected]);
    // the message stays self-contained: the router's subnet travels as INFO
    expect(only(deltas, 'h1').subnetStates.sa.operationType).toBe(OperationType.INFO);
    expect(fipsIn(index.fullGoalState('h1'))).toEqual(['f1:203.0.113.10->192.168.1.11@p1']);
    for (const h of ['h2', 'h3']) expect(fipsIn(index.fullGoalState(h))).toEqual([]);
  });

  it('survives the wire: the encoded delta decodes to the same floating IP list', () => {
    const deltas = loaded().apply({ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') });
    const gs = only(deltas, 'h1');
    expect(decodeGoalState(encodeGoalState(gs)).routerStates.r1.configuration?.floatingIps).toEqual(gs.routerStates.r1.configuration?.floatingIps);
  });

  it('disassociate: the host of the port gets the router without it, no other host hears of it', () => {
    const index = loaded([{ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') }]);
    const deltas = index.apply({ kind: 'floatingIp', op: 'upsert', floatingIp: f1(null, null, 3) });
    expect(deltas.map((d) => d.hostId)).toEqual(['h1']);
    expect(only(deltas, 'h1').routerStates.r1.configuration?.floatingIps).toEqual([]);
    expect(fipsIn(index.fullGoalState('h1'))).toEqual([]);
  });

  it('delete: removed from that host only', () => {
    const index = loaded([{ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') }]);
    const deltas = index.apply({ kind: 'floatingIp', op: 'delete', id: 'f1' });
    expect(deltas.map((d) => d.hostId)).toEqual(['h1']);
    expect(fipsIn(only(deltas, 'h1'))).toEqual([]);
  });

  it('re-associate to a port on another host: removed from the old host, added on the new one, third host untouched', () => {
    const index = loaded([{ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') }]);
    const deltas = index.apply({ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p2', '192.168.1.12', 3) });
    expect(deltas.map((d) => d.hostId).sort()).toEqual(['h1', 'h2']);
    expect(fipsIn(only(deltas, 'h1'))).toEqual([]);
    expect(fipsIn(only(deltas, 'h2'))).toEqual(['f1:203.0.113.10->192.168.1.12@p2']);
  });

  it('the port moves host: the mapping follows it; the third host gets the moved neighbor but no router state', () => {
    const index = loaded([{ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') }]);
    const deltas = index.apply({ kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', 'h2', [['sa', '192.168.1.11']], { revision_number: 2 }) });
    expect(routerDeltaHosts(deltas)).toEqual(['h1', 'h2']);
    expect(fipsIn(only(deltas, 'h1'))).toEqual([]);
    expect(fipsIn(only(deltas, 'h2'))).toEqual(['f1:203.0.113.10->192.168.1.11@p1']);
    expect(Object.keys(only(deltas, 'h3').neighborStates)).toEqual(['L2/p1', 'L3/p1']);
    expect(fipsIn(index.fullGoalState('h2'))).toEqual(['f1:203.0.113.10->192.168.1.11@p1']);
    expect(fipsIn(index.fullGoalState('h1'))).toEqual([]);
  });

  it('the port is deleted (or unbound, or admin down): gone from its host', () => {
    for (const change of [
      { kind: 'port', op: 'delete', id: 'p1' },
      { kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', '', [['sa', '192.168.1.11']], { revision_number: 2 }) },
      { kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', 'h1', [['sa', '192.168.1.11']], { revision_number: 2, admin_state_up: false }) },
    ] as TopologyChange[]) {
      const index = loaded([{ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') }]);
      const deltas = index.apply(change);
      expect(routerDeltaHosts(deltas)).toEqual(['h1']);
      expect(fipsIn(only(deltas, 'h1'))).toEqual([]);
    }
  });

  it('a floating IP naming a router the host does not hold is delivered nowhere', () => {
    const index = loaded();
    const deltas = index.apply({ kind: 'floatingIp', op: 'upsert', floatingIp: { ...f1('p1', '192.168.1.11'), router_id: 'r-unknown' } });
    expect(deltas).toEqual([]);
    expect(fipsIn(index.fullGoalState('h1'))).toEqual([]);
  });

  it('the external subnet gateway and the floating port MAC are followed (next hop, external MAC)', () => {
    const index = loaded([{ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') }]);
    const gw = index.apply({ kind: 'subnet', op: 'upsert', subnet: subnet('se', 'ext', '203.0.113.0/24', { gateway_ip: '203.0.113.254', revision_number: 2 }) });
    expect(gw.map((d) => d.hostId)).toEqual(['h1']);
    expect(only(gw, 'h1').routerStates.r1.configuration?.floatingIps[0].floatingGatewayIp).toBe('203.0.113.254');
    const mac = index.apply({ kind: 'port', op: 'upsert', port: port('fp', 'ext', '', [['se', '203.0.113.10']], { mac_address: 'fa:16:3e:aa:bb:cc', revision_number: 2 }) });
    expect(mac.map((d) => d.hostId)).toEqual(['h1']);
    expect(only(mac, 'h1').routerStates.r1.configuration?.floatingIps[0].floatingMacAddress).toBe('fa:16:3e:aa:bb:cc');
  });

  it('a restart (bulk load) gives the same full states as the incremental path', () => {
    const changes: TopologyChange[] = [
      { kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11') },
      { kind: 'floatingIp', op: 'upsert', floatingIp: floatingIp('f2', '203.0.113.20', 'p4', '192.168.1.14', 'r1') },
      { kind: 'floatingIp', op: 'upsert', floatingIp: floatingIp('f3', '203.0.113.30', 'p3', '192.168.1.13', 'r1') },
    ];
    const incremental = loaded();
    for (const c of changes) incremental.apply(c);
    const bulk = loaded(changes);
    for (const h of ['h1', 'h2', 'h3']) expect(bulk.fullGoalState(h)).toEqual(incremental.fullGoalState(h));
    expect(fipsIn(bulk.fullGoalState('h1')).map((f) => f.split(':')[0])).toEqual(['f1', 'f2']); // sorted by id
    expect(fipsIn(bulk.fullGoalState('h3')).map((f) => f.split(':')[0])).toEqual(['f3']);
  });
});

describe('floatingIpPlacement (where the DPM expects the ack)', () => {
  it('names the host, router, port and programmed revision; undefined when unassociated, unplaced or the host lacks the router', () => {
    const index = loaded([{ kind: 'floatingIp', op: 'upsert', floatingIp: f1('p1', '192.168.1.11', 3) }]);
    expect(index.floatingIpPlacement('f1')).toMatchObject({ hostId: 'h1', routerId: 'r1', portId: 'p1', revision: 3, config: { id: 'f1', portId: 'p1', revisionNumber: 3 } });
    index.apply({ kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', 'h2', [['sa', '192.168.1.11']], { revision_number: 2 }) });
    expect(index.floatingIpPlacement('f1')).toMatchObject({ hostId: 'h2', routerId: 'r1' });
    index.apply({ kind: 'floatingIp', op: 'upsert', floatingIp: { ...f1('p1', '192.168.1.11', 4), router_id: 'r-unknown' } });
    expect(index.floatingIpPlacement('f1')).toBeUndefined();
    index.apply({ kind: 'floatingIp', op: 'upsert', floatingIp: f1(null, null, 5) });
    expect(index.floatingIpPlacement('f1')).toBeUndefined();
    expect(index.floatingIpPlacement('nope')).toBeUndefined();
  });
});
