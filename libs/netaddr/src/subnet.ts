import { bigIntToIp } from './address';
import { Cidr } from './cidr';

/** Neutron's default gateway: the first host address (none for /31, /32, /127, /128). */
export function defaultGateway(cidr: Cidr): string | null {
  if (cidr.last - cidr.network < 2n) return null;
  return bigIntToIp(cidr.network + 1n, cidr.version);
}

/** Whether two blocks share an address (subnets of one network must not). */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.network <= b.last && b.network <= a.last;
}
