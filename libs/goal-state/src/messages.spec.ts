import {
  EtherType,
  GoalStateV2,
  NeighborType,
  NetworkType,
  OperationType,
  Protocol,
  ResourceType,
  SecurityGroupConfiguration_Direction as Direction,
  UpdateType,
} from '@alcor/proto';
import { DEFAULT_DVR_MAC, decodeGoalState, encodeGoalState, GoalStateIndex, type HostDelta, type TopologyChange } from './index';
import { network, node, port, router, securityGroup, subnet } from './testing/fixtures';

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('expected a value');
  return x;
}

// Message shapes against docs/southbound.md (hazards 3, 4, 6, 7, 8, 9, 11, 12, 13; sections 4.2-4.9).

function indexWith(changes: TopologyChange[]): GoalStateIndex {
  const index = new GoalStateIndex();
  index.applyAll(changes);
  return index;
}

function deltaOf(deltas: HostDelta[], hostId: string): GoalStateV2 {
  const d = deltas.find((x) => x.hostId === hostId);
  if (!d) throw new Error(`no delta for ${hostId}: ${deltas.map((x) => x.hostId).join(',')}`);
  return d.goalState;
}

const base: TopologyChange[] = [
  { kind: 'node', op: 'upsert', node: node('h1', '10.1.0.1') },
  { kind: 'node', op: 'upsert', node: node('h2', '10.1.0.2', { host_dvr_mac: 'fe:16:11:00:00:02' }) },
  { kind: 'node', op: 'upsert', node: node('h3', '10.1.0.3') },
  { kind: 'network', op: 'upsert', network: network('vpc-a', 1001) },
  { kind: 'network', op: 'upsert', network: network('vpc-b', 1002, { 'provider:network_type': 'vlan' }) },
  { kind: 'subnet', op: 'upsert', subnet: subnet('sa', 'vpc-a', '192.168.1.0/24', { dns_nameservers: ['8.8.8.8'] }) },
  { kind: 'subnet', op: 'upsert', subnet: subnet('sb', 'vpc-b', '192.168.1.0/24') }, // same CIDR, other VPC
];

