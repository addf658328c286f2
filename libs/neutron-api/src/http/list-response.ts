import type { FastifyRequest } from 'fastify';
import { ListQuery } from '../query/list-query';
import { projectFields, toPage } from '../query/page';
import { requestBaseUrl } from './request-url';

/**
 * Neutron's list body: `{<collection>: [...]}` with `fields=` applied, plus `<collection>_links`
 * when the caller paged with `limit` (rows hold limit + 1 items, see applyListQuery).
 */
export function listResponse<E extends { id: string }, V extends object>(
  collection: string,
  rows: E[],
  query: ListQuery,
  req: FastifyRequest,
  toView: (entity: E) => V,
): Record<string, unknown> {
  const page = toPage(rows, query, `${requestBaseUrl(req)}/v2.0/${collection}`);
  const items = page.items.map((e) => projectFields(toView(e), query.fields));
  return query.limit !== undefined ? { [collection]: items, [`${collection}_links`]: page.links } : { [collection]: items };
}
