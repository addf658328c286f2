import { badRequest, forbidden } from '../errors/neutron-error';
import { RequestContext } from '../context/request-context';
import { AttributeSpec, ResourceSpec } from './resource-spec';

export type Attributes = Record<string, unknown>;

const PROJECT_KEYS = ['project_id', 'tenant_id'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a POST body: `{"network": {...}}` or, for bulk, `{"networks": [...]}`.
 * Every item is checked before anything is created, so one bad item fails the whole request.
 */
export function parseCreateBody(body: unknown, spec: ResourceSpec, ctx: RequestContext): Attributes[] {
  if (!isPlainObject(body)) throw badRequest('Body contains invalid data');
  const keys = Object.keys(body);
  if (keys.length === 1 && keys[0] === spec.collection) {
    const items = body[spec.collection];
    if (!Array.isArray(items) || items.length === 0) {
      throw badRequest(`Resources required: '${spec.collection}' must be a non-empty list`);
    }
    return items.map((item) => parseCreateItem(item, spec, ctx));
  }
  if (keys.length === 1 && keys[0] === spec.member) return [parseCreateItem(body[spec.member], spec, ctx)];
  throw badRequest(`Unable to find '${spec.member}' in request body`);
}

export function parseCreateItem(item: unknown, spec: ResourceSpec, ctx: RequestContext): Attributes {
  if (!isPlainObject(item)) throw badRequest(`Invalid format for ${spec.member}: expected an object`);
  rejectUnknown(item, spec);
  const result: Attributes = {};
  for (const [name, attribute] of Object.entries(spec.attributes)) {
    if (name in item) {
      if (!attribute.allowPost) throw badRequest(`Attribute '${name}' not allowed in POST`);
      if (attribute.adminOnly && !ctx.isAdmin) throw forbidden(`(rule:create_${spec.member}:${name}) is disallowed by policy`, 'PolicyNotAuthorized');
      result[name] = convert(name, attribute, item[name]);
    } else if (attribute.required) {
      throw badRequest(`Failed to parse request. Required attribute '${name}' not specified`);
    } else if (attribute.allowPost && attribute.default !== undefined) {
      result[name] = typeof attribute.default === 'function' ? (attribute.default as () => unknown)() : attribute.default;
    }
  }
  result.project_id = resolveProject(result, ctx);
  delete result.tenant_id;
  return result;
}

/** Reads a PUT body `{"network": {...}}`; read-only attributes are refused, not ignored. */
export function parseUpdateBody(body: unknown, spec: ResourceSpec, ctx: RequestContext): Attributes {
  if (!isPlainObject(body)) throw badRequest('Body contains invalid data');
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== spec.member) throw badRequest(`Unable to find '${spec.member}' in request body`);
  const item = body[spec.member];
  if (!isPlainObject(item)) throw badRequest(`Invalid format for ${spec.member}: expected an object`);
  rejectUnknown(item, spec);
  const result: Attributes = {};
  for (const [name, value] of Object.entries(item)) {
    const attribute = spec.attributes[name];
    if (!attribute.allowPut) throw badRequest(`Cannot update read-only attribute ${name}`);
    if (attribute.adminOnly && !ctx.isAdmin) throw forbidden(`(rule:update_${spec.member}:${name}) is disallowed by policy`, 'PolicyNotAuthorized');
    result[name] = convert(name, attribute, value);
  }
  return result;
}

function rejectUnknown(item: Record<string, unknown>, spec: ResourceSpec): void {
  const unknown = Object.keys(item).filter((key) => !(key in spec.attributes));
  if (unknown.length > 0) throw badRequest(`Unrecognized attribute(s) '${unknown.join(', ')}'`);
}

function convert(name: string, attribute: AttributeSpec, value: unknown): unknown {
  return attribute.convert ? attribute.convert(value, name) : value;
}

/** project_id and tenant_id are synonyms; only an admin may name a project other than its own. */
function resolveProject(converted: Attributes, ctx: RequestContext): string {
  const given = PROJECT_KEYS.map((key) => converted[key]).filter((v): v is string => typeof v === 'string');
  if (given.length === 2 && given[0] !== given[1]) throw badRequest("'project_id' and 'tenant_id' do not match");
  const project = given[0] ?? ctx.projectId;
  if (project !== ctx.projectId && (!ctx.isAdmin || ctx.projectScoped)) {
    throw badRequest("Specifying 'project_id' or 'tenant_id' other than the authenticated project in request requires admin privileges");
  }
  return project;
}
