import { ResourceSpec } from './resource-spec';

/** A loose OpenAPI schema of a resource body, derived from its spec (documentation only). */
export function requestBodySchema(spec: ResourceSpec, mode: 'create' | 'update'): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(spec.attributes)) {
    if (mode === 'create' ? attribute.allowPost : attribute.allowPut) properties[name] = schemaOf(attribute.filterType);
  }
  const member = { type: 'object', additionalProperties: false, properties };
  const body: Record<string, unknown> = { type: 'object', properties: { [spec.member]: member } };
  if (mode === 'create') body.properties = { ...(body.properties as object), [spec.collection]: { type: 'array', items: member } };
  return body;
}

function schemaOf(type: string | undefined): Record<string, unknown> {
  switch (type) {
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    default:
      return {};
  }
}