describe('port states (4.2, hazards 4, 6, 11, 13)', () => {
  const index = indexWith([...base, { kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', 'h1', [['sa', '192.168.1.10']], { revision_number: 0, security_groups: [] }) }]);
  const gs = must(index.fullGoalState('h1'));

  it('sends a bound port as CREATE + FULL with revision >= 1, admin up, keyed by its id', () => {
    const s = gs.portStates.p1;
    expect(s.operationType).toBe(OperationType.CREATE);
    expect(s.configuration).toMatchObject({ id: 'p1', vpcId: 'vpc-a', updateType: UpdateType.FULL, revisionNumber: 1, adminStateUp: true, deviceOwner: 'compute:nova' });
    expect(s.configuration?.fixedIps).toEqual([{ subnetId: 'sa', ipAddress: '192.168.1.10' }]);
    expect(s.configuration?.hostInfo).toEqual({ ipAddress: '10.1.0.1', macAddress: expect.stringMatching(/^fa:16:3e:/) });
  });

  it('is self-contained: the VPC and the subnet of fixed_ips[0] travel with it, keyed by their ids', () => {
    expect(gs.vpcStates['vpc-a'].configuration).toMatchObject({ id: 'vpc-a', tunnelId: 1001, updateType: UpdateType.FULL });
    const sub = must(gs.subnetStates.sa.configuration);
    expect(sub).toMatchObject({ id: 'sa', vpcId: 'vpc-a', cidr: '192.168.1.0/24', tunnelId: 1001n, networkType: NetworkType.VXLAN, dhcpEnable: true });
    expect(sub.gateway).toEqual({ ipAddress: '192.168.1.1', macAddress: '' });
    expect(sub.dnsEntryList).toEqual([{ entry: '8.8.8.8' }]);
    expect(gs.vpcStates['vpc-b']).toBeUndefined();
  });

  it('gives one DHCP state per address with a stable id <port>/<ip>', () => {
    expect(Object.keys(gs.dhcpStates)).toEqual(['p1/192.168.1.10']);
    expect(gs.dhcpStates['p1/192.168.1.10'].configuration).toMatchObject({ id: 'p1/192.168.1.10', subnetId: 'sa', ipv4Address: '192.168.1.10', ipv6Address: '', portHostName: 'host-192-168-1-10' });
    expect(indexWith([...base, { kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', 'h1', [['sa', '192.168.1.10']]) }]).fullGoalState('h1')?.dhcpStates['p1/192.168.1.10']).toBeDefined();
  });

  it('lists every key of the message, neighbors included, under the host IP (hazard 9)', () => {
    expect(Object.keys(gs.hostResources)).toEqual(['10.1.0.1']);
    const listed = gs.hostResources['10.1.0.1'].resources;
    expect(listed).toEqual(expect.arrayContaining([
      { type: ResourceType.PORT, id: 'p1' },
      { type: ResourceType.VPC, id: 'vpc-a' },
      { type: ResourceType.SUBNET, id: 'sa' },
      { type: ResourceType.DHCP, id: 'p1/192.168.1.10' },
      { type: ResourceType.NEIGHBOR, id: 'L2/p1' },
    ]));
    expect(listed).toHaveLength(5);
  });

  it('maps the network type and re-sends a changed port as CREATE, never UPDATE', () => {
    const i = indexWith([...base, { kind: 'port', op: 'upsert', port: port('q', 'vpc-b', 'h2', [['sb', '192.168.1.10']]) }]);
    expect(i.fullGoalState('h2')?.subnetStates.sb.configuration?.networkType).toBe(NetworkType.VLAN);
    const deltas = i.apply({ kind: 'port', op: 'upsert', port: port('q', 'vpc-b', 'h2', [['sb', '192.168.1.10']], { name: 'renamed', revision_number: 2 }) });
    const d = deltaOf(deltas, 'h2');
    expect(d.portStates.q.operationType).toBe(OperationType.CREATE);
    expect(d.portStates.q.configuration?.name).toBe('renamed');
    expect(d.neighborStates['L2/q'].operationType).toBe(OperationType.UPDATE);
    expect(d.subnetStates.sb.operationType).toBe(OperationType.INFO);
  });

  it('never programs an admin-down port, a port without binding or a port on an unknown node', () => {
    const i = indexWith([
      ...base,
      { kind: 'port', op: 'upsert', port: port('down', 'vpc-a', 'h1', [['sa', '192.168.1.11']], { admin_state_up: false }) },
      { kind: 'port', op: 'upsert', port: port('unbound', 'vpc-a', '', [['sa', '192.168.1.12']]) },
      { kind: 'port', op: 'upsert', port: port('nowhere', 'vpc-a', 'h9', [['sa', '192.168.1.13']]) },
    ]);
    for (const p of ['down', 'unbound', 'nowhere']) expect(i.hostsOfPort(p)).toEqual([]);
    expect(i.fullGoalState('h1')).toMatchObject({ portStates: {}, neighborStates: {} });
    // the node registers later: its port appears there, with everything it needs
    const deltas = i.apply({ kind: 'node', op: 'upsert', node: node('h9', '10.1.0.9') });
    expect(Object.keys(deltaOf(deltas, 'h9').portStates)).toEqual(['nowhere']);
    expect(i.hostsOfPort('nowhere')).toEqual(['h9']);
    expect(i.fullGoalState('h-unknown')).toBeUndefined();
  });
});

describe('neighbor fan-out (4.3, 4.8, defect 4.9.1)', () => {
  const seeded = (): GoalStateIndex =>
    indexWith([
      ...base,
      { kind: 'port', op: 'upsert', port: port('a1', 'vpc-a', 'h1', [['sa', '192.168.1.10']]) },
      { kind: 'port', op: 'upsert', port: port('a2', 'vpc-a', 'h2', [['sa', '192.168.1.11']]) },
      { kind: 'port', op: 'upsert', port: port('b1', 'vpc-b', 'h3', [['sb', '192.168.1.10']]) }, // same IP as a1, other VPC
    ]);

  it('a new port: its host gets its states + all VPC neighbors, every other host of the VPC one neighbor CREATE, other VPCs nothing', () => {
    const index = seeded();
    const deltas = index.apply({ kind: 'port', op: 'upsert', port: port('a3', 'vpc-a', 'h3', [['sa', '192.168.1.12']]) });
    expect(deltas.map((d) => d.hostId).sort()).toEqual(['h1', 'h2', 'h3']);
    const h3 = deltaOf(deltas, 'h3');
    expect(Object.keys(h3.portStates)).toEqual(['a3']);
    expect(Object.keys(h3.neighborStates).sort()).toEqual(['L2/a1', 'L2/a2', 'L2/a3']);
    expect(h3.vpcStates['vpc-a'].operationType).toBe(OperationType.CREATE);
    expect(h3.neighborStates['L2/b1']).toBeUndefined();
    for (const h of ['h1', 'h2']) {
      const d = deltaOf(deltas, h);
      expect(Object.keys(d.neighborStates)).toEqual(['L2/a3']);
      expect(d.portStates).toEqual({});
      expect(d.subnetStates.sa.operationType).toBe(OperationType.INFO); // the agent keeps no subnet cache (hazard 7)
    }
    const n = must(h3.neighborStates['L2/a1'].configuration);
    expect(n).toMatchObject({ id: 'a1', vpcId: 'vpc-a', hostIpAddress: '10.1.0.1', updateType: UpdateType.FULL });
    expect(n.hostMacAddress).toBe(node('h1', '10.1.0.1').mac_address);
    expect(n.fixedIps).toEqual([{ neighborType: NeighborType.L2, subnetId: 'sa', ipAddress: '192.168.1.10', arionGroup: '', tunnelId: 0 }]);
  });

  it('overlapping tenant IPs never collide: on-demand answers per (VNI, IP)', () => {
    const index = seeded();
    index.apply({ kind: 'port', op: 'upsert', port: port('a3', 'vpc-a', 'h3', [['sa', '192.168.1.12']]) });
    expect(Object.keys(must(index.onDemand('h3', 1001, '192.168.1.10')).neighborStates)).toEqual(['L2/a1']);
    expect(Object.keys(must(index.onDemand('h3', 1002, '192.168.1.10')).neighborStates)).toEqual(['L2/b1']);
    const answer = must(index.onDemand('h3', 1001, '192.168.1.10'));
    expect(answer.subnetStates.sa.operationType).toBe(OperationType.INFO);
    expect(index.onDemand('h3', 1001, '192.168.1.99')).toBeUndefined();
    expect(index.onDemand('h1', 1002, '192.168.1.10')).toBeUndefined(); // h1 has no port in vpc-b
  });

  it('a deleted port: DELETE states with their last configuration, the last port of a VPC takes the VPC away', () => {
    const index = seeded();
    const deltas = index.apply({ kind: 'port', op: 'delete', id: 'a2' });
    const h2 = deltaOf(deltas, 'h2');
    expect(h2.portStates.a2).toMatchObject({ operationType: OperationType.DELETE, configuration: { id: 'a2', macAddress: expect.any(String) } });
    expect(h2.dhcpStates['p1/192.168.1.10']).toBeUndefined();
    expect(h2.dhcpStates['a2/192.168.1.11'].operationType).toBe(OperationType.DELETE);
    expect(Object.keys(h2.neighborStates).sort()).toEqual(['L2/a1', 'L2/a2']);
    expect(h2.neighborStates['L2/a1'].operationType).toBe(OperationType.DELETE);
    expect(h2.subnetStates.sa.operationType).toBe(OperationType.DELETE);
    expect(h2.vpcStates['vpc-a'].operationType).toBe(OperationType.DELETE);
    const h1 = deltaOf(deltas, 'h1');
    expect(h1.neighborStates).toEqual({ 'L2/a2': { operationType: OperationType.DELETE, configuration: expect.objectContaining({ id: 'a2', hostIpAddress: '10.1.0.2' }) } });
    expect(deltas.find((d) => d.hostId === 'h3')).toBeUndefined();
  });

  it('a port moving hosts: DELETE on the old host, CREATE on the new one, neighbor UPDATE (new host IP) elsewhere', () => {
    const index = seeded();
    index.apply({ kind: 'port', op: 'upsert', port: port('a3', 'vpc-a', 'h3', [['sa', '192.168.1.12']]) });
    const deltas = index.apply({ kind: 'port', op: 'upsert', port: port('a2', 'vpc-a', 'h3', [['sa', '192.168.1.11']]) });
    expect(deltaOf(deltas, 'h2').portStates.a2.operationType).toBe(OperationType.DELETE);
    expect(deltaOf(deltas, 'h3').portStates.a2.operationType).toBe(OperationType.CREATE);
    const h1 = deltaOf(deltas, 'h1').neighborStates['L2/a2'];
    expect(h1.operationType).toBe(OperationType.UPDATE);
    expect(h1.configuration?.hostIpAddress).toBe('10.1.0.3');
    expect(index.hostsOfPort('a2')).toEqual(['h3']);
  });
});

describe('hosts and networks changing under their ports', () => {
  const seeded = (): GoalStateIndex =>
    indexWith([
      ...base,
      { kind: 'port', op: 'upsert', port: port('a1', 'vpc-a', 'h1', [['sa', '192.168.1.10']]) },
      { kind: 'port', op: 'upsert', port: port('a2', 'vpc-a', 'h2', [['sa', '192.168.1.11']]) },
    ]);

  it('a re-addressed node: its own delta goes to the new IP, the others get neighbor UPDATEs with the new host IP', () => {
    const index = seeded();
    const deltas = index.apply({ kind: 'node', op: 'upsert', node: node('h1', '10.1.0.99') });
    const own = must(deltas.find((d) => d.hostId === 'h1'));
    expect(own.hostIp).toBe('10.1.0.99');
    expect(Object.keys(own.goalState.hostResources)).toEqual(['10.1.0.99']);
    expect(own.goalState.portStates.a1.configuration?.hostInfo?.ipAddress).toBe('10.1.0.99');
    expect(deltaOf(deltas, 'h2').neighborStates['L2/a1']).toMatchObject({ operationType: OperationType.UPDATE, configuration: { hostIpAddress: '10.1.0.99' } });
    expect(index.hostInfo('h1')).toEqual({ hostId: 'h1', nodeId: 'id-h1', hostIp: '10.1.0.99', serverPort: 50001 });
  });

  it('a deleted node: one last delta to its old IP deleting everything, its ports leave the other hosts', () => {
    const index = seeded();
    const deltas = index.apply({ kind: 'node', op: 'delete', id: 'id-h1' });
    const gone = must(deltas.find((d) => d.hostId === 'h1'));
    expect(gone.hostIp).toBe('10.1.0.1');
    expect(gone.goalState.portStates.a1.operationType).toBe(OperationType.DELETE);
    expect(gone.goalState.neighborStates['L2/a2'].operationType).toBe(OperationType.DELETE);
    for (const [field, map] of Object.entries(gone.goalState)) {
      if (field === 'hostResources' || typeof map !== 'object') continue;
      for (const st of Object.values(map as Record<string, { operationType: OperationType }>)) expect(st.operationType).toBe(OperationType.DELETE);
    }
    expect(deltaOf(deltas, 'h2').neighborStates['L2/a1'].operationType).toBe(OperationType.DELETE);
    expect(index.hostIds().sort()).toEqual(['h2', 'h3']);
    expect(index.fullGoalState('h1')).toBeUndefined();
    expect(index.hostsOfPort('a1')).toEqual([]);
  });

  it('a new VNI reaches every host of the network as VPC and subnet UPDATEs', () => {
    const index = seeded();
    const deltas = index.apply({ kind: 'network', op: 'upsert', network: network('vpc-a', 4242) });
    for (const h of ['h1', 'h2']) {
      const d = deltaOf(deltas, h);
      expect(d.vpcStates['vpc-a']).toMatchObject({ operationType: OperationType.UPDATE, configuration: { tunnelId: 4242 } });
      expect(d.subnetStates.sa).toMatchObject({ operationType: OperationType.UPDATE, configuration: { tunnelId: 4242n } });
      expect(d.neighborStates).toEqual({});
    }
    expect(deltas.find((d) => d.hostId === 'h3')).toBeUndefined();
  });
});

describe('routers: DVR states and L3 neighbors (4.3, 6.7, hazard 12)', () => {
  const routed = (): GoalStateIndex =>
    indexWith([
      ...base,
      { kind: 'subnet', op: 'upsert', subnet: subnet('sa2', 'vpc-a', '192.168.2.0/24', { host_routes: [{ destination: '10.9.0.0/16', nexthop: '192.168.2.50' }] }) },
      { kind: 'port', op: 'upsert', port: port('gw1', 'vpc-a', '', [['sa', '192.168.1.1']], { device_owner: 'network:router_interface', device_id: 'r1' }) },
      { kind: 'port', op: 'upsert', port: port('gw2', 'vpc-a', '', [['sa2', '192.168.2.1']], { device_owner: 'network:router_interface', device_id: 'r1' }) },
      { kind: 'port', op: 'upsert', port: port('x1', 'vpc-a', 'h1', [['sa', '192.168.1.10']]) },
      { kind: 'port', op: 'upsert', port: port('y1', 'vpc-a', 'h2', [['sa2', '192.168.2.10']]) },
    ]);

  it('attaching both subnets to a router sends router states, gateway MACs and L3 neighbors to both hosts', () => {
    const index = routed();
    const deltas = index.apply({ kind: 'router', op: 'upsert', router: router('r1', [{ subnet_id: 'sa', port_id: 'gw1' }, { subnet_id: 'sa2', port_id: 'gw2' }], { routes: [{ destination: '0.0.0.0/0', nexthop: '192.168.1.254' }] }) });
    const h1 = deltaOf(deltas, 'h1');
    const r = h1.routerStates.r1;
    expect(r.operationType).toBe(OperationType.CREATE);
    expect(r.configuration).toMatchObject({ id: 'r1', updateType: UpdateType.FULL, hostDvrMacAddress: DEFAULT_DVR_MAC });
    expect(r.configuration?.subnetRoutingTables.map((t) => t.subnetId)).toEqual(['sa', 'sa2']);
    const sa2Rules = r.configuration?.subnetRoutingTables[1].routingRules.map((x) => [x.destination, x.nextHopIp, x.priority]);
    expect(sa2Rules).toEqual([['0.0.0.0/0', '192.168.1.254', 0], ['10.9.0.0/16', '192.168.2.50', 16]]);
    expect(deltaOf(deltas, 'h2').routerStates.r1.configuration?.hostDvrMacAddress).toBe('fe:16:11:00:00:02');
    expect(h1.subnetStates.sa.operationType).toBe(OperationType.UPDATE); // gateway MAC now known
    expect(h1.subnetStates.sa.configuration?.gateway).toEqual({ ipAddress: '192.168.1.1', macAddress: port('gw1', 'vpc-a', '', []).mac_address });
    expect(h1.neighborStates['L3/y1'].operationType).toBe(OperationType.CREATE);
    expect(h1.neighborStates['L3/y1'].configuration?.fixedIps).toEqual([expect.objectContaining({ neighborType: NeighborType.L3, subnetId: 'sa2', ipAddress: '192.168.2.10' })]);
    expect(h1.neighborStates['L3/x1'].operationType).toBe(OperationType.CREATE);
  });

  it('routes L3 on-demand lookups through the router, and removes everything when the router goes', () => {
    const index = routed();
    index.apply({ kind: 'router', op: 'upsert', router: router('r1', [{ subnet_id: 'sa', port_id: 'gw1' }, { subnet_id: 'sa2', port_id: 'gw2' }]) });
    const deltas = index.apply({ kind: 'router', op: 'delete', id: 'r1' });
    const h1 = deltaOf(deltas, 'h1');
    expect(h1.routerStates.r1.operationType).toBe(OperationType.DELETE);
    expect(h1.neighborStates['L3/y1'].operationType).toBe(OperationType.DELETE);
  });

  it('joins subnets of two networks: each host gets the other network as lookup data', () => {
    const index = indexWith([
      ...base,
      { kind: 'port', op: 'upsert', port: port('a1', 'vpc-a', 'h1', [['sa', '192.168.1.10']]) },
      { kind: 'port', op: 'upsert', port: port('b1', 'vpc-b', 'h2', [['sb', '192.168.1.20']]) },
      { kind: 'router', op: 'upsert', router: router('r9', [{ subnet_id: 'sa', port_id: 'gwa' }, { subnet_id: 'sb', port_id: 'gwb' }]) },
    ]);
    const h1 = must(index.fullGoalState('h1'));
    expect(Object.keys(h1.vpcStates).sort()).toEqual(['vpc-a', 'vpc-b']);
    expect(Object.keys(h1.subnetStates).sort()).toEqual(['sa', 'sb']);
    expect(Object.keys(h1.neighborStates).sort()).toEqual(['L2/a1', 'L3/a1', 'L3/b1']);
    const answer = must(index.onDemand('h1', 1001, '192.168.1.20'));
    expect(Object.keys(answer.neighborStates)).toEqual(['L3/b1']);
    expect(answer.routerStates.r9.operationType).toBe(OperationType.INFO);
    expect(Object.keys(answer.subnetStates).sort()).toEqual(['sa', 'sb']);
  });
});

describe('security groups (4.6, 6.11)', () => {
  const rules = [
    { id: 'ssh', direction: 'ingress' as const, ethertype: 'IPv4' as const, protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', remote_group_id: null },
    { id: 'peers', direction: 'ingress' as const, ethertype: 'IPv4' as const, protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null, remote_group_id: 'web' },
    { id: 'gre', direction: 'egress' as const, ethertype: 'IPv4' as const, protocol: 'gre', port_range_min: null, port_range_max: null, remote_ip_prefix: null, remote_group_id: null },
  ];
  const seeded = (): GoalStateIndex =>
    indexWith([
      ...base,
      { kind: 'securityGroup', op: 'upsert', group: securityGroup('web', rules) },
      { kind: 'port', op: 'upsert', port: port('w1', 'vpc-a', 'h1', [['sa', '192.168.1.10']], { security_groups: ['web'] }) },
      { kind: 'port', op: 'upsert', port: port('w2', 'vpc-a', 'h2', [['sa', '192.168.1.11']], { security_groups: ['web'] }) },
    ]);

  it('sends the whole group with member addresses expanded, any-protocol split, inexpressible protocols left out', () => {
    const sg = must(seeded().fullGoalState('h1')?.securityGroupStates.web.configuration);
    expect(sg).toMatchObject({ id: 'web', updateType: UpdateType.FULL, revisionNumber: 1 });
    expect(sg.securityGroupRules.map((r) => [r.id, r.protocol, r.remoteIpPrefix, r.remoteGroupId])).toEqual([
      ['peers', Protocol.TCP, '', 'web'],
      ['peers/icmp', Protocol.ICMP, '', 'web'],
      ['peers/icmp@192.168.1.10', Protocol.ICMP, '192.168.1.10/32', 'web'],
      ['peers/icmp@192.168.1.11', Protocol.ICMP, '192.168.1.11/32', 'web'],
      ['peers/udp', Protocol.UDP, '', 'web'],
      ['peers/udp@192.168.1.10', Protocol.UDP, '192.168.1.10/32', 'web'],
      ['peers/udp@192.168.1.11', Protocol.UDP, '192.168.1.11/32', 'web'],
      ['peers@192.168.1.10', Protocol.TCP, '192.168.1.10/32', 'web'],
      ['peers@192.168.1.11', Protocol.TCP, '192.168.1.11/32', 'web'],
      ['ssh', Protocol.TCP, '0.0.0.0/0', ''],
    ]);
    const ssh = must(sg.securityGroupRules.find((r) => r.id === 'ssh'));
    expect(ssh).toMatchObject({ direction: Direction.INGRESS, ethertype: EtherType.IPV4, portRangeMin: 22, portRangeMax: 22, securityGroupId: 'web', operationType: OperationType.CREATE });
  });

  it('a new member reaches every host of the group as a per-rule DELTA', () => {
    const index = seeded();
    const deltas = index.apply({ kind: 'port', op: 'upsert', port: port('w3', 'vpc-b', 'h3', [['sb', '192.168.1.12']], { security_groups: ['web'] }) });
    for (const h of ['h1', 'h2']) {
      const s = deltaOf(deltas, h).securityGroupStates.web;
      expect(s.operationType).toBe(OperationType.UPDATE);
      expect(s.configuration?.updateType).toBe(UpdateType.DELTA);
      expect(s.configuration?.securityGroupRules.map((r) => [r.id, r.operationType])).toEqual([
        ['peers/icmp@192.168.1.12', OperationType.CREATE],
        ['peers/udp@192.168.1.12', OperationType.CREATE],
        ['peers@192.168.1.12', OperationType.CREATE],
      ]);
      expect(deltaOf(deltas, h).neighborStates).toEqual({}); // other VPC: no neighbor
    }
    expect(deltaOf(deltas, 'h3').securityGroupStates.web.operationType).toBe(OperationType.CREATE);
  });
});

describe('encodeGoalState', () => {
  it('writes the same bytes as the generated GoalStateV2 codec and decodes back', () => {
    const index = indexWith([
      ...base,
      { kind: 'securityGroup', op: 'upsert', group: securityGroup('g', [{ id: 'r', direction: 'egress', ethertype: 'IPv6', protocol: 'udp', port_range_min: 53, port_range_max: 53, remote_ip_prefix: null, remote_group_id: null }]) },
      { kind: 'port', op: 'upsert', port: port('p1', 'vpc-a', 'h1', [['sa', '192.168.1.10']], { security_groups: ['g'], allowed_address_pairs: [{ ip_address: '192.168.1.200', mac_address: '' }] }) },
      { kind: 'port', op: 'upsert', port: port('p2', 'vpc-a', 'h2', [['sa', '192.168.1.11']]) },
      { kind: 'router', op: 'upsert', router: router('r1', [{ subnet_id: 'sa', port_id: 'p2' }]) },
    ]);
    const gs = must(index.fullGoalState('h1'));
    const bytes = encodeGoalState(gs);
    expect(Buffer.from(bytes).equals(Buffer.from(GoalStateV2.encode(gs).finish()))).toBe(true);
    expect(encodeGoalState(gs)).toEqual(bytes); // cached configuration bytes give the same output
    const back = decodeGoalState(bytes);
    expect(back.formatVersion).toBe(102);
    expect(back.subnetStates.sa.configuration?.tunnelId).toBe(1001n);
    expect(back.neighborStates['L2/p2'].configuration?.hostIpAddress).toBe('10.1.0.2');
    expect(back).toEqual(GoalStateV2.fromPartial(gs));
  });

  it('matches the codec on large messages (multi-byte lengths) and non-ASCII ids', () => {
    const changes: TopologyChange[] = [...base];
    for (let i = 0; i < 3000; i++) changes.push({ kind: 'port', op: 'upsert', port: port(`pört-${i}`, 'vpc-a', i % 2 ? 'h1' : 'h2', [['sa', `192.168.${(i >> 8) & 255}.${i & 255}`]], { name: 'é'.repeat(i % 200) }) });
    const gs = must(indexWith(changes).fullGoalState('h1'));
    expect(Object.keys(gs.neighborStates)).toHaveLength(3000);
    expect(Buffer.from(encodeGoalState(gs)).equals(Buffer.from(GoalStateV2.encode(gs).finish()))).toBe(true);
  });
});
