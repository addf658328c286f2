import { Cidr, fromNumber, lastAddress, toNumber } from './address';

export interface AddressPool {
  start: string;
  end: string;
}

/** Neutron's default gateway: the first host address (none for /31, /32, /127, /128). */
export function defaultGateway(cidr: Cidr): string | null {
  const hostBits = (cidr.version === 4 ? 32 : 128) - cidr.prefixLength;
  if (hostBits < 2) return null;
  return fromNumber(cidr.network + 1n, cidr.version);
}

/**
 * Neutron's default allocation pools: the CIDR minus the network address, the IPv4 broadcast
 * address and the gateway (which may split the range in two).
 */
export function defaultPools(cidr: Cidr, gateway: string | null): AddressPool[] {
  const hostBits = (cidr.version === 4 ? 32 : 128) - cidr.prefixLength;
  let first = cidr.network;
  let last = lastAddress(cidr);
  if (hostBits >= 2) {
    first += 1n;
    if (cidr.version === 4) last -= 1n;
  }
  const ranges: [bigint, bigint][] = [];
  const gw = gateway === null ? undefined : toNumber(gateway);
  if (gw !== undefined && gw >= first && gw <= last) {
    if (gw > first) ranges.push([first, gw - 1n]);
    if (gw < last) ranges.push([gw + 1n, last]);
  } else {
    ranges.push([first, last]);
  }
  return ranges.map(([s, e]) => ({ start: fromNumber(s, cidr.version), end: fromNumber(e, cidr.version) }));
}

/** Number of addresses in the pools. */
export function poolSize(pools: AddressPool[]): bigint {
  return pools.reduce((n, p) => n + toNumber(p.end) - toNumber(p.start) + 1n, 0n);
}

/** Whether two pools share an address. */
export function poolsOverlap(a: AddressPool, b: AddressPool): boolean {
  return toNumber(a.start) <= toNumber(b.end) && toNumber(b.start) <= toNumber(a.end);
}

/** The EUI-64 (SLAAC) address of a MAC in a /64: flips the U/L bit and inserts ff:fe. */
export function eui64Address(prefix: Cidr, mac: string): string {
  const bytes = mac.split(/[:-]/).map((h) => parseInt(h, 16));
  bytes[0] ^= 0x02;
  const iid = [...bytes.slice(0, 3), 0xff, 0xfe, ...bytes.slice(3)].reduce((n, b) => (n << 8n) | BigInt(b), 0n);
  return fromNumber(prefix.network | iid, 6);
}
