import fc from 'fast-check';
import { GoalStateV2, OperationType, UpdateType } from '@alcor/proto';
import { encodeGoalState } from './encode';
import { applyGoalStateDelta } from './delta';
import { deepEqual } from './equal';
import { STATE_MAPS } from './host-resources';
import { GoalStateIndex } from './goal-state-index';
import { onDemandGoalState } from './on-demand';
import type { FloatingIpRecord, NetworkRecord, NodeRecord, PortRecord, RouterRecord, SecurityGroupRecord, SecurityGroupRuleRecord, SubnetRecord, TopologyChange } from './records';
import { referenceGoalState } from './reference';
import { macOf } from './testing/fixtures';
import { Topology } from './topology';

// Random topologies over small id pools (so changes collide): overlapping CIDRs and addresses in
// different VPCs, ports moving between hosts and networks, nodes renamed or re-addressed, routers
// joining subnets of several networks, SG rules referencing remote groups, floating IPs associated,
// moved and disassociated (they follow their fixed port's host). After every change the
// deltas folded onto each host's previous state must equal a from-scratch recompute.

const NETS = ['n1', 'n2', 'n3'];
const SUBNETS: Record<string, { cidr: string; nets: string[] }> = {
  s1: { cidr: '10.0.0.0/24', nets: ['n1'] },
  s2: { cidr: '10.0.1.0/24', nets: ['n1'] },
  s3: { cidr: '10.0.0.0/24', nets: ['n2'] }, // same CIDR as s1, other VPC
  s4: { cidr: 'fd00::/64', nets: ['n3', 'n2'] },
  s5: { cidr: '10.0.2.0/24', nets: ['n2', 'n3'] },
};
const PORTS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const NODE_IDS = ['id-1', 'id-2', 'id-3', 'id-4'];
const HOST_NAMES = ['h1', 'h2', 'h3', 'h4', 'h5'];
const GROUPS = ['g1', 'g2', 'g3'];
const ROUTERS = ['r1', 'r2'];
const IPS = ['10.0.0.5', '10.0.0.6', '10.0.1.7', '10.0.2.8', 'fd00::5'];
const FIPS = ['f1', 'f2', 'f3'];

const network: fc.Arbitrary<NetworkRecord> = fc.record({
  id: fc.constantFrom(...NETS),
  project_id: fc.constant('p'),
  name: fc.constantFrom('a', 'b'),
  'provider:segmentation_id': fc.constantFrom(100, 101, 102),
  'provider:network_type': fc.constantFrom('vxlan', 'vlan'),
  revision_number: fc.integer({ min: 0, max: 3 }),
});

const subnet: fc.Arbitrary<SubnetRecord> = fc.constantFrom(...Object.keys(SUBNETS)).chain((id) =>
  fc.record({
    id: fc.constant(id),
    network_id: fc.constantFrom(...SUBNETS[id].nets),
    name: fc.constantFrom('x', 'y'),
    cidr: fc.constant(SUBNETS[id].cidr),
    gateway_ip: fc.constantFrom(null, SUBNETS[id].cidr.replace(/0\/\d+$/, '1').replace('::/64', '::1')),
    enable_dhcp: fc.boolean(),
    revision_number: fc.integer({ min: 1, max: 3 }),
    dns_nameservers: fc.constantFrom([], ['8.8.8.8']),
    host_routes: fc.constantFrom([], [{ destination: '192.168.0.0/16', nexthop: '10.0.0.6' }]),
  }),
);

const node: fc.Arbitrary<NodeRecord> = fc.constantFrom(...NODE_IDS).chain((id) =>
  fc.record({
    node_id: fc.constant(id),
    // names stay unique per node id (the node manager enforces it); id-1 may be renamed to h5
    node_name: id === 'id-1' ? fc.constantFrom('h1', 'h5') : fc.constant(`h${id.slice(3)}`),
    local_ip: fc.constantFrom('172.16.0.1', '172.16.0.2', '172.16.0.3', '172.16.0.9'),
    mac_address: fc.constantFrom('aa:00:00:00:00:01', 'aa:00:00:00:00:02'),
    host_dvr_mac: fc.constantFrom(null, 'fe:16:11:00:00:07'),
    server_port: fc.constant(50001),
  }),
);

