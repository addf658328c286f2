import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** An entity's values keyed by column name: what keyset paging compares the marker row on. */
export function columnValues<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, entity: T): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of em.connection.getMetadata(target).columns) {
    values[column.databaseName] = column.getEntityValue(entity);
  }
  return values;
}
