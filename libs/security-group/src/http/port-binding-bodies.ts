import { badRequest, listOf, toInteger, toUuid } from '@alcor/neutron-api';
import { PortSecurityGroupsRequest } from '@alcor/contracts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const toIds = listOf(toUuid, 20);

function items(body: unknown, key: string): Record<string, unknown>[] {
  const list = isObject(body) ? body[key] : undefined;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isObject)) throw badRequest(`Body must be {"${key}": [...]}, a non-empty list of objects`);
  return list as Record<string, unknown>[];
}

/** Alcor's {"port_binding_security_groups": [{port_id, security_group_id}]}. */
export function parsePairs(body: unknown): { portId: string; securityGroupId: string }[] {
  return items(body, 'port_binding_security_groups').map((p) => ({ portId: toUuid(p.port_id, 'port_id'), securityGroupId: toUuid(p.security_group_id, 'security_group_id') }));
}

/** The port manager's {"ports": [{port_id, revision_number, security_groups?}]}; no security_groups: the default group. */
export function parsePortRequests(body: unknown): PortSecurityGroupsRequest[] {
  return items(body, 'ports').map((p) => ({
    portId: toUuid(p.port_id, 'port_id'),
    revisionNumber: p.revision_number === undefined ? 0 : toInteger(p.revision_number, 'revision_number'),
    securityGroupIds: p.security_groups === undefined ? undefined : toIds(p.security_groups, 'security_groups'),
    newPort: p.new_port === true,
  }));
}
