import { UUID_PATTERN } from '@alcor/neutron-api';
import { badRouterRequest } from '../use-cases/router-dependencies';

export interface InterfaceRequest {
  subnetId?: string;
  portId?: string;
}

/** Neutron's _validate_interface_info: subnet_id or port_id (both only when removing). */
export function parseInterfaceRequest(body: unknown, forRemoval: boolean): InterfaceRequest {
  const info = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const request: InterfaceRequest = {};
  if (!('port_id' in info) && !('subnet_id' in info)) throw badRouterRequest('Either subnet_id or port_id must be specified');
  for (const [key, field] of [['port_id', 'portId'], ['subnet_id', 'subnetId']] as const) {
    if (!(key in info)) continue;
    const value = info[key];
    if (typeof value !== 'string' || !UUID_PATTERN.test(value)) throw badRouterRequest(`'${String(value)}' is not a valid UUID`);
    request[field] = value.toLowerCase();
  }
  if (!forRemoval && request.portId && request.subnetId) throw badRouterRequest('Cannot specify both subnet-id and port-id');
  return request;
}
