import ipaddr from 'ipaddr.js';
import {
  boundedString,
  Converter,
  integerInRange,
  invalidInput,
  listOf,
  nullable,
  readOnlyAttribute,
  ResourceSpec,
  toBoolean,
  toInteger,
  toProjectId,
  toStringList,
  toTag,
  toUuid,
} from '@alcor/neutron-api';

const toCidr: Converter<string> = (value) => {
  if (typeof value === 'string' && ipaddr.isValidCIDR(value)) return value;
  throw invalidInput(`'${String(value)}' is not a valid IP subnet.`);
};

const readOnly = readOnlyAttribute;

/** Neutron's network resource (plus the standard attributes), as served on /v2.0/networks. */
export const neutronNetworkSpec: ResourceSpec = {
  collection: 'networks',
  member: 'network',
  notFoundType: 'NetworkNotFound',
  notFoundLabel: 'Network',
  attributes: {
    id: readOnly('id', 'uuid'),
    name: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'name', sortable: true },
    description: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'description', sortable: true },
    project_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    admin_state_up: { allowPost: true, allowPut: true, default: true, convert: toBoolean, column: 'admin_state_up', filterType: 'boolean', sortable: true },
    status: readOnly('status'),
    subnets: readOnly(),
    shared: { allowPost: true, allowPut: true, default: false, convert: toBoolean, adminOnly: true, column: 'shared', filterType: 'boolean', sortable: true },
    'router:external': { allowPost: true, allowPut: true, default: false, convert: toBoolean, adminOnly: true, column: 'router_external', filterType: 'boolean', sortable: true },
    mtu: { allowPost: true, allowPut: true, convert: toInteger, column: 'mtu', filterType: 'integer', sortable: true },
    port_security_enabled: { allowPost: true, allowPut: true, default: true, convert: toBoolean, column: 'port_security_enabled', filterType: 'boolean', sortable: true },
    'provider:network_type': { allowPost: true, allowPut: false, convert: nullable(boundedString(32)), adminOnly: true, column: 'network_type', sortable: true },
    'provider:physical_network': { allowPost: true, allowPut: false, convert: nullable(boundedString(64)), adminOnly: true, column: 'physical_network' },
    'provider:segmentation_id': { allowPost: true, allowPut: false, convert: nullable(integerInRange(0, 16_777_215)), adminOnly: true, column: 'segmentation_id', filterType: 'integer' },
    availability_zone_hints: { allowPost: true, allowPut: false, default: () => [], convert: toStringList },
    availability_zones: readOnly(),
    l2_adjacency: readOnly(),
    tags: { allowPost: true, allowPut: false, default: () => [], convert: listOf(toTag, 50) },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};

/** Alcor's VPC API takes the same body, plus a caller-chosen id and the VPC's CIDR. */
export const alcorVpcSpec: ResourceSpec = {
  ...neutronNetworkSpec,
  attributes: {
    ...neutronNetworkSpec.attributes,
    id: { ...neutronNetworkSpec.attributes.id, allowPost: true, convert: toUuid },
    cidr: { allowPost: true, allowPut: true, convert: nullable(toCidr), column: 'cidr', sortable: true },
  },
};
