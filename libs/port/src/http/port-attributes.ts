import {
  boundedString,
  Converter,
  invalidInput,
  listOf,
  oneOf,
  readOnlyAttribute,
  ResourceSpec,
  toBoolean,
  toProjectId,
  toTag,
  toUuid,
} from '@alcor/neutron-api';
import { fixedIpsFilter } from './fixed-ips-filter';

export interface FixedIpRequest {
  subnet_id?: string;
  ip_address?: string;
}

export const VNIC_TYPES = ['normal', 'direct', 'macvtap', 'baremetal', 'direct-physical', 'virtio-forwarder', 'smart-nic', 'vdpa'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const toFixedIp: Converter<FixedIpRequest> = (value) => {
  if (!isObject(value) || Object.keys(value).some((k) => k !== 'subnet_id' && k !== 'ip_address') || Object.keys(value).length === 0) {
    throw invalidInput(`Invalid data format for fixed IP: '${JSON.stringify(value)}'.`);
  }
  const request: FixedIpRequest = {};
  if (value.subnet_id !== undefined) request.subnet_id = toUuid(value.subnet_id, 'subnet_id');
  if (value.ip_address !== undefined) {
    if (typeof value.ip_address !== 'string') throw invalidInput(`'${JSON.stringify(value.ip_address)}' is not a valid IP address.`);
    request.ip_address = value.ip_address;
  }
  return request;
};

const toAddressPair: Converter<{ ip_address: string; mac_address?: string }> = (value) => {
  if (!isObject(value) || typeof value.ip_address !== 'string' || (value.mac_address !== undefined && typeof value.mac_address !== 'string')) {
    throw invalidInput(`Invalid data format for allowed address pair: '${JSON.stringify(value)}'.`);
  }
  return { ip_address: value.ip_address, ...(value.mac_address !== undefined ? { mac_address: value.mac_address } : {}) };
};

const toDhcpOpt: Converter<{ opt_name: string; opt_value: string; ip_version: 4 | 6 }> = (value) => {
  if (!isObject(value) || typeof value.opt_name !== 'string' || typeof value.opt_value !== 'string') {
    throw invalidInput(`Invalid data format for extra DHCP option: '${JSON.stringify(value)}'.`);
  }
  const version = value.ip_version === undefined ? 4 : Number(value.ip_version);
  if (version !== 4 && version !== 6) throw invalidInput(`'${String(value.ip_version)}' is not a valid IP version.`);
  return { opt_name: value.opt_name, opt_value: value.opt_value, ip_version: version };
};

const toProfile: Converter<Record<string, unknown>> = (value) => {
  if (!isObject(value)) throw invalidInput(`'${JSON.stringify(value)}' is not a dictionary.`);
  if (JSON.stringify(value).length > 4096) throw invalidInput('binding:profile exceeds 4096 bytes.');
  return value;
};

const toMac: Converter<string> = (value) => {
  if (typeof value === 'string' && /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(value)) return value.toLowerCase().replace(/-/g, ':');
  throw invalidInput(`'${String(value)}' is not a valid MAC address.`);
};

const readOnly = readOnlyAttribute;

/** Neutron's port resource with the binding, port-security, address-pair and extra-DHCP extensions. */
export const portSpec: ResourceSpec = {
  collection: 'ports',
  member: 'port',
  notFoundType: 'PortNotFound',
  notFoundLabel: 'Port',
  attributes: {
    id: readOnly('id', 'uuid'),
    name: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'name', sortable: true },
    description: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'description', sortable: true },
    project_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    network_id: { allowPost: true, allowPut: false, required: true, convert: toUuid, column: 'network_id', filterType: 'uuid', sortable: true },
    admin_state_up: { allowPost: true, allowPut: true, default: true, convert: toBoolean, column: 'admin_state_up', filterType: 'boolean', sortable: true },
    mac_address: { allowPost: true, allowPut: false, convert: toMac, column: 'mac_address', sortable: true },
    fixed_ips: { allowPost: true, allowPut: true, convert: listOf(toFixedIp, 64), filter: fixedIpsFilter },
    device_id: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'device_id', sortable: true },
    device_owner: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'device_owner', sortable: true },
    status: readOnly('status'),
    port_security_enabled: { allowPost: true, allowPut: true, convert: toBoolean, column: 'port_security_enabled', filterType: 'boolean' },
    allowed_address_pairs: { allowPost: true, allowPut: true, default: () => [], convert: listOf(toAddressPair, 10) },
    extra_dhcp_opts: { allowPost: true, allowPut: true, default: () => [], convert: listOf(toDhcpOpt, 50) },
    security_groups: { allowPost: true, allowPut: true, convert: listOf(toUuid, 20) },
    'binding:host_id': { allowPost: true, allowPut: true, default: '', convert: boundedString(255), adminOnly: true, column: 'host_id', sortable: true },
    'binding:vnic_type': { allowPost: true, allowPut: true, default: 'normal', convert: oneOf(VNIC_TYPES), column: 'vnic_type' },
    'binding:profile': { allowPost: true, allowPut: true, default: () => ({}), convert: toProfile, adminOnly: true },
    'binding:vif_type': readOnly(),
    'binding:vif_details': readOnly(),
    tags: { allowPost: true, allowPut: false, default: () => [], convert: listOf(toTag, 50) },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};

/** Alcor's port API: the same body plus a caller-chosen id (Alcor generates one when absent). */
export const alcorPortSpec: ResourceSpec = {
  ...portSpec,
  attributes: { ...portSpec.attributes, id: { ...portSpec.attributes.id, allowPost: true, convert: toUuid } },
};
