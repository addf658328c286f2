import ipaddr from 'ipaddr.js';

export type IpVersion = 4 | 6;

export interface Cidr {
  version: IpVersion;
  /** Network address as a number. */
  network: bigint;
  prefixLength: number;
  /** Canonical text, e.g. 10.0.0.0/24 or fd00::/64. */
  text: string;
}

const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };

/** The address as a number (IPv4-mapped IPv6 stays IPv6). */
export function toNumber(address: string): bigint {
  const parsed = ipaddr.parse(address);
  return parsed.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
}

export function fromNumber(value: bigint, version: IpVersion): string {
  const bytes: number[] = [];
  for (let i = 0; i < BITS[version] / 8; i++) bytes.unshift(Number((value >> BigInt(8 * i)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

export function ipVersionOf(address: string): IpVersion | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return 4;
  if (ipaddr.IPv6.isValid(address) && !address.includes('%')) return 6;
  return undefined;
}

/** Canonical text of an address (lower-case, compressed IPv6), or undefined when invalid. */
export function canonicalAddress(address: string): string | undefined {
  const version = ipVersionOf(address);
  return version ? fromNumber(toNumber(address), version) : undefined;
}

/** Parses `a.b.c.d/n` or `x::/n`; host bits must be zero unless `strict` is false. */
export function parseCidr(text: string, strict = true): Cidr | undefined {
  if (!ipaddr.isValidCIDR(text)) return undefined;
  const [address, length] = text.split('/');
  const version = ipVersionOf(address);
  if (!version) return undefined;
  const prefixLength = Number(length);
  const hostMask = (1n << BigInt(BITS[version] - prefixLength)) - 1n;
  const value = toNumber(address);
  if (strict && (value & hostMask) !== 0n) return undefined;
  const network = value & ~hostMask & ((1n << BigInt(BITS[version])) - 1n);
  return { version, network, prefixLength, text: `${fromNumber(network, version)}/${prefixLength}` };
}

export function size(cidr: Cidr): bigint {
  return 1n << BigInt(BITS[cidr.version] - cidr.prefixLength);
}

export function lastAddress(cidr: Cidr): bigint {
  return cidr.network + size(cidr) - 1n;
}

export function contains(cidr: Cidr, address: string): boolean {
  if (ipVersionOf(address) !== cidr.version) return false;
  const value = toNumber(address);
  return value >= cidr.network && value <= lastAddress(cidr);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}
