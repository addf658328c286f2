import { Attributes, badRequest, parseCreateBody, RequestContext } from '@alcor/neutron-api';
import { nodeSpec } from './node-attributes';

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && !Array.isArray(body);

/** POST /nodes: exactly one {"host_info": {...}}. */
export function parseSingleNodeBody(body: unknown, ctx: RequestContext): Attributes {
  if (isObject(body) && nodeSpec.collection in body) throw badRequest('Use /nodes/bulk to register several nodes');
  return parseCreateBody(body, nodeSpec, ctx)[0];
}

/** POST /nodes/bulk and the uploaded machine file: {"host_infos": [...]}, every item checked first. */
export function parseBulkNodeBody(body: unknown, ctx: RequestContext): Attributes[] {
  if (!isObject(body) || !(nodeSpec.collection in body)) throw badRequest(`Unable to find '${nodeSpec.collection}' in request body`);
  return parseCreateBody(body, nodeSpec, ctx);
}
