import { QUOTA_RESOURCES, QuotaResource } from '@alcor/contracts';
import { badRequest, integerInRange, toBoolean } from '@alcor/neutron-api';
import { QuotaLimits } from '../domain/quota-defaults';
import { ResourceDelta } from '../domain/quota-apply.entity';

const DB_INTEGER_MAX = 2147483647;
const toLimit = integerInRange(-1, DB_INTEGER_MAX);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isResource = (key: string): key is QuotaResource => (QUOTA_RESOURCES as readonly string[]).includes(key);

export interface QuotaUpdate {
  limits: Partial<QuotaLimits>;
  checkLimit: boolean;
}

/** PUT /quotas/{project}: `{"quota": {"port": 20, ...}}`, with Neutron's `check_limit` and `force` flags. */
export function parseQuotaUpdate(body: unknown): QuotaUpdate {
  if (!isObject(body) || !isObject(body.quota)) throw badRequest("Unable to find 'quota' in request body");
  const { check_limit, force, ...rest } = body.quota;
  const unknown = Object.keys(rest).filter((key) => !isResource(key));
  if (unknown.length > 0) throw badRequest(`Unrecognized attribute(s) '${unknown.join(', ')}'`);
  const limits: Partial<QuotaLimits> = {};
  for (const [key, value] of Object.entries(rest)) limits[key as QuotaResource] = toLimit(value, key);
  const checkLimit = check_limit !== undefined && check_limit !== null && toBoolean(check_limit, 'check_limit');
  if (force !== undefined && force !== null) toBoolean(force, 'force');
  return { limits, checkLimit };
}

export interface QuotaApplyRequest {
  applyId: string;
  deltas: ResourceDelta[];
}

/** Alcor's ApplyInfo: `{applyId, projectId, resourceDeltas: [{resource, amount}]}`. */
export function parseQuotaApply(body: unknown): QuotaApplyRequest {
  if (!isObject(body) || typeof body.applyId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(body.applyId)) {
    throw badRequest('applyId is required (1-64 letters, digits, - or _)');
  }
  if (!Array.isArray(body.resourceDeltas)) throw badRequest('resourceDeltas must be a list');
  const deltas = body.resourceDeltas.map((d: unknown) => {
    if (!isObject(d) || typeof d.resource !== 'string' || !isResource(d.resource)) throw badRequest(`Unknown quota resource in ${JSON.stringify(d)}`);
    if (typeof d.amount !== 'number' || !Number.isInteger(d.amount)) throw badRequest(`amount must be an integer in ${JSON.stringify(d)}`);
    return { resource: d.resource, amount: d.amount };
  });
  return { applyId: body.applyId, deltas };
}
