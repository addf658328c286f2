import { DestinationType, OperationType, RouterConfiguration, RouterState, UpdateType } from './index';
import { hex, toHex } from './testing/golden';

describe('router.proto golden bytes', () => {
  const state = RouterState.fromPartial({
    operationType: OperationType.UPDATE,
    configuration: {
      revisionNumber: 1,
      id: 'r1',
      updateType: UpdateType.FULL,
      hostDvrMacAddress: 'fe:16:11:00:00:00',
      subnetRoutingTables: [
        {
          subnetId: 's1',
          routingRules: [
            {
              operationType: OperationType.CREATE,
              id: 'rr1',
              destination: '10.0.2.0/24',
              nextHopIp: '10.0.1.1',
              routingRuleExtraInfo: { destinationType: DestinationType.VPC_GW, nextHopMac: 'fa:16:3e:00:00:09' },
            },
          ],
        },
      ],
    },
  });

  const expected = hex(
    '08 02', // RouterState field 1 operation_type VARINT UPDATE = 2
    '12 58', // RouterState field 2 configuration LEN 88
    '08 01', //   field 1 revision_number VARINT 1
    '1a 02 72 31', //   field 3 id LEN 2 "r1"
    '20 01', //   field 4 update_type VARINT FULL = 1
    '2a 11 66 65 3a 31 36 3a 31 31 3a 30 30 3a 30 30 3a 30 30', //   field 5 host_dvr_mac_address LEN 17 "fe:16:11:00:00:00"
    '32 3b', //   field 6 subnet_routing_tables LEN 59
    '0a 02 73 31', //     SubnetRoutingTable field 1 subnet_id LEN 2 "s1"
    '12 35', //     SubnetRoutingTable field 2 routing_rules LEN 53
    '08 01', //       RoutingRule field 1 operation_type VARINT CREATE = 1
    '12 03 72 72 31', //       RoutingRule field 2 id LEN 3 "rr1"
    '22 0b 31 30 2e 30 2e 32 2e 30 2f 32 34', //       RoutingRule field 4 destination LEN 11 "10.0.2.0/24"
    '2a 08 31 30 2e 30 2e 31 2e 31', //       RoutingRule field 5 next_hop_ip LEN 8 "10.0.1.1"
    '3a 15', //       RoutingRule field 7 routing_rule_extra_info LEN 21
    '08 01', //         RoutingRuleExtraInfo field 1 destination_type VARINT VPC_GW = 1
    '12 11 66 61 3a 31 36 3a 33 65 3a 30 30 3a 30 30 3a 30 39', //         field 2 next_hop_mac LEN 17 "fa:16:3e:00:00:09"
  );

  it('encodes to the hand-derived bytes', () => {
    expect(toHex(RouterState.encode(state).finish())).toBe(toHex(expected));
  });

  it('decodes the hand-derived bytes', () => {
    const decoded = RouterState.decode(expected);
    expect(decoded).toEqual(state);
    const rule = decoded.configuration?.subnetRoutingTables[0]?.routingRules[0];
    expect(rule?.routingRuleExtraInfo?.destinationType).toBe(DestinationType.VPC_GW);
  });
});

describe('router.proto floating-IP extension (field 100, not in Alcor)', () => {
  const config = RouterConfiguration.fromPartial({
    id: 'r1',
    floatingIps: [{ operationType: OperationType.CREATE, id: 'f', floatingIpAddress: '1.2.3.4', fixedIpAddress: '10.0.0.5' }],
  });
  const expected = hex(
    '1a 02 72 31', // field 3 id LEN 2 "r1"
    'a2 06 18', // field 100 floating_ips LEN 24 (tag 100 << 3 | 2 = 802, varint a2 06)
    '08 01', //   FloatingIp field 1 operation_type VARINT CREATE = 1
    '12 01 66', //   field 2 id LEN 1 "f"
    '22 07 31 2e 32 2e 33 2e 34', //   field 4 floating_ip_address LEN 7 "1.2.3.4"
    '2a 08 31 30 2e 30 2e 30 2e 35', //   field 5 fixed_ip_address LEN 8 "10.0.0.5"
  );

  it('encodes to the hand-derived bytes and back', () => {
    expect(toHex(RouterConfiguration.encode(config).finish())).toBe(toHex(expected));
    expect(RouterConfiguration.decode(expected)).toEqual(config);
  });

  it('writes no byte for an empty list, so Alcor-shaped router states are unchanged', () => {
    expect(toHex(RouterConfiguration.encode(RouterConfiguration.fromPartial({ id: 'r1' })).finish())).toBe('1a 02 72 31');
  });

  it('is skipped as an unknown field by a reader of the extension-free shape', () => {
    // RouterState.decode of a state whose configuration is followed by an unknown field 100 of its own
    const withUnknown = new Uint8Array([...hex('08 02', '12 04', '1a 02 72 31'), ...hex('a2 06 00')]);
    expect(RouterState.decode(withUnknown).configuration?.id).toBe('r1');
  });
});
