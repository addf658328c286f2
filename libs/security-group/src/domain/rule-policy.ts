import { canonicalCidr, parseCidr } from '@alcor/netaddr';
import { NeutronError } from '@alcor/neutron-api';
import { ICMP_PROTOCOLS, IPV6_ONLY_PROTOCOLS, PORT_PROTOCOL_NAMES, PORT_PROTOCOLS, protocolNumber } from './protocols';

/** A rule as requested, after attribute conversion (protocol lower-cased or numeric text). */
export interface RuleRequest {
  securityGroupId: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
}

const invalid = (type: string, message: string) => new NeutronError(400, type, message);

/**
 * Neutron's rule checks (securitygroups_db._validate_security_group_rule), pure: legacy IPv6 ICMP
 * names made canonical, port ranges by protocol, ethertype against prefix and protocol, prefix
 * or remote group. Answers the rule as it will be stored, remote_ip_prefix normalised to its
 * network address.
 */
export function checkRule(request: RuleRequest): RuleRequest {
  const rule = { ...request, protocol: canonicalIcmp(request.protocol, request.ethertype) };
  checkPortRange(rule);
  rule.remoteIpPrefix = checkPrefix(rule.remoteIpPrefix, rule.ethertype);
  if (rule.protocol !== null && rule.ethertype === 'IPv4' && IPV6_ONLY_PROTOCOLS.has(rule.protocol)) {
    throw invalid('SecurityGroupEthertypeConflictWithProtocol', `Invalid ethertype ${rule.ethertype} for protocol ${rule.protocol}.`);
  }
  if (rule.remoteIpPrefix !== null && rule.remoteGroupId !== null) {
    throw invalid('SecurityGroupRemoteGroupAndRemoteIpPrefix', 'Only remote_ip_prefix or remote_group_id may be provided.');
  }
  return rule;
}

/** IPv6 rules say ipv6-icmp (58) whatever legacy name or number they were given. */
function canonicalIcmp(protocol: string | null, ethertype: string): string | null {
  if (ethertype !== 'IPv6' || protocol === null) return protocol;
  if (protocol === 'icmp' || protocol === 'icmpv6') return 'ipv6-icmp';
  if (protocol === '1') return '58';
  return protocol;
}

function checkPortRange(rule: RuleRequest): void {
  const { portRangeMin: min, portRangeMax: max } = rule;
  if (min === null && max === null) return;
  if (rule.protocol === null) throw invalid('SecurityGroupProtocolRequiredWithPorts', 'Must also specify protocol if port range is given.');
  const number = protocolNumber(rule.protocol) as number;
  if (PORT_PROTOCOLS.has(number)) {
    if (min === 0 || max === 0) throw invalid('SecurityGroupInvalidPortValue', 'Invalid value for port 0');
    if (min === null || max === null || min > max) {
      throw invalid('SecurityGroupInvalidPortRange', 'For TCP/UDP protocols, port_range_min must be <= port_range_max');
    }
    return;
  }
  if (ICMP_PROTOCOLS.has(number)) {
    for (const [value, attr, field] of [[min, 'port_range_min', 'type'], [max, 'port_range_max', 'code']] as const) {
      if (value !== null && (value < 0 || value > 255)) {
        throw invalid('SecurityGroupInvalidIcmpValue', `Invalid value for ICMP ${field} (${attr}) ${value}. It must be 0 to 255.`);
      }
    }
    if (min === null && max !== null) {
      throw invalid('SecurityGroupMissingIcmpType', `ICMP code (port-range-max) ${max} is provided but ICMP type (port-range-min) is missing.`);
    }
    return;
  }
  throw invalid('SecurityGroupInvalidProtocolForPort', `Invalid protocol ${number} for port range, only supported for ${PORT_PROTOCOL_NAMES} protocols.`);
}

function checkPrefix(prefix: string | null, ethertype: string): string | null {
  if (prefix === null) return null;
  const parsed = parseCidr(prefix);
  if (!parsed || `IPv${parsed.version}` !== ethertype) {
    throw invalid('SecurityGroupRuleParameterConflict', `Conflicting value ethertype ${ethertype} for CIDR ${prefix}`);
  }
  return canonicalCidr(prefix) as string;
}

/**
 * What makes two rules of a group the same (Neutron's _rule_to_key): protocol by number whatever
 * its spelling, and an any-address prefix equal to no prefix.
 */
export function ruleKey(rule: RuleRequest): string {
  const none = '+';
  const number = protocolNumber(rule.protocol);
  const protocol = rule.protocol === null ? none : String(number ?? rule.protocol);
  const prefix = rule.remoteIpPrefix === null || rule.remoteIpPrefix === '0.0.0.0/0' || rule.remoteIpPrefix === '::/0' ? none : rule.remoteIpPrefix;
  return [
    rule.direction,
    rule.ethertype,
    rule.portRangeMax ?? none,
    rule.portRangeMin ?? none,
    protocol,
    rule.remoteGroupId ?? none,
    prefix,
    rule.securityGroupId,
  ].join('_');
}

