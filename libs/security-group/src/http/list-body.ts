import type { FastifyRequest } from 'fastify';
import { ListQuery, projectFields, requestBaseUrl, toPage } from '@alcor/neutron-api';

/**
 * Neutron's list body for collections whose URL and JSON key differ (/v2.0/security-groups
 * answers {"security_groups": [...], "security_groups_links": [...]}).
 */
export function listBody<E extends { id: string }, V extends object>(
  urlCollection: string,
  key: string,
  rows: E[],
  query: ListQuery,
  req: FastifyRequest,
  toView: (row: E) => V,
): Record<string, unknown> {
  const page = toPage(rows, query, `${requestBaseUrl(req)}/v2.0/${urlCollection}`);
  const items = page.items.map((row) => projectFields(toView(row), query.fields));
  return query.limit !== undefined ? { [key]: items, [`${key}_links`]: page.links } : { [key]: items };
}
