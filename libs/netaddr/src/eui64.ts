import { formatIp } from './address';
import { parseCidr } from './cidr';

const MAC = /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/i;

/** The 48-bit MAC as a number; undefined when the text is not `xx:xx:xx:xx:xx:xx`. */
export function parseMac(mac: string): bigint | undefined {
  const match = typeof mac === 'string' ? MAC.exec(mac) : null;
  return match ? BigInt(`0x${match.slice(1).join('')}`) : undefined;
}

/**
 * The SLAAC address of a MAC on an IPv6 prefix (RFC 4291 appendix A, Neutron's
 * get_ipv6_addr_by_EUI64): ff:fe in the middle of the MAC, universal/local bit flipped.
 * fa:16:3e:00:77:01 on fd00:77::/64 gives fd00:77::f816:3eff:fe00:7701.
 */
export function eui64Address(prefix: string, mac: string): string {
  const cidr = parseCidr(prefix);
  if (!cidr || cidr.version !== 6 || cidr.prefixLength > 64) {
    throw new RangeError(`'${prefix}' is not an IPv6 prefix of length 64 or shorter`);
  }
  const value = parseMac(mac);
  if (value === undefined) throw new RangeError(`'${mac}' is not a MAC address`);
  const oui = value >> 24n;
  const nic = value & 0xffffffn;
  const interfaceId = (((oui ^ 0x020000n) << 40n) | (0xfffen << 24n) | nic) & ((1n << 64n) - 1n);
  return formatIp({ version: 6, value: cidr.network | interfaceId });
}
