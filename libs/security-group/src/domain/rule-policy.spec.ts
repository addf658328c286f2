import { NeutronError } from '@alcor/neutron-api';
import { toEthertype, toIpPrefix, toPortValue, toProtocol } from '../http/rule-converters';
import { checkRule, RuleRequest, ruleKey } from './rule-policy';

const G = '6f1c2a7e-1b7a-4a39-9a51-0c1e3f1f0a01';
const rule = (extra: Partial<RuleRequest> = {}): RuleRequest => ({
  securityGroupId: G,
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: null,
  portRangeMin: null,
  portRangeMax: null,
  remoteIpPrefix: null,
  remoteGroupId: null,
  ...extra,
});

function faultOf(work: () => unknown): { status: number; type: string; message: string } | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof NeutronError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
}

describe('security group rule checks (Neutron semantics)', () => {
  it.each([
    [{ protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 }],
    [{ protocol: '17', portRangeMin: 1, portRangeMax: 65535 }],
    [{ protocol: 'sctp', portRangeMin: 100, portRangeMax: 200 }],
    [{ protocol: 'icmp', portRangeMin: 8, portRangeMax: 0 }],
    [{ protocol: 'icmp', portRangeMin: 8 }],
    [{ protocol: 'icmp', portRangeMin: 0, portRangeMax: 255 }],
    [{ protocol: 'gre' }],
    [{ ethertype: 'IPv6' as const, protocol: 'ipv6-icmp' }],
  ])('accepts %j', (extra) => {
    expect(faultOf(() => checkRule(rule(extra)))).toBeUndefined();
  });

  it.each([
    [{ portRangeMin: 22, portRangeMax: 22 }, 'SecurityGroupProtocolRequiredWithPorts', 'Must also specify protocol if port range is given.'],
    [{ protocol: 'tcp', portRangeMin: 80, portRangeMax: 79 }, 'SecurityGroupInvalidPortRange', 'For TCP/UDP protocols, port_range_min must be <= port_range_max'],
    [{ protocol: 'tcp', portRangeMin: 80 }, 'SecurityGroupInvalidPortRange', 'For TCP/UDP protocols, port_range_min must be <= port_range_max'],
    [{ protocol: 'udp', portRangeMin: 0, portRangeMax: 10 }, 'SecurityGroupInvalidPortValue', 'Invalid value for port 0'],
    [{ protocol: 'icmp', portRangeMin: 300 }, 'SecurityGroupInvalidIcmpValue', 'Invalid value for ICMP type (port_range_min) 300. It must be 0 to 255.'],
    [{ protocol: 'icmp', portRangeMin: 3, portRangeMax: 256 }, 'SecurityGroupInvalidIcmpValue', 'Invalid value for ICMP code (port_range_max) 256. It must be 0 to 255.'],
    [{ protocol: 'icmp', portRangeMax: 1 }, 'SecurityGroupMissingIcmpType', 'ICMP code (port-range-max) 1 is provided but ICMP type (port-range-min) is missing.'],
    [{ protocol: 'gre', portRangeMin: 1, portRangeMax: 1 }, 'SecurityGroupInvalidProtocolForPort', 'Invalid protocol 47 for port range, only supported for DCCP, SCTP, TCP, UDP, UDPLITE protocols.'],
    [{ protocol: 'ipv6-frag' }, 'SecurityGroupEthertypeConflictWithProtocol', 'Invalid ethertype IPv4 for protocol ipv6-frag.'],
    [{ protocol: '58' }, 'SecurityGroupEthertypeConflictWithProtocol', 'Invalid ethertype IPv4 for protocol 58.'],
    [{ remoteIpPrefix: 'fd00::/8' }, 'SecurityGroupRuleParameterConflict', 'Conflicting value ethertype IPv4 for CIDR fd00::/8'],
    [{ ethertype: 'IPv6' as const, remoteIpPrefix: '10.0.0.0/8' }, 'SecurityGroupRuleParameterConflict', 'Conflicting value ethertype IPv6 for CIDR 10.0.0.0/8'],
    [{ remoteIpPrefix: '10.0.0.0/8', remoteGroupId: G }, 'SecurityGroupRemoteGroupAndRemoteIpPrefix', 'Only remote_ip_prefix or remote_group_id may be provided.'],
  ])('refuses %j with %s', (extra, type, message) => {
    expect(faultOf(() => checkRule(rule(extra)))).toEqual({ status: 400, type, message });
  });

  it('normalises the prefix to its network address and IPv6 ICMP to ipv6-icmp', () => {
    expect(checkRule(rule({ remoteIpPrefix: '10.1.2.3/16' })).remoteIpPrefix).toBe('10.1.0.0/16');
    expect(checkRule(rule({ ethertype: 'IPv6', remoteIpPrefix: 'fd00:1::5/64' })).remoteIpPrefix).toBe('fd00:1::/64');
    expect(checkRule(rule({ ethertype: 'IPv6', protocol: 'icmp' })).protocol).toBe('ipv6-icmp');
    expect(checkRule(rule({ ethertype: 'IPv6', protocol: 'icmpv6' })).protocol).toBe('ipv6-icmp');
    expect(checkRule(rule({ ethertype: 'IPv6', protocol: '1' })).protocol).toBe('58');
    expect(checkRule(rule({ protocol: 'icmp' })).protocol).toBe('icmp');
  });

  it('keys rules so that spellings of one rule collide and different rules do not', () => {
    const key = (extra: Partial<RuleRequest>) => ruleKey(checkRule(rule(extra)));
    expect(key({ protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 })).toBe(key({ protocol: '6', portRangeMin: 22, portRangeMax: 22 }));
    expect(key({ remoteIpPrefix: '0.0.0.0/0' })).toBe(key({}));
    expect(key({ ethertype: 'IPv6', protocol: 'icmp' })).toBe(key({ ethertype: 'IPv6', protocol: '58' }));
    expect(key({ protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 })).not.toBe(key({ protocol: 'tcp', portRangeMin: 22, portRangeMax: 23 }));
    expect(key({ direction: 'egress' })).not.toBe(key({ direction: 'ingress' }));
    expect(key({ remoteGroupId: G })).not.toBe(key({}));
    expect(ruleKey({ ...rule(), securityGroupId: 'other' })).not.toBe(ruleKey(rule()));
  });
});

