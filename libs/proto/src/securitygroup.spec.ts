import {
  EtherType,
  OperationType,
  Protocol,
  SecurityGroupConfiguration_Direction,
  SecurityGroupConfiguration_SecurityGroupRule,
  SecurityGroupState,
  UpdateType,
} from './index';
import { hex, toHex } from './testing/golden';

describe('securitygroup.proto golden bytes', () => {
  const rule = SecurityGroupConfiguration_SecurityGroupRule.fromPartial({
    operationType: OperationType.CREATE,
    securityGroupId: 'sg1',
    id: 'r1',
    direction: SecurityGroupConfiguration_Direction.INGRESS,
    ethertype: EtherType.IPV4,
    protocol: Protocol.UDP,
    portRangeMin: 53,
    portRangeMax: 53,
    remoteIpPrefix: '0.0.0.0/0',
  });

  const ruleBytes = hex(
    '08 01', // field 1 operation_type VARINT CREATE = 1 (per-rule delta)
    '12 03 73 67 31', // field 2 security_group_id LEN 3 "sg1"
    '1a 02 72 31', // field 3 id LEN 2 "r1"
    '20 01', // field 4 direction VARINT INGRESS = 1
    //          field 5 ethertype IPV4 = 0: default, not on the wire
    '30 01', // field 6 protocol VARINT UDP = 1
    '38 35', // field 7 port_range_min VARINT 53
    '40 35', // field 8 port_range_max VARINT 53
    '4a 09 30 2e 30 2e 30 2e 30 2f 30', // field 9 remote_ip_prefix LEN 9 "0.0.0.0/0"
  );

  it('encodes an INGRESS rule to the hand-derived bytes', () => {
    expect(toHex(SecurityGroupConfiguration_SecurityGroupRule.encode(rule).finish())).toBe(toHex(ruleBytes));
    expect(SecurityGroupConfiguration_SecurityGroupRule.decode(ruleBytes)).toEqual(rule);
  });

  it('encodes a SecurityGroupState with the rule nested at field 7', () => {
    const state = SecurityGroupState.fromPartial({
      operationType: OperationType.UPDATE,
      configuration: {
        revisionNumber: 3,
        id: 'sg1',
        updateType: UpdateType.FULL,
        vpcId: 'v1',
        name: 'web',
        securityGroupRules: [rule],
      },
    });
    const expected = hex(
      '08 02', // SecurityGroupState field 1 operation_type VARINT UPDATE = 2
      '12 32', // SecurityGroupState field 2 configuration LEN 50
      '08 03', //   field 1 revision_number VARINT 3
      '1a 03 73 67 31', //   field 3 id LEN 3 "sg1"
      '20 01', //   field 4 update_type VARINT FULL = 1
      '2a 02 76 31', //   field 5 vpc_id LEN 2 "v1"
      '32 03 77 65 62', //   field 6 name LEN 3 "web"
      '3a 1e', //   field 7 security_group_rules LEN 30 (the rule bytes above)
      toHex(ruleBytes),
    );
    expect(toHex(SecurityGroupState.encode(state).finish())).toBe(toHex(expected));
    const decoded = SecurityGroupState.decode(expected);
    expect(decoded).toEqual(state);
    expect(decoded.configuration?.securityGroupRules[0]?.direction).toBe(SecurityGroupConfiguration_Direction.INGRESS);
  });
});
