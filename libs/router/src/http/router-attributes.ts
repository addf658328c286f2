import {
  boundedString,
  Converter,
  invalidInput,
  listOf,
  readOnlyAttribute,
  ResourceSpec,
  toBoolean,
  toProjectId,
  toStringList,
  toTag,
  toUuid,
} from '@alcor/neutron-api';
import { parseIp } from '@alcor/netaddr';
import { toRoutes } from '../domain/extra-routes';

export interface ExternalFixedIpRequest {
  subnet_id?: string;
  ip_address?: string;
}

/** external_gateway_info as asked for; null removes the gateway. */
export interface GatewayRequest {
  network_id: string;
  enable_snat?: boolean;
  external_fixed_ips?: ExternalFixedIpRequest[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const toExternalFixedIp: Converter<ExternalFixedIpRequest> = (value) => {
  if (!isObject(value) || Object.keys(value).length === 0 || Object.keys(value).some((k) => k !== 'subnet_id' && k !== 'ip_address')) {
    throw invalidInput(`Invalid data format for fixed IP: '${JSON.stringify(value)}'.`);
  }
  const ip: ExternalFixedIpRequest = {};
  if (value.subnet_id !== undefined) ip.subnet_id = toUuid(value.subnet_id, 'subnet_id');
  if (value.ip_address !== undefined) {
    if (typeof value.ip_address !== 'string' || !parseIp(value.ip_address)) throw invalidInput(`'${String(value.ip_address)}' is not a valid IP address.`);
    ip.ip_address = value.ip_address;
  }
  return ip;
};

/** neutron_lib's type:dict_or_nodata for external_gateway_info: {} or null clear the gateway. */
const toGatewayInfo: Converter<GatewayRequest | null> = (value) => {
  if (value === null || (isObject(value) && Object.keys(value).length === 0)) return null;
  if (!isObject(value)) throw invalidInput(`'${JSON.stringify(value)}' is not a dictionary.`);
  const unknown = Object.keys(value).filter((k) => !['network_id', 'enable_snat', 'external_fixed_ips'].includes(k));
  if (unknown.length > 0) throw invalidInput(`Unrecognized attribute(s) '${unknown.join(', ')}' in external_gateway_info.`);
  if (value.network_id === undefined) throw invalidInput("Failed to parse request. Required attribute 'network_id' not specified in external_gateway_info.");
  const info: GatewayRequest = { network_id: toUuid(value.network_id, 'network_id') };
  if (value.enable_snat !== undefined) info.enable_snat = toBoolean(value.enable_snat, 'enable_snat');
  if (value.external_fixed_ips !== undefined) info.external_fixed_ips = listOf(toExternalFixedIp, 16)(value.external_fixed_ips, 'external_fixed_ips');
  return info;
};

const readOnly = readOnlyAttribute;

/**
 * Neutron's router resource with the extraroute and ext-gw-mode extensions. `routes` cannot be
 * given on POST (Neutron's allow_post False); enable_snat and external_fixed_ips are admin-only
 * (checked in the use case, they are nested).
 */
export const routerSpec: ResourceSpec = {
  collection: 'routers',
  member: 'router',
  notFoundType: 'RouterNotFound',
  notFoundLabel: 'Router',
  attributes: {
    id: readOnly('id', 'uuid'),
    name: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'name', sortable: true },
    description: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'description', sortable: true },
    project_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    admin_state_up: { allowPost: true, allowPut: true, default: true, convert: toBoolean, column: 'admin_state_up', filterType: 'boolean', sortable: true },
    status: readOnly('status'),
    external_gateway_info: { allowPost: true, allowPut: true, default: null, convert: toGatewayInfo },
    routes: { allowPost: false, allowPut: true, convert: toRoutes },
    availability_zone_hints: { allowPost: true, allowPut: false, default: () => [], convert: toStringList },
    availability_zones: readOnly(),
    distributed: readOnly(),
    ha: readOnly(),
    flavor_id: readOnly(),
    tags: { allowPost: true, allowPut: false, default: () => [], convert: listOf(toTag, 50) },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};

/** Alcor's router API: the same body plus a caller-chosen id. */
export const alcorRouterSpec: ResourceSpec = {
  ...routerSpec,
  attributes: { ...routerSpec.attributes, id: { ...routerSpec.attributes.id, allowPost: true, convert: toUuid } },
};
