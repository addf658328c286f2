import {
  boundedString,
  Converter,
  invalidInput,
  listOf,
  nullable,
  oneOf,
  readOnlyAttribute,
  ResourceSpec,
  toBoolean,
  toProjectId,
  toTag,
  toUuid,
} from '@alcor/neutron-api';
import { AllocationPool, HostRoute } from '@alcor/contracts';
import { IPV6_MODES } from '../domain/subnet-plan';

const toIpVersion: Converter<4 | 6> = (value) => {
  const n = typeof value === 'string' ? Number(value) : value;
  if (n === 4 || n === 6) return n;
  throw invalidInput(`${JSON.stringify(value)} is not in [4, 6].`);
};

const toPool: Converter<AllocationPool> = (value) => {
  const pool = value as AllocationPool | null;
  if (typeof pool !== 'object' || pool === null || typeof pool.start !== 'string' || typeof pool.end !== 'string' || Object.keys(pool).length !== 2) {
    throw invalidInput(`Invalid data format for IP pool: '${JSON.stringify(value)}'.`);
  }
  return { start: pool.start, end: pool.end };
};

const toHostRoute: Converter<HostRoute> = (value) => {
  const route = value as HostRoute | null;
  if (typeof route !== 'object' || route === null || typeof route.destination !== 'string' || typeof route.nexthop !== 'string') {
    throw invalidInput(`Invalid data format for hostroute: '${JSON.stringify(value)}'.`);
  }
  return { destination: route.destination, nexthop: route.nexthop };
};

const toNullOnly: Converter<null> = (value, attribute) => {
  if (value === null) return null;
  throw invalidInput(`${attribute} is not supported: subnet pools and segments are not implemented.`);
};

const toGateway: Converter<string | null> = (value) => {
  if (value === null || typeof value === 'string') return value;
  throw invalidInput(`'${JSON.stringify(value)}' is not a valid IP address.`);
};

const readOnly = readOnlyAttribute;

/** Neutron's subnet resource, as served on /v2.0/subnets. */
export const subnetSpec: ResourceSpec = {
  collection: 'subnets',
  member: 'subnet',
  notFoundType: 'SubnetNotFound',
  notFoundLabel: 'Subnet',
  attributes: {
    id: readOnly('id', 'uuid'),
    name: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'name', sortable: true },
    description: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'description', sortable: true },
    project_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    network_id: { allowPost: true, allowPut: false, required: true, convert: toUuid, column: 'network_id', filterType: 'uuid', sortable: true },
    ip_version: { allowPost: true, allowPut: false, required: true, convert: toIpVersion, column: 'ip_version', filterType: 'integer', sortable: true },
    cidr: { allowPost: true, allowPut: false, required: true, convert: boundedString(64), column: 'cidr', sortable: true },
    gateway_ip: { allowPost: true, allowPut: true, convert: toGateway, column: 'gateway_ip' },
    allocation_pools: { allowPost: true, allowPut: true, convert: listOf(toPool, 100) },
    enable_dhcp: { allowPost: true, allowPut: true, default: true, convert: toBoolean, column: 'enable_dhcp', filterType: 'boolean', sortable: true },
    dns_nameservers: { allowPost: true, allowPut: true, default: () => [], convert: listOf(boundedString(64), 100) },
    host_routes: { allowPost: true, allowPut: true, default: () => [], convert: listOf(toHostRoute, 100) },
    ipv6_ra_mode: { allowPost: true, allowPut: false, default: null, convert: nullable(oneOf(IPV6_MODES)), column: 'ipv6_ra_mode' },
    ipv6_address_mode: { allowPost: true, allowPut: false, default: null, convert: nullable(oneOf(IPV6_MODES)), column: 'ipv6_address_mode' },
    subnetpool_id: { allowPost: true, allowPut: false, default: null, convert: toNullOnly },
    segment_id: { allowPost: true, allowPut: false, default: null, convert: toNullOnly },
    service_types: { allowPost: true, allowPut: true, default: () => [], convert: listOf(boundedString(255), 20) },
    tags: { allowPost: true, allowPut: false, default: () => [], convert: listOf(toTag, 50) },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};

/** Alcor's subnet API takes the same body plus a caller-chosen id. */
export const alcorSubnetSpec: ResourceSpec = {
  ...subnetSpec,
  attributes: { ...subnetSpec.attributes, id: { ...subnetSpec.attributes.id, allowPost: true, convert: toUuid } },
};
