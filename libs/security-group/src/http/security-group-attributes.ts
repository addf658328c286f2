import {
  boundedString,
  conflict,
  Converter,
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
import { toEthertype, toIpPrefix, toPortValue, toProtocol } from './rule-converters';

const readOnly = readOnlyAttribute;

/** Neutron's type:name_not_default: only the manager itself names a group "default". */
const toNameNotDefault: Converter<string> = (value, attribute) => {
  const name = boundedString(255)(value, attribute);
  if (name.toLowerCase() === 'default') throw conflict('SecurityGroupDefaultAlreadyExists', 'Default security group already exists.');
  return name;
};

/** Neutron's security group (security-group, stateful-security-group, standard attributes). */
export const securityGroupSpec: ResourceSpec = {
  collection: 'security_groups',
  member: 'security_group',
  notFoundType: 'SecurityGroupNotFound',
  notFoundLabel: 'Security group',
  attributes: {
    id: readOnly('id', 'uuid'),
    name: { allowPost: true, allowPut: true, default: '', convert: toNameNotDefault, column: 'name', sortable: true },
    description: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'description', sortable: true },
    project_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    stateful: { allowPost: true, allowPut: true, default: true, convert: toBoolean, column: 'stateful', filterType: 'boolean', sortable: true },
    security_group_rules: readOnly(),
    tags: { allowPost: true, allowPut: false, default: () => [], convert: listOf(toTag, 50) },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};

/** Alcor's API takes a caller-chosen id too. */
export const alcorSecurityGroupSpec: ResourceSpec = {
  ...securityGroupSpec,
  attributes: { ...securityGroupSpec.attributes, id: { ...securityGroupSpec.attributes.id, allowPost: true, convert: toUuid } },
};

/** Neutron's security group rule; there is no update. */
export const securityGroupRuleSpec: ResourceSpec = {
  collection: 'security_group_rules',
  member: 'security_group_rule',
  notFoundType: 'SecurityGroupRuleNotFound',
  notFoundLabel: 'Security group rule',
  attributes: {
    id: readOnly('id', 'uuid'),
    project_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    tenant_id: { allowPost: true, allowPut: false, convert: toProjectId, column: 'project_id', sortable: true },
    security_group_id: { allowPost: true, allowPut: false, required: true, convert: toUuid, column: 'security_group_id', filterType: 'uuid', sortable: true },
    remote_group_id: { allowPost: true, allowPut: false, default: null, convert: nullable(toUuid), column: 'remote_group_id', filterType: 'uuid', sortable: true },
    direction: { allowPost: true, allowPut: false, required: true, convert: oneOf(['ingress', 'egress'] as const), column: 'direction', sortable: true },
    protocol: { allowPost: true, allowPut: false, default: null, convert: toProtocol, column: 'protocol', sortable: true },
    port_range_min: { allowPost: true, allowPut: false, default: null, convert: toPortValue, column: 'port_range_min', filterType: 'integer', sortable: true },
    port_range_max: { allowPost: true, allowPut: false, default: null, convert: toPortValue, column: 'port_range_max', filterType: 'integer', sortable: true },
    ethertype: { allowPost: true, allowPut: false, default: 'IPv4', convert: toEthertype, column: 'ethertype', sortable: true },
    remote_ip_prefix: { allowPost: true, allowPut: false, default: null, convert: toIpPrefix, column: 'remote_ip_prefix', sortable: true },
    normalized_cidr: readOnly(),
    description: { allowPost: true, allowPut: false, default: '', convert: boundedString(255), column: 'description', sortable: true },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};

export const alcorSecurityGroupRuleSpec: ResourceSpec = {
  ...securityGroupRuleSpec,
  attributes: { ...securityGroupRuleSpec.attributes, id: { ...securityGroupRuleSpec.attributes.id, allowPost: true, convert: toUuid } },
};