const port: fc.Arbitrary<PortRecord> = fc.record({
  id: fc.constantFrom(...PORTS),
  network_id: fc.constantFrom(...NETS),
  mac_address: fc.constantFrom(...PORTS.map(macOf)),
  fixed_ips: fc.uniqueArray(fc.record({ subnet_id: fc.constantFrom(...Object.keys(SUBNETS)), ip_address: fc.constantFrom(...IPS) }), {
    maxLength: 2,
    selector: (f) => f.ip_address,
  }),
  'binding:host_id': fc.constantFrom('', ...HOST_NAMES),
  revision_number: fc.integer({ min: 0, max: 5 }),
  name: fc.constantFrom('', 'vm'),
  admin_state_up: fc.constantFrom(true, true, true, false),
  device_owner: fc.constantFrom('compute:nova', 'network:router_interface'),
  security_groups: fc.subarray(GROUPS),
  allowed_address_pairs: fc.constantFrom([], [{ ip_address: '10.0.0.100', mac_address: '' }]),
});

const rule: fc.Arbitrary<SecurityGroupRuleRecord> = fc.record({
  id: fc.constantFrom('ra', 'rb', 'rc', 'rd'),
  direction: fc.constantFrom('ingress', 'egress'),
  ethertype: fc.constantFrom('IPv4', 'IPv6'),
  protocol: fc.constantFrom(null, 'tcp', 'udp', 'icmp', 'gre'),
  port_range_min: fc.constantFrom(null, 22),
  port_range_max: fc.constantFrom(null, 22),
  remote_ip_prefix: fc.constantFrom(null, '0.0.0.0/0'),
  remote_group_id: fc.constantFrom(null, ...GROUPS),
});

const group: fc.Arbitrary<SecurityGroupRecord> = fc.record({
  id: fc.constantFrom(...GROUPS),
  name: fc.constantFrom('default', 'web'),
  revision_number: fc.integer({ min: 1, max: 3 }),
  security_group_rules: fc.uniqueArray(rule, { maxLength: 3, selector: (r) => r.id }),
});

const router: fc.Arbitrary<RouterRecord> = fc.record({
  id: fc.constantFrom(...ROUTERS),
  revision_number: fc.integer({ min: 1, max: 3 }),
  interfaces: fc.uniqueArray(fc.record({ subnet_id: fc.constantFrom(...Object.keys(SUBNETS)), port_id: fc.constantFrom(...PORTS) }), {
    maxLength: 3,
    selector: (i) => i.subnet_id,
  }),
  routes: fc.constantFrom([], [{ destination: '0.0.0.0/0', nexthop: '10.0.0.6' }]),
});

// Floating IPs: associated to any port through any router (or not), the external subnet and port
// drawn from the same pools, so subnet gateways and port MACs feed their next hop and external MAC.
const floatingIp: fc.Arbitrary<FloatingIpRecord> = fc.record({
  id: fc.constantFrom(...FIPS),
  revision_number: fc.integer({ min: 0, max: 3 }),
  floating_ip_address: fc.constantFrom('203.0.113.5', '203.0.113.6'),
  floating_network_id: fc.constantFrom(...NETS),
  port_id: fc.constantFrom(null, ...PORTS),
  fixed_ip_address: fc.constantFrom(null, ...IPS),
  router_id: fc.constantFrom(null, ...ROUTERS, ...ROUTERS),
  floating_subnet_id: fc.constantFrom(undefined, null, ...Object.keys(SUBNETS)),
  floating_port_id: fc.constantFrom(undefined, ...PORTS),
});

