import { Converter } from './converters';

export type FilterType = 'string' | 'uuid' | 'boolean' | 'integer' | 'enum';

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
