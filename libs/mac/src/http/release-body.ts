import { badRequest } from '@alcor/neutron-api';
import { normalizeMac } from '../domain/mac-address';
import { MacKey } from '../domain/mac-claim';
import { toScope } from './mac-state-attributes';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"releases": [{"network_id": "...", "mac_address": "..."}]}`, every item checked first. */
export function parseReleaseBody(body: unknown): MacKey[] {
  if (!isObject(body) || Object.keys(body).length !== 1 || !Array.isArray(body.releases)) {
    throw badRequest("Unable to find 'releases' in request body");
  }
  return body.releases.map((item) => {
    if (!isObject(item)) throw badRequest('Invalid format for release: expected an object');
    const unknown = Object.keys(item).filter((key) => key !== 'network_id' && key !== 'mac_address');
    if (unknown.length > 0) throw badRequest(`Unrecognized attribute(s) '${unknown.join(', ')}'`);
    return { scope: toScope(item.network_id ?? '', 'network_id'), macAddress: normalizeMac(item.mac_address) };
  });
}
