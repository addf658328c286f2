import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 65535;

interface InsertPlan {
  head: string;
  columns: ColumnMetadata[];
}

const plans = new WeakMap<EntityMetadata, InsertPlan>();

/**
 * Multi-row INSERT of entity-shaped objects without TypeORM's query builder: the column list and
 * value conversion come from the entity's metadata (the driver's own `preparePersistentValue`, so
 * jsonb, arrays and dates are bound exactly as `tx.insert` binds them), the statement text is
 * built once per shape. On a port create the builder cost more CPU than the statements
 * themselves. Callers set every key themselves, or name the generated columns to read back in
 * `returning` (database column names; rows come back as the database returns them). An absent
 * value takes the column's DEFAULT.
 */
export async function insertRows<T extends ObjectLiteral>(
  tx: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
  returning: string[] = [],
): Promise<Record<string, unknown>[]> {
  const returned: Record<string, unknown>[] = [];
  if (rows.length === 0) return returned;
  const metadata = tx.connection.getMetadata(target);
  const plan = plans.get(metadata) ?? planInsert(tx, metadata);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / plan.columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const cells = plan.columns.map((column) => {
        const value = column.getEntityValue(row);
        if (value === undefined) return 'DEFAULT';
        params.push(tx.connection.driver.preparePersistentValue(value, column));
        return `$${params.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    const tail = returning.length > 0 ? ` RETURNING ${returning.map((name) => tx.connection.driver.escape(name)).join(', ')}` : '';
    const result: unknown = await tx.query(plan.head + tuples.join(', ') + tail, params);
    if (tail) returned.push(...(result as Record<string, unknown>[]));
  }
  return returned;
}

/** The statement head and the table's own columns (a relation's join column counts when the entity declares it). */
function planInsert(tx: EntityManager, metadata: EntityMetadata): InsertPlan {
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const escape = (name: string) => tx.connection.driver.escape(name);
  const plan = { head: `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES `, columns };
  plans.set(metadata, plan);
  return plan;
}