describe('rule attribute converters (neutron-lib semantics)', () => {
  it('reads protocols by name, number or any', () => {
    expect(toProtocol('TCP', 'protocol')).toBe('tcp');
    expect(toProtocol(6, 'protocol')).toBe('6');
    expect(toProtocol('255', 'protocol')).toBe('255');
    expect(toProtocol('any', 'protocol')).toBeNull();
    expect(toProtocol(null, 'protocol')).toBeNull();
    expect(toProtocol('icmpv6', 'protocol')).toBe('icmpv6');
    for (const bad of ['256', -1, 'bogus', true, {}]) {
      expect(faultOf(() => toProtocol(bad, 'protocol'))?.type).toBe('SecurityGroupRuleInvalidProtocol');
    }
    expect(faultOf(() => toProtocol('xyz', 'protocol'))?.message).toMatch(/^Security group rule protocol xyz not supported\. Only protocol values \[None, 'ah', .*'vrrp'\] and integer representations \[0 to 255\] are supported\.$/);
  });

  it('reads ports 0-65535, prefixes with a mask, ethertypes in any case', () => {
    expect(toPortValue('80', 'port_range_min')).toBe(80);
    expect(toPortValue(null, 'port_range_min')).toBeNull();
    expect(faultOf(() => toPortValue(65536, 'port_range_min'))).toEqual({ status: 400, type: 'SecurityGroupInvalidPortValue', message: 'Invalid value for port 65536' });
    expect(faultOf(() => toPortValue('x', 'port_range_min'))?.type).toBe('SecurityGroupInvalidPortValue');
    expect(toIpPrefix('192.0.2.1', 'remote_ip_prefix')).toBe('192.0.2.1/32');
    expect(toIpPrefix('2001:db8::1', 'remote_ip_prefix')).toBe('2001:db8::1/128');
    expect(toIpPrefix('10.0.0.0/8', 'remote_ip_prefix')).toBe('10.0.0.0/8');
    expect(faultOf(() => toIpPrefix('10.0.0.0/33', 'remote_ip_prefix'))).toEqual({ status: 400, type: 'InvalidCIDR', message: 'Invalid CIDR 10.0.0.0/33 given as IP prefix.' });
    expect(toEthertype('ipv6', 'ethertype')).toBe('IPv6');
    expect(faultOf(() => toEthertype('IPv5', 'ethertype'))?.type).toBe('InvalidInput');
  });
});
