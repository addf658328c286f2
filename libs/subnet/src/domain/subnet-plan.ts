import { AllocationPool, HostRoute } from '@alcor/contracts';
import {
  canonicalIp,
  Cidr,
  cidrContains,
  defaultAllocationPools,
  defaultGateway,
  formatCidr,
  ipToBigInt,
  parseCidr,
  parseIp,
  poolsOverlap,
} from '@alcor/netaddr';

const canonicalAddress = canonicalIp;
const ipVersionOf = (text: string) => parseIp(text)?.version;
const contains = (cidr: Cidr, text: string) => {
  const address = parseIp(text);
  return address !== undefined && cidrContains(cidr, address);
};
const toNumber = ipToBigInt;
import { badRequest, conflict, invalidInput } from '@alcor/neutron-api';

export const MAX_DNS_NAMESERVERS = 5;
export const MAX_HOST_ROUTES = 20;
export const IPV6_MODES = ['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless'] as const;

/** The address plan of a subnet after Neutron's checks: what IPAM gets. */
export interface SubnetAddressPlan {
  ipVersion: 4 | 6;
  cidr: Cidr;
  gatewayIp: string | null;
  allocationPools: AllocationPool[];
}

export function parseSubnetCidr(text: string, ipVersion: number): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw invalidInput(`'${text}' is not a valid IP subnet.`);
  const canonical = formatCidr(parsed);
  if (parseIp(text.split('/')[0])?.value !== parsed.network) {
    throw invalidInput(`'${text}' isn't a recognized IP subnet cidr, '${canonical}' is recommended`);
  }
  if (parsed.version !== ipVersion) throw invalidInput(`Cidr ${text} does not match ip_version ${ipVersion}.`);
  if (parsed.version === 4 && parsed.prefixLength < 8) throw invalidInput(`Cidr ${text} is too large; the smallest prefix is /8.`);
  return parsed;
}

/** Gateway: absent -> first host; null -> none; given -> a host address of the subnet. */
export function resolveGateway(cidr: Cidr, given: string | null | undefined): string | null {
  if (given === undefined) return defaultGateway(cidr);
  if (given === null) return null;
  const address = canonicalAddress(given);
  if (!address || ipVersionOf(address) !== cidr.version) throw invalidInput(`'${given}' is not a valid IP address.`);
  if (!contains(cidr, address) || isReserved(cidr, address)) {
    throw badRequest(`Invalid input for operation: Gateway ip ${given} is not valid on subnet ${formatCidr(cidr)}.`, 'InvalidInput');
  }
  return address;
}

/** Pools: absent -> the CIDR minus network, broadcast and gateway; given -> checked as Neutron does. */
export function resolvePools(cidr: Cidr, gatewayIp: string | null, given: AllocationPool[] | undefined): AllocationPool[] {
  if (given === undefined) return defaultAllocationPools(formatCidr(cidr), gatewayIp);
  const pools = given.map((pool) => checkedPool(cidr, pool));
  pools.forEach((a, i) =>
    pools.slice(i + 1).forEach((b) => {
      if (poolsOverlap(a, b)) throw badRequest(`Found overlapping allocation pools: ${a.start}-${a.end} and ${b.start}-${b.end} for subnet ${formatCidr(cidr)}.`, 'OverlappingAllocationPools');
    }),
  );
  if (gatewayIp !== null && pools.some((p) => toNumber(p.start) <= toNumber(gatewayIp) && toNumber(gatewayIp) <= toNumber(p.end))) {
    throw conflict('GatewayConflictWithAllocationPools', `Gateway ip ${gatewayIp} conflicts with allocation pool ${pools.map((p) => `${p.start}-${p.end}`).join(', ')}`);
  }
  return pools;
}

function checkedPool(cidr: Cidr, pool: AllocationPool): AllocationPool {
  const start = typeof pool?.start === 'string' ? canonicalAddress(pool.start) : undefined;
  const end = typeof pool?.end === 'string' ? canonicalAddress(pool.end) : undefined;
  if (!start || !end || ipVersionOf(start) !== cidr.version || ipVersionOf(end) !== cidr.version) {
    throw invalidInput(`Invalid allocation pool ${JSON.stringify(pool)}.`);
  }
  if (toNumber(start) > toNumber(end)) throw invalidInput(`Invalid allocation pool ${start}-${end}: start is after end.`);
  if (!contains(cidr, start) || !contains(cidr, end) || isReserved(cidr, start) || isReserved(cidr, end)) {
    throw badRequest(`The allocation pool ${start}-${end} spans beyond the subnet cidr ${formatCidr(cidr)}.`, 'OutOfBoundsAllocationPool');
  }
  return { start, end };
}

/** The network address, and the IPv4 broadcast address, are never host addresses. */
function isReserved(cidr: Cidr, address: string): boolean {
  if (cidr.last - cidr.network < 2n) return false;
  const value = toNumber(address);
  return value === cidr.network || (cidr.version === 4 && value === cidr.last);
}

export function checkDnsNameservers(servers: string[], ipVersion: number): string[] {
  if (servers.length > MAX_DNS_NAMESERVERS) throw badRequest(`Number of DNS nameservers exceeds the limit ${MAX_DNS_NAMESERVERS}.`, 'DNSNameServersExhausted');
  const canonical = servers.map((s) => {
    const address = canonicalAddress(s);
    if (!address) throw invalidInput(`'${s}' is not a valid nameserver.`);
    return address;
  });
  if (new Set(canonical).size !== canonical.length) throw invalidInput(`Duplicate nameserver in ${servers.join(', ')}.`);
  void ipVersion;
  return canonical;
}

export function checkHostRoutes(routes: HostRoute[], ipVersion: number): HostRoute[] {
  if (routes.length > MAX_HOST_ROUTES) throw badRequest(`Unable to complete operation: the number of host routes exceeds the limit ${MAX_HOST_ROUTES}.`, 'HostRoutesExhausted');
  return routes.map((route) => {
    const destination = typeof route?.destination === 'string' ? parseCidr(route.destination) : undefined;
    const nexthop = typeof route?.nexthop === 'string' ? canonicalAddress(route.nexthop) : undefined;
    if (!destination || !nexthop || destination.version !== ipVersion || ipVersionOf(nexthop) !== ipVersion) {
      throw invalidInput(`Invalid host route ${JSON.stringify(route)}: expected {"destination": <cidr>, "nexthop": <ip>} of IPv${ipVersion}.`);
    }
    return { destination: formatCidr(destination), nexthop };
  });
}

/** IPv6 RA/address modes: only on IPv6, equal when both are set, SLAAC needs a /64. */
export function checkIpv6Modes(ipVersion: number, cidr: Cidr, ra: string | null, address: string | null): void {
  if (ipVersion === 4 && (ra !== null || address !== null)) {
    throw invalidInput('ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False or ip_version is 4.');
  }
  if (ra !== null && address !== null && ra !== address) {
    throw invalidInput(`ipv6_ra_mode set to '${ra}' with ipv6_address_mode set to '${address}' is not valid.`);
  }
  const mode = address ?? ra;
  if ((mode === 'slaac' || mode === 'dhcpv6-stateless') && cidr.prefixLength !== 64) {
    throw invalidInput(`Invalid CIDR ${formatCidr(cidr)} for IPv6 address mode. OpenStack uses the EUI-64 address format, which requires the prefix to be /64.`);
  }
}
