import type { FastifyRequest } from 'fastify';
import { ListQuery } from '../query/list-query';
import { projectFields, toPage } from '../query/page';
import { requestBaseUrl } from './request-url';

/**
 * Neutron's list body: `{<collection>: [...]}` with `fields=` applied, plus `<collection>_links`
 * when the caller paged with `limit` (rows hold limit + 1 items, see applyListQuery).
 * `urlCollection` is the path segment of the page links when it differs from the JSON key
 * (/v2.0/security-groups answers {"security_groups": [...]}).
 */
export function listResponse<E extends { id: string }, V extends object>(
  collection: string,
  rows: E[],
  query: ListQuery,
  req: FastifyRequest,
  toView: (entity: E) => V,
  urlCollection = collection,
): Record<string, unknown> {
  const page = toPage(rows, query, `${requestBaseUrl(req)}/v2.0/${urlCollection}`);
  const items = page.items.map((e) => projectFields(toView(e), query.fields));
  return query.limit !== undefined ? { [collection]: items, [`${collection}_links`]: page.links } : { [collection]: items };
}
