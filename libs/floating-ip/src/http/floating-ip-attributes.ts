import { boundedString, Converter, invalidInput, listOf, nullable, readOnlyAttribute, ResourceSpec, toProjectId, toTag, toUuid } from '@alcor/neutron-api';
import { parseIp } from '@alcor/netaddr';

const toIpAddress: Converter<string> = (value) => {
  if (typeof value === 'string' && parseIp(value)) return value;
  throw invalidInput(`'${String(value)}' is not a valid IP address.`);
};

const readOnly = readOnlyAttribute;

/**
 * Neutron's floatingip resource. floating_ip_address on create is admin-only (Neutron's policy);
 * subnet_id chooses the external subnet on create and is never shown.
 */
export const floatingIpSpec: ResourceSpec = {
  collection: 'floatingips',
  member: 'floatingip',
  notFoundType: 'FloatingIPNotFound',
  notFoundLabel: 'Floating IP',
  attributes: {
    id: readOnly('id', 'uuid'),
    description: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'description', sortable: true },
    project_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    floating_network_id: { allowPost: true, allowPut: false, required: true, convert: toUuid, column: 'floating_network_id', filterType: 'uuid', sortable: true },
    floating_ip_address: { allowPost: true, allowPut: false, convert: toIpAddress, adminOnly: true, column: 'floating_ip_address', sortable: true },
    subnet_id: { allowPost: true, allowPut: false, convert: toUuid },
    port_id: { allowPost: true, allowPut: true, convert: nullable(toUuid), column: 'port_id', filterType: 'uuid', sortable: true },
    fixed_ip_address: { allowPost: true, allowPut: true, convert: nullable(toIpAddress), column: 'fixed_ip_address', sortable: true },
    router_id: readOnly('router_id', 'uuid'),
    status: readOnly('status'),
    tags: { allowPost: true, allowPut: false, default: () => [], convert: listOf(toTag, 50) },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};
