/**
 * IP addresses as numbers: parsing, canonical text and bigint conversion for IPv4 and IPv6.
 * Framework-free (no Nest, no store) so any manager can use it.
 */
import ipaddr from 'ipaddr.js';

export type IpVersion = 4 | 6;

export interface IpAddress {
  version: IpVersion;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

export const ADDRESS_BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Parses an IPv4 dotted quad or an IPv6 address. Refused (undefined): shorthand or octal/hex IPv4
 * forms ('10.1', '010.0.0.1', '0x0a.0.0.1', which resolvers read differently), zone ids, spaces.
 */
export function parseIp(text: string): IpAddress | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.includes(':')) return parseIpv6(text);
  const quad = DOTTED_QUAD.exec(text);
  if (!quad) return undefined;
  let value = 0n;
  for (const part of quad.slice(1)) {
    if ((part.length > 1 && part.startsWith('0')) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return { version: 4, value };
}

function parseIpv6(text: string): IpAddress | undefined {
  if (!ipaddr.IPv6.isValid(text) || /\s|%/.test(text)) return undefined;
  let value = 0n;
  for (const part of ipaddr.IPv6.parse(text).parts) value = (value << 16n) | BigInt(part);
  return { version: 6, value };
}

/** Canonical text: dotted quad for IPv4; RFC 5952 for IPv6 (lower case, longest zero run as ::). */
export function formatIp(address: IpAddress): string {
  if (address.version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((address.value >> BigInt(112 - 16 * i)) & 0xffffn));
  const run = longestZeroRun(groups);
  const hex = (list: number[]) => list.map((g) => g.toString(16)).join(':');
  if (!run) return hex(groups);
  return `${hex(groups.slice(0, run.start))}::${hex(groups.slice(run.start + run.length))}`;
}

/** RFC 5952 §4.2: the longest run of two or more zero groups, the first one on a tie. */
function longestZeroRun(groups: number[]): { start: number; length: number } | undefined {
  let best: { start: number; length: number } | undefined;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i >= 2 && (!best || j - i > best.length)) best = { start: i, length: j - i };
    i = j;
  }
  return best;
}

/** The canonical form of an address, or undefined when the text is not one. */
export function canonicalIp(text: string): string | undefined {
  const parsed = parseIp(text);
  return parsed ? formatIp(parsed) : undefined;
}

export function isValidIp(text: string): boolean {
  return parseIp(text) !== undefined;
}

/** The address as a number; throws on text that is not an address. */
export function ipToBigInt(text: string): bigint {
  const parsed = parseIp(text);
  if (!parsed) throw new RangeError(`'${text}' is not an IP address`);
  return parsed.value;
}

/** The canonical text of a number of the given version; throws when it does not fit. */
export function bigIntToIp(value: bigint, version: IpVersion): string {
  if (value < 0n || value >= 1n << BigInt(ADDRESS_BITS[version])) {
    throw new RangeError(`${value} is not an IPv${version} address`);
  }
  return formatIp({ version, value });
}
