import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ListQuery, SortKey } from './list-query';

/**
 * Turns a validated list request into SQL: filters (OR within a key, AND across keys), tag
 * filters on a `tags text[]` column, a stable order ending in id, and keyset paging after the
 * marker row (never OFFSET, so deep pages stay as fast as the first).
 */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  query: ListQuery,
  marker?: Record<string, unknown>,
): SelectQueryBuilder<T> {
  query.filters.forEach((filter, i) => {
    if (filter.custom) {
      qb.andWhere(filter.custom.sql.split('$alias').join(alias), filter.custom.params);
      return;
    }
    if (filter.values.length === 0) {
      qb.andWhere('1 = 0');
      return;
    }
    qb.andWhere(`${alias}.${filter.column} IN (:...f${i})`, { [`f${i}`]: filter.values });
  });
  const { all, any, notAll, notAny } = query.tags;
  if (all) qb.andWhere(`${alias}.tags @> :tagsAll::text[]`, { tagsAll: all });
  if (any) qb.andWhere(`${alias}.tags && :tagsAny::text[]`, { tagsAny: any });
  if (notAll) qb.andWhere(`NOT (${alias}.tags @> :tagsNotAll::text[])`, { tagsNotAll: notAll });
  if (notAny) qb.andWhere(`NOT (${alias}.tags && :tagsNotAny::text[])`, { tagsNotAny: notAny });

  const order = effectiveOrder(query);
  if (marker) {
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    order.forEach((key, i) => {
      const equalities = order.slice(0, i).map((prev, j) => `${alias}.${prev.column} = :m${j}`);
      const op = key.direction === 'asc' ? '>' : '<';
      clauses.push([...equalities, `${alias}.${key.column} ${op} :m${i}`].join(' AND '));
      params[`m${i}`] = marker[key.column];
    });
    qb.andWhere(`(${clauses.map((c) => `(${c})`).join(' OR ')})`, params);
  }
  order.forEach((key, i) => {
    const direction = key.direction === 'asc' ? 'ASC' : 'DESC';
    if (i === 0) qb.orderBy(`${alias}.${key.column}`, direction);
    else qb.addOrderBy(`${alias}.${key.column}`, direction);
  });
  if (query.limit !== undefined) qb.limit(query.limit + 1);
  return qb;
}

/** The caller's sort keys, then id as tie-breaker; reversed for `page_reverse`. */
export function effectiveOrder(query: ListQuery): SortKey[] {
  const keys = [...query.sort];
  if (!keys.some((k) => k.column === 'id')) keys.push({ attribute: 'id', column: 'id', direction: 'asc' });
  return query.pageReverse
    ? keys.map((k) => ({ ...k, direction: k.direction === 'asc' ? 'desc' : 'asc' }))
    : keys;
}
