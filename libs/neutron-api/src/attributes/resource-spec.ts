import { Converter } from './converters';

export type FilterType = 'string' | 'uuid' | 'boolean' | 'integer' | 'enum';

/** A filter that is not `column IN (values)`, e.g. Neutron's `fixed_ips=ip_address=...` on ports. */
export interface CustomFilter {
  /** Turns the raw query values into SQL on the list's alias; throws Neutron errors on bad input. */
  toSql(alias: string, values: string[], paramPrefix: string): { sql: string; params: Record<string, unknown> };
}

/** One attribute of a Neutron resource, in the spirit of neutron_lib's RESOURCE_ATTRIBUTE_MAP. */
export interface AttributeSpec {
  allowPost: boolean;
  allowPut: boolean;
  /** Value given on POST when the caller leaves it out; a function is evaluated per request. */
  default?: unknown | (() => unknown);
  required?: boolean;
  convert?: Converter<unknown>;
  /** Only an admin may set it (e.g. provider attributes). */
  adminOnly?: boolean;
  /** Column used for `?attr=value` filters and `sort_key=attr`; absent: not filterable. */
  column?: string;
  filterType?: FilterType;
  filter?: CustomFilter;
  sortable?: boolean;
}

export interface ResourceSpec {
  /** `networks` */
  collection: string;
  /** `network` */
  member: string;
  /** Neutron's NotFound type for a missing member, e.g. `NetworkNotFound`. */
  notFoundType: string;
  notFoundLabel: string;
  attributes: Record<string, AttributeSpec>;
  /** Attributes every response shows (for `fields=` validation). */
  visible: readonly string[];
}