const change: fc.Arbitrary<TopologyChange> = fc.oneof(
  { weight: 2, arbitrary: network.map((r): TopologyChange => ({ kind: 'network', op: 'upsert', network: r })) },
  { weight: 1, arbitrary: fc.constantFrom(...NETS).map((id): TopologyChange => ({ kind: 'network', op: 'delete', id })) },
  { weight: 3, arbitrary: subnet.map((r): TopologyChange => ({ kind: 'subnet', op: 'upsert', subnet: r })) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(SUBNETS)).map((id): TopologyChange => ({ kind: 'subnet', op: 'delete', id })) },
  { weight: 8, arbitrary: port.map((r): TopologyChange => ({ kind: 'port', op: 'upsert', port: r })) },
  { weight: 2, arbitrary: fc.constantFrom(...PORTS).map((id): TopologyChange => ({ kind: 'port', op: 'delete', id })) },
  { weight: 3, arbitrary: node.map((r): TopologyChange => ({ kind: 'node', op: 'upsert', node: r })) },
  { weight: 1, arbitrary: fc.constantFrom(...NODE_IDS).map((id): TopologyChange => ({ kind: 'node', op: 'delete', id })) },
  { weight: 2, arbitrary: group.map((r): TopologyChange => ({ kind: 'securityGroup', op: 'upsert', group: r })) },
  { weight: 1, arbitrary: fc.constantFrom(...GROUPS).map((id): TopologyChange => ({ kind: 'securityGroup', op: 'delete', id })) },
  { weight: 2, arbitrary: router.map((r): TopologyChange => ({ kind: 'router', op: 'upsert', router: r })) },
  { weight: 1, arbitrary: fc.constantFrom(...ROUTERS).map((id): TopologyChange => ({ kind: 'router', op: 'delete', id })) },
  { weight: 4, arbitrary: floatingIp.map((r): TopologyChange => ({ kind: 'floatingIp', op: 'upsert', floatingIp: r })) },
  { weight: 1, arbitrary: fc.constantFrom(...FIPS).map((id): TopologyChange => ({ kind: 'floatingIp', op: 'delete', id })) },
);

/** The states only (host_resources is checked separately; operations are normalised by the fold). */
function statesOf(gs: GoalStateV2 | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field] of STATE_MAPS) out[field] = gs?.[field] ?? {};
  return out;
}

/** A strict fold: each operation must make sense against what the host holds. */
function checkOperations(held: GoalStateV2 | undefined, delta: GoalStateV2): void {
  for (const [field] of STATE_MAPS) {
    const have = (held?.[field] ?? {}) as Record<string, { configuration: unknown }>;
    for (const [key, s] of Object.entries(delta[field] as Record<string, { operationType: OperationType; configuration: unknown }>)) {
      const where = `${field}[${key}] ${OperationType[s.operationType]}`;
      if (s.operationType === OperationType.INFO) expect({ where, c: s.configuration }).toEqual({ where, c: have[key]?.configuration });
      else if (s.operationType === OperationType.UPDATE || s.operationType === OperationType.DELETE) expect({ where, held: key in have }).toEqual({ where, held: true });
      else if (s.operationType === OperationType.CREATE && field !== 'portStates') expect({ where, held: key in have }).toEqual({ where, held: false });
      if (field === 'securityGroupStates' && s.operationType === OperationType.UPDATE) {
        expect((s.configuration as { updateType: UpdateType }).updateType).toBe(UpdateType.DELTA);
      }
    }
  }
  const listed = delta.hostResources[Object.keys(delta.hostResources)[0]].resources.map((r) => r.id).sort();
  expect(listed).toEqual(STATE_MAPS.flatMap(([f]) => Object.keys(delta[f])).sort());
}

