import { badRequest } from '../errors/neutron-error';
import { toBoolean, toInteger } from '../attributes/converters';
import { ResourceSpec } from '../attributes/resource-spec';

export type RawQuery = Record<string, string | string[] | undefined>;

export interface SortKey {
  attribute: string;
  column: string;
  direction: 'asc' | 'desc';
}

export interface AttributeFilter {
  attribute: string;
  column: string;
  values: unknown[];
  /** SQL from the attribute's custom filter, when it has one. */
  custom?: { sql: string; params: Record<string, unknown> };
}

export interface TagFilters {
  all?: string[];
  any?: string[];
  notAll?: string[];
  notAny?: string[];
}

/** A Neutron list request, validated: filters, tag filters, fields, sorting and paging. */
export interface ListQuery {
  filters: AttributeFilter[];
  tags: TagFilters;
  fields?: string[];
  sort: SortKey[];
  limit?: number;
  marker?: string;
  pageReverse: boolean;
  /** Query parameters to carry into `*_links` (everything but paging). */
  passthrough: [string, string][];
}

const NO_MATCH = Symbol('no-match');
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PAGING_KEYS = new Set(['limit', 'marker', 'page_reverse']);
const RESERVED_KEYS = new Set(['fields', 'sort_key', 'sort_dir', 'tags', 'tags-any', 'not-tags', 'not-tags-any', ...PAGING_KEYS]);

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function parseListQuery(query: RawQuery, spec: ResourceSpec): ListQuery {
  const invalid = Object.keys(query).filter((key) => !RESERVED_KEYS.has(key) && !spec.attributes[key]?.column && !spec.attributes[key]?.filter);
  if (invalid.length > 0) {
    throw badRequest(`[${invalid.map((k) => `'${k}'`).join(', ')}] is invalid attribute for filtering`);
  }
  const filters: AttributeFilter[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (RESERVED_KEYS.has(key)) continue;
    const attribute = spec.attributes[key];
    if (attribute.filter) {
      filters.push({ attribute: key, column: '', values: [], custom: attribute.filter.toSql('$alias', asList(raw), `c${filters.length}`) });
      continue;
    }
    const values = asList(raw)
      .map((value) => convertFilterValue(value, key, attribute.filterType))
      .filter((value) => value !== NO_MATCH);
    filters.push({ attribute: key, column: attribute.column as string, values });
  }
  const passthrough: [string, string][] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (!PAGING_KEYS.has(key)) for (const value of asList(raw)) passthrough.push([key, value]);
  }
  return {
    filters,
    tags: parseTagFilters(query),
    fields: parseFields(query.fields),
    sort: parseSort(query, spec),
    limit: parseLimit(query.limit),
    marker: asList(query.marker)[0],
    pageReverse: query.page_reverse === undefined ? false : toBoolean(asList(query.page_reverse)[0], 'page_reverse'),
    passthrough,
  };
}

function convertFilterValue(value: string, attribute: string, type: string | undefined): unknown {
  switch (type) {
    case 'boolean':
      return toBoolean(value, attribute);
    case 'integer':
      return toInteger(value, attribute);
    case 'uuid':
      // A malformed id can match nothing; answering an empty list is what Neutron does.
      return UUID_PATTERN.test(value) ? value.toLowerCase() : NO_MATCH;
    default:
      return value;
  }
}

function parseFields(raw: string | string[] | undefined): string[] | undefined {
  const fields = asList(raw).flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  return fields.length > 0 ? [...new Set(fields)] : undefined;
}

function parseLimit(raw: string | string[] | undefined): number | undefined {
  const value = asList(raw)[0];
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw badRequest(`Bad limit request: Limit must be an integer 0 or greater and not '${value}'.`, 'BadRequest');
  }
  const limit = Number(value);
  return limit === 0 ? undefined : limit;
}

function parseSort(query: RawQuery, spec: ResourceSpec): SortKey[] {
  const keys = asList(query.sort_key);
  const dirs = asList(query.sort_dir);
  if (keys.length === 0 && dirs.length === 0) return [];
  if (keys.length !== dirs.length) throw badRequest('The number of sort_keys and sort_dirs must be same');
  return keys.map((key, i) => {
    const attribute = spec.attributes[key];
    if (!attribute?.sortable || !attribute.column) throw badRequest(`${key} is an invalid attribute for sort_key`);
    const direction = dirs[i].toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') throw badRequest(`${dirs[i]} is an invalid value for sort_dir`);
    return { attribute: key, column: attribute.column, direction };
  });
}

function parseTagFilters(query: RawQuery): TagFilters {
  const split = (key: string) => {
    const tags = asList(query[key]).flatMap((v) => v.split(',')).filter(Boolean);
    return tags.length > 0 ? tags : undefined;
  };
  return { all: split('tags'), any: split('tags-any'), notAll: split('not-tags'), notAny: split('not-tags-any') };
}
