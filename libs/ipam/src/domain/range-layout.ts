import { invalidInput } from '@alcor/neutron-api';
import { Cidr, formatCidr, formatIp, hostBounds, IpPool, IpVersion, NumericRange, parseCidr, poolBounds, toIpPool } from '@alcor/netaddr';
import { readIpAddress } from './address-input';
import {
  gatewayConflictWithAllocationPools,
  invalidAllocationPool,
  outOfBoundsAllocationPool,
  overlappingAllocationPools,
} from './ipam-errors';

/** What defines a range's address space, as a caller gives it. */
export interface RangeDefinition {
  ipVersion: number;
  cidr: string;
  gatewayIp: string | null;
  allocationPools: IpPool[];
}

/** A checked range: canonical texts plus the numbers the allocator works with. */
export interface RangeLayout {
  version: IpVersion;
  cidr: Cidr;
  cidrText: string;
  gatewayIp: string | null;
  gateway: bigint | null;
  /** Canonical text, in the caller's order. */
  pools: IpPool[];
  /** The same pools as numbers, same order. */
  poolRanges: NumericRange[];
  totalIps: bigint;
  firstIp: string;
  lastIp: string;
}

/**
 * Validates a range the way Neutron validates a subnet's gateway and allocation pools (the
 * subnet manager computes defaults, but nothing is trusted): pools of the subnet's version,
 * start <= end, inside the CIDR without network and IPv4 broadcast addresses, not overlapping,
 * and not containing the gateway.
 */
export function layOutRange(definition: RangeDefinition): RangeLayout {
  const version = definition.ipVersion;
  if (version !== 4 && version !== 6) throw invalidInput(`'${String(version)}' is not in [4, 6].`);
  const cidr = readCidr(definition.cidr, version);
  const cidrText = formatCidr(cidr);
  const gateway = definition.gatewayIp === null ? null : readIpAddress(definition.gatewayIp);
  if (gateway) {
    // Neutron's check_gateway_invalid_in_subnet: a gateway outside the CIDR is allowed (an
    // upstream router), one inside may not be the network or IPv4 broadcast address.
    const inside = gateway.version === version && gateway.value >= cidr.network && gateway.value <= cidr.last;
    const edge = gateway.value === cidr.network || (version === 4 && gateway.value === cidr.last);
    if (gateway.version !== version || (inside && edge)) throw invalidInput('Gateway is not valid on subnet.');
  }
  if (!Array.isArray(definition.allocationPools)) throw invalidInput("'allocation_pools' is not a list.");
  const bounds = poolBounds(cidr);
  const checked = definition.allocationPools.map((pool) => readPool(pool, version, cidrText, bounds));
  const byStart = [...checked].sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0));
  for (let i = 1; i < byStart.length; i++) {
    if (byStart[i].range.start <= byStart[i - 1].range.end) throw overlappingAllocationPools(byStart[i - 1].pool, byStart[i].pool, cidrText);
  }
  if (gateway) {
    const holder = checked.find((p) => gateway.value >= p.range.start && gateway.value <= p.range.end);
    if (holder) throw gatewayConflictWithAllocationPools(formatIp(gateway), holder.pool);
  }
  const host = hostBounds(cidr);
  return {
    version,
    cidr,
    cidrText,
    gatewayIp: gateway ? formatIp(gateway) : null,
    gateway: gateway ? gateway.value : null,
    pools: checked.map((p) => p.pool),
    poolRanges: checked.map((p) => p.range),
    totalIps: checked.reduce((sum, p) => sum + (p.range.end - p.range.start + 1n), 0n),
    firstIp: formatIp({ version, value: host.first }),
    lastIp: formatIp({ version, value: host.last }),
  };
}

function readCidr(text: unknown, version: IpVersion): Cidr {
  const cidr = typeof text === 'string' ? parseCidr(text) : undefined;
  if (!cidr) throw invalidInput(`'${String(text)}' is not a valid IP subnet.`);
  if (cidr.version !== version) throw invalidInput(`Cidr ${String(text)} does not match ip_version ${version}.`);
  const canonical = formatCidr(cidr);
  if (canonical !== text) throw invalidInput(`'${text}' isn't a recognized IP subnet cidr, '${canonical}' is recommended.`);
  return cidr;
}

function readPool(pool: unknown, version: IpVersion, cidrText: string, bounds: NumericRange | undefined): { pool: IpPool; range: NumericRange } {
  if (typeof pool !== 'object' || pool === null) throw invalidInput(`'${String(pool)}' is not a valid allocation pool.`);
  const { start, end } = pool as Partial<IpPool>;
  const first = readIpAddress(start);
  const last = readIpAddress(end);
  const given = { start: String(start), end: String(end) };
  if (first.version !== version || last.version !== version || first.value > last.value) throw invalidAllocationPool(given);
  const range = { start: first.value, end: last.value };
  if (!bounds || range.start < bounds.start || range.end > bounds.end) throw outOfBoundsAllocationPool(given, cidrText);
  return { pool: toIpPool(range, version), range };
}
