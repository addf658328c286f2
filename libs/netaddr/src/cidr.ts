import { ADDRESS_BITS, formatIp, IpAddress, IpVersion, parseIp } from './address';

/** A subnet: its version, prefix length and first/last address as numbers. */
export interface Cidr {
  version: IpVersion;
  prefixLength: number;
  /** The network address (host bits cleared). */
  network: bigint;
  /** The last address of the block (the IPv4 broadcast address for prefixes up to /30). */
  last: bigint;
}

/**
 * Parses `address/prefix`. Host bits are cleared, so '10.0.0.5/24' gives 10.0.0.0/24; compare
 * formatCidr() with the input to insist on the canonical form (Neutron recommends it).
 */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  const bits = ADDRESS_BITS[address.version];
  if (prefixLength > bits) return undefined;
  const hostMask = (1n << BigInt(bits - prefixLength)) - 1n;
  const network = address.value & ~hostMask;
  return { version: address.version, prefixLength, network, last: network | hostMask };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ version: cidr.version, value: cidr.network })}/${cidr.prefixLength}`;
}

/** The canonical text of a CIDR (host bits cleared), or undefined when it is not one. */
export function canonicalCidr(text: string): string | undefined {
  const parsed = parseCidr(text);
  return parsed ? formatCidr(parsed) : undefined;
}

export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  return address.version === cidr.version && address.value >= cidr.network && address.value <= cidr.last;
}

/** Number of addresses in the block. */
export function cidrSize(cidr: Cidr): bigint {
  return cidr.last - cidr.network + 1n;
}

export function networkAddress(cidr: Cidr): IpAddress {
  return { version: cidr.version, value: cidr.network };
}

/** The IPv4 broadcast address; none for IPv6 and for /31 and /32 (RFC 3021; netaddr agrees). */
export function broadcastAddress(cidr: Cidr): IpAddress | undefined {
  return cidr.version === 4 && cidr.prefixLength <= 30 ? { version: 4, value: cidr.last } : undefined;
}

/**
 * Neutron's check_subnet_ip: an address a port may hold on the subnet — inside the block, not
 * the network address and not the IPv4 broadcast address.
 */
export function isUsableAddress(cidr: Cidr, address: IpAddress): boolean {
  return cidrContains(cidr, address) && address.value !== cidr.network && address.value !== broadcastAddress(cidr)?.value;
}

/**
 * The first and last usable host of the block (Alcor's range first_ip/last_ip): network address
 * and IPv4 broadcast excluded, except in /31, /32, /127 and /128 blocks, which have no room to.
 */
export function hostBounds(cidr: Cidr): { first: bigint; last: bigint } {
  if (cidr.last - cidr.network < 2n) return { first: cidr.network, last: cidr.last };
  return { first: cidr.network + 1n, last: broadcastAddress(cidr) ? cidr.last - 1n : cidr.last };
}

/** The smallest block holding both addresses (same version), e.g. 10.0.0.1 and 10.0.0.254: 10.0.0.0/24. */
export function coveringCidr(a: IpAddress, b: IpAddress): Cidr {
  if (a.version !== b.version) throw new RangeError('addresses of different versions');
  const bits = ADDRESS_BITS[a.version];
  const prefixLength = bits - (a.value ^ b.value).toString(2).replace(/^0$/, '').length;
  const hostMask = (1n << BigInt(bits - prefixLength)) - 1n;
  const network = a.value & ~hostMask;
  return { version: a.version, prefixLength, network, last: network | hostMask };
}