function run(changes: TopologyChange[]): void {
  const index = new GoalStateIndex();
  const topology = new Topology();
  const held = new Map<string, GoalStateV2>();
  for (const c of changes) {
    topology.apply(c);
    for (const d of index.apply(c)) {
      expect(Object.keys(d.goalState.hostResources)).toEqual([d.hostIp]);
      checkOperations(held.get(d.hostId), d.goalState);
      expect(Buffer.from(encodeGoalState(d.goalState)).equals(Buffer.from(GoalStateV2.encode(d.goalState).finish()))).toBe(true);
      held.set(d.hostId, applyGoalStateDelta(held.get(d.hostId), d.goalState));
    }
    const hosts = new Set([...held.keys(), ...HOST_NAMES]);
    for (const h of hosts) {
      const expected = referenceGoalState(topology, h);
      const label = `${h} after ${JSON.stringify(c)}`;
      expect({ label, states: statesOf(held.get(h)) }).toEqual({ label, states: statesOf(expected) });
      expect({ label, states: statesOf(index.fullGoalState(h)) }).toEqual({ label, states: statesOf(expected) });
      if (expected) {
        expect(index.hostInfo(h)?.hostIp).toBe(Object.keys(expected.hostResources)[0]);
        for (const p of PORTS) expect(index.hostsOfPort(p).includes(h)).toBe(p in expected.portStates);
        for (const vni of [100, 101]) {
          for (const ip of ['10.0.0.5', '10.0.2.8']) {
            const want = onDemandGoalState(Object.keys(expected.hostResources)[0], expected, vni, ip);
            expect({ label, vni, ip, got: statesOf(index.onDemand(h, vni, ip)) }).toEqual({ label, vni, ip, got: statesOf(want) });
          }
        }
      }
    }
    expect(index.hostIds().sort()).toEqual([...topology.nodes.values()].map((n) => n.node_name).sort());
  }
  // the bulk path (restart rebuild) lands on the same states
  const rebuilt = new GoalStateIndex();
  rebuilt.applyAll(changes);
  for (const h of HOST_NAMES) expect(statesOf(rebuilt.fullGoalState(h))).toEqual(statesOf(referenceGoalState(topology, h)));
}

describe('GoalStateIndex incremental = full recompute (property)', () => {
  it('after every change of a random sequence, folded deltas equal a recompute from scratch', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 60 }), (changes) => run(changes)),
      { numRuns: Number(process.env.GOAL_STATE_PROPERTY_RUNS ?? 150) },
    );
  });

  it('holds on a dense sequence that starts from a populated topology', () => {
    const seed: TopologyChange[] = [
      ...NODE_IDS.map((id, i): TopologyChange => ({ kind: 'node', op: 'upsert', node: { node_id: id, node_name: `h${i + 1}`, local_ip: `172.16.0.${i + 1}`, mac_address: 'aa:00:00:00:00:01' } })),
      ...NETS.map((id, i): TopologyChange => ({ kind: 'network', op: 'upsert', network: { id, project_id: 'p', name: id, 'provider:segmentation_id': 100 + i, revision_number: 1 } })),
      ...Object.entries(SUBNETS).map(([id, s]): TopologyChange => ({ kind: 'subnet', op: 'upsert', subnet: { id, network_id: s.nets[0], name: id, cidr: s.cidr, gateway_ip: null, enable_dhcp: true, revision_number: 1 } })),
      // routed ports with floating IPs, so the random changes below move, re-address and drop them
      { kind: 'router', op: 'upsert', router: { id: 'r1', revision_number: 1, interfaces: [{ subnet_id: 's1', port_id: 'p7' }, { subnet_id: 's2', port_id: 'p6' }] } },
      { kind: 'router', op: 'upsert', router: { id: 'r2', revision_number: 1, interfaces: [{ subnet_id: 's3', port_id: 'p5' }] } },
      ...['p1', 'p2', 'p3', 'p4'].map((id, i): TopologyChange => ({
        kind: 'port', op: 'upsert',
        port: { id, network_id: i < 3 ? 'n1' : 'n2', mac_address: macOf(id), fixed_ips: [{ subnet_id: i < 3 ? 's1' : 's3', ip_address: IPS[i % 2] }], 'binding:host_id': `h${i + 1}`, revision_number: 1 },
      })),
      ...FIPS.map((id, i): TopologyChange => ({
        kind: 'floatingIp', op: 'upsert',
        floatingIp: { id, revision_number: 1, floating_ip_address: `203.0.113.${i}`, floating_network_id: 'n3', port_id: `p${i + 2}`, fixed_ip_address: IPS[i % 2], router_id: i < 2 ? 'r1' : 'r2', floating_subnet_id: 's5', floating_port_id: 'p5' },
      })),
    ];
    fc.assert(
      fc.property(fc.array(change, { minLength: 20, maxLength: 50 }), (changes) => run([...seed, ...changes])),
      { numRuns: Number(process.env.GOAL_STATE_PROPERTY_RUNS ?? 30) },
    );
  });

  it('deepEqual helper used by the fold is strict about bigints and arrays', () => {
    expect(deepEqual({ a: [1n] }, { a: [1n] })).toBe(true);
    expect(deepEqual({ a: [1n] }, { a: [2n] })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});
