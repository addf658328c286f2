import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 65535;

interface InsertPlan {
  head: string;
  columns: ColumnMetadata[];
}

/** Rows of one entity to insert. */
export interface RowsOf<T extends ObjectLiteral = ObjectLiteral> {
  target: EntityTarget<T>;
  rows: Partial<T>[];
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
  const plan = planOf(tx, target);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / plan.columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const sql = insertSql(tx, plan, rows.slice(start, start + perStatement), params) + returningSql(tx, returning);
    const result: unknown = await tx.query(sql, params);
    if (returning.length > 0) returned.push(...(result as Record<string, unknown>[]));
  }
  return returned;
}

/**
 * Several entities' rows in one statement (data-modifying CTEs, then the last insert), so one
 * round trip instead of one per table; `returning` reads back from the last one. Foreign keys
 * between them hold: PostgreSQL checks them when the whole statement ends. Past the parameter
 * limit the inserts run one after another.
 */
export async function insertTogether(tx: EntityManager, parts: RowsOf[], returning: string[] = []): Promise<Record<string, unknown>[]> {
  const present = parts.filter((part) => part.rows.length > 0);
  if (present.length === 0) return [];
  const planned = present.map((part) => ({ plan: planOf(tx, part.target), rows: part.rows }));
  const parameters = planned.reduce((n, p) => n + p.plan.columns.length * p.rows.length, 0);
  if (present.length === 1 || parameters > MAX_PARAMETERS) {
    for (const part of present.slice(0, -1)) await insertRows(tx, part.target, part.rows);
    const last = present[present.length - 1];
    return insertRows(tx, last.target, last.rows, returning);
  }
  const params: unknown[] = [];
  const statements = planned.map((p) => insertSql(tx, p.plan, p.rows, params));
  const sql = `WITH ${statements.slice(0, -1).map((s, i) => `w${i} AS (${s})`).join(', ')} ${statements[statements.length - 1]}${returningSql(tx, returning)}`;
  const result: unknown = await tx.query(sql, params);
  return returning.length > 0 ? (result as Record<string, unknown>[]) : [];
}

function insertSql(tx: EntityManager, plan: InsertPlan, rows: ObjectLiteral[], params: unknown[]): string {
  const tuples = rows.map((row) => {
    const cells = plan.columns.map((column) => {
      const value = column.getEntityValue(row);
      if (value === undefined) return 'DEFAULT';
      params.push(tx.connection.driver.preparePersistentValue(value, column));
      return `$${params.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  return plan.head + tuples.join(', ');
}

function returningSql(tx: EntityManager, returning: string[]): string {
  return returning.length > 0 ? ` RETURNING ${returning.map((name) => tx.connection.driver.escape(name)).join(', ')}` : '';
}

/** The statement head and the table's own columns (a relation's join column counts when the entity declares it). */
function planOf(tx: EntityManager, target: EntityTarget<ObjectLiteral>): InsertPlan {
  const metadata = tx.connection.getMetadata(target);
  const known = plans.get(metadata);
  if (known) return known;
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const escape = (name: string) => tx.connection.driver.escape(name);
  const plan = { head: `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES `, columns };
  plans.set(metadata, plan);
  return plan;
}
