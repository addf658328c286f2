import { ListQuery } from './list-query';

export interface Link {
  rel: 'next' | 'previous';
  href: string;
}

export interface Page<T> {
  items: T[];
  links: Link[];
}

/**
 * Cuts the `limit + 1` rows fetched into one page and builds Neutron's `<collection>_links`:
 * `next` when more rows follow, `previous` when the request had a marker.
 */
export function toPage<T extends { id: string }>(rows: T[], query: ListQuery, collectionUrl: string): Page<T> {
  const limit = query.limit;
  const hasMore = limit !== undefined && rows.length > limit;
  let items = hasMore ? rows.slice(0, limit) : rows;
  if (query.pageReverse) items = [...items].reverse();
  const links: Link[] = [];
  if (limit === undefined || items.length === 0) return { items, links };
  const forwardMore = query.pageReverse ? query.marker !== undefined : hasMore;
  const backwardMore = query.pageReverse ? hasMore : query.marker !== undefined;
  if (forwardMore) links.push({ rel: 'next', href: pageUrl(collectionUrl, query, limit, items[items.length - 1].id, false) });
  if (backwardMore) links.push({ rel: 'previous', href: pageUrl(collectionUrl, query, limit, items[0].id, true) });
  return { items, links };
}

function pageUrl(base: string, query: ListQuery, limit: number, marker: string, reverse: boolean): string {
  const params = new URLSearchParams(query.passthrough);
  params.set('limit', String(limit));
  params.set('marker', marker);
  if (reverse) params.set('page_reverse', 'True');
  return `${base}?${params.toString()}`;
}

/** `fields=` projection; unknown names are ignored, as Neutron does. */
export function projectFields<T extends object>(item: T, fields: string[] | undefined): Partial<T> {
  if (!fields) return item;
  const picked: Partial<T> = {};
  for (const field of fields) if (field in item) (picked as Record<string, unknown>)[field] = (item as Record<string, unknown>)[field];
  return picked;
}
