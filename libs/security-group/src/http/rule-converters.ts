import { isValidIp, parseCidr } from '@alcor/netaddr';
import { Converter, NeutronError } from '@alcor/neutron-api';
import { IP_PROTOCOL_MAP, SUPPORTED_PROTOCOLS_TEXT } from '../domain/protocols';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const unsupportedProtocol = (value: unknown) =>
  new NeutronError(
    400,
    'SecurityGroupRuleInvalidProtocol',
    `Security group rule protocol ${show(value)} not supported. Only protocol values ${SUPPORTED_PROTOCOLS_TEXT} and integer representations [0 to 255] are supported.`,
  );

/** neutron-lib convert_protocol: null/"any" = any protocol; a known name (lower-cased); or 0-255 (kept as text). */
export const toProtocol: Converter<string | null> = (value) => {
  if (value === null || value === 'any') return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value))) {
    const n = Number(value);
    if (Number.isInteger(n) && n >= 0 && n <= 255) return String(n);
    throw unsupportedProtocol(value);
  }
  if (typeof value === 'string' && value.toLowerCase() in IP_PROTOCOL_MAP) return value.toLowerCase();
  throw unsupportedProtocol(value);
};

/** neutron-lib convert_validate_port_value: null, or an integer 0-65535 (numeric strings accepted). */
export const toPortValue: Converter<number | null> = (value) => {
  if (value === null) return null;
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535) return n;
  throw new NeutronError(400, 'SecurityGroupInvalidPortValue', `Invalid value for port ${show(value)}`);
};

/** neutron-lib convert_ip_prefix_to_cidr: an address or CIDR; a bare address gets its full mask. */
export const toIpPrefix: Converter<string | null> = (value) => {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (isValidIp(value)) return `${value}/${value.includes(':') ? 128 : 32}`;
    if (parseCidr(value)) return value;
  }
  throw new NeutronError(400, 'InvalidCIDR', `Invalid CIDR ${show(value)} given as IP prefix.`);
};

/** neutron-lib convert_ethertype_to_case_insensitive, then the values check. */
export const toEthertype: Converter<'IPv4' | 'IPv6'> = (value) => {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'ipv4') return 'IPv4';
    if (lower === 'ipv6') return 'IPv6';
  }
  throw new NeutronError(400, 'InvalidInput', `Invalid input for ethertype. Reason: '${show(value)}' is not in ['IPv4', 'IPv6'].`);
};
