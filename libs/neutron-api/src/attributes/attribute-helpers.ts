import { Attributes } from './request-body';
import { AttributeSpec, FilterType } from './resource-spec';

/** A server-set attribute (status, timestamps...): never in a body, filterable when it has a column. */
export function readOnlyAttribute(column?: string, filterType?: FilterType): AttributeSpec {
  return { allowPost: false, allowPut: false, column, filterType, sortable: column !== undefined };
}

/** The changes a PUT body asks for, renamed from API attributes to the resource's fields. */
export function pickChanges<T>(attributes: Attributes, names: readonly (readonly [string, keyof T])[]): Partial<T> {
  const changes: Partial<T> = {};
  for (const [api, field] of names) if (api in attributes) changes[field] = attributes[api] as T[keyof T];
  return changes;
}
