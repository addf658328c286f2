import {
  Attributes,
  badRequest,
  boundedString,
  Converter,
  invalidInput,
  listOf,
  nullable,
  ResourceSpec,
  toInteger,
  toProjectId,
  toUuid,
} from '@alcor/neutron-api';
import { IpPool } from '@alcor/netaddr';

/** Alcor's ip_version; 0 (a Java int never set) means "not given". */
const toIpVersion: Converter<4 | 6 | null> = (value, attribute) => {
  if (value === null) return null;
  const n = toInteger(value, attribute);
  if (n === 0) return null;
  if (n === 4 || n === 6) return n;
  throw invalidInput(`'${n}' is not in [4, 6].`);
};

const toPool: Converter<IpPool> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(`'${JSON.stringify(value)}' is not a valid allocation pool.`);
  const keys = Object.keys(value);
  const { start, end } = value as Record<string, unknown>;
  if (keys.some((k) => k !== 'start' && k !== 'end') || typeof start !== 'string' || typeof end !== 'string') {
    throw invalidInput(`Invalid data format for IP pool: '${JSON.stringify(value)}'.`);
  }
  return { start, end };
};

const ipText = nullable(boundedString(64));
const ignored = { allowPost: true, allowPut: false };

/** Alcor's IpAddrRequest (POST /ips, unwrapped; bulk as {"ip_requests": [...]}), plus port_id. */
export const ipRequestSpec: ResourceSpec = {
  collection: 'ip_requests',
  member: 'ip_request',
  notFoundType: 'IpAddressAllocationNotFound',
  notFoundLabel: 'IP address',
  attributes: {
    ip_version: { allowPost: true, allowPut: false, convert: toIpVersion },
    vpc_id: { allowPost: true, allowPut: false, convert: nullable(toUuid) },
    subnet_id: { allowPost: true, allowPut: false, convert: nullable(toUuid) },
    range_id: { allowPost: true, allowPut: false, convert: nullable(toUuid) },
    ip: { allowPost: true, allowPut: false, convert: ipText },
    /** Alcor's activated/deactivated; every allocation here is active. */
    state: { allowPost: true, allowPut: false, convert: nullable(boundedString(16)) },
    port_id: { allowPost: true, allowPut: false, convert: nullable(toUuid) },
  },
  visible: ['ip_version', 'vpc_id', 'subnet_id', 'range_id', 'ip', 'state', 'port_id'],
};

/** Alcor's IpAddrRangeRequest (POST /ips/range), plus the definition: cidr, gateway_ip, allocation_pools. */
export const ipRangeSpec: ResourceSpec = {
  collection: 'ip_ranges',
  member: 'ip_range',
  notFoundType: 'SubnetNotFound',
  notFoundLabel: 'Subnet',
  attributes: {
    id: { allowPost: true, allowPut: false, convert: nullable(toUuid) },
    vpc_id: { allowPost: true, allowPut: false, required: true, convert: toUuid },
    subnet_id: { allowPost: true, allowPut: false, required: true, convert: toUuid },
    project_id: { allowPost: true, allowPut: false, convert: toProjectId },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId },
    ip_version: { allowPost: true, allowPut: false, convert: toIpVersion },
    cidr: { allowPost: true, allowPut: false, convert: nullable(boundedString(64)) },
    gateway_ip: { allowPost: true, allowPut: false, convert: ipText },
    allocation_pools: { allowPost: true, allowPut: false, convert: nullable(listOf(toPool, 1000)) },
    first_ip: { allowPost: true, allowPut: false, convert: ipText },
    last_ip: { allowPost: true, allowPut: false, convert: ipText },
    // Alcor's subnet manager posts the whole object, counters included: accepted and ignored.
    used_ips: ignored,
    total_ips: ignored,
  },
  visible: ['id', 'vpc_id', 'subnet_id', 'ip_version', 'first_ip', 'last_ip', 'used_ips', 'total_ips', 'cidr', 'gateway_ip', 'allocation_pools'],
};

/**
 * The range an Alcor IP request names. Here a range is its subnet (range_id == subnet_id), so
 * either may be given; Alcor's VPC-wide allocation (vpc_id alone) is not offered.
 */
export function rangeIdOf(a: Attributes): string {
  const rangeId = a.range_id as string | null | undefined;
  const subnetId = a.subnet_id as string | null | undefined;
  if (rangeId && subnetId && rangeId !== subnetId) {
    throw badRequest(`range_id ${rangeId} and subnet_id ${subnetId} differ: a range is named by its subnet's id`);
  }
  const id = rangeId ?? subnetId;
  if (!id) throw badRequest('range_id (or subnet_id) is required: allocation by vpc_id alone is not supported');
  return id;
}
