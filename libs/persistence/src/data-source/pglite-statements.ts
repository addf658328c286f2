import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';

const { serialize } = protocol;
const { parseDescribeStatementResults, parseResults } = parse;

/** Statements kept prepared at once; the least recently used one is closed past this. */
const DEFAULT_LIMIT = 500;
/** A statement with more parameters is a one-off bulk insert: not worth keeping prepared. */
const MAX_PREPARED_PARAMS = 1000;

interface Prepared {
  name: string;
  paramTypes: number[];
}

const installed = new WeakSet<PGlite>();

/**
 * Prepared statements for PGlite's parameterized queries. PGlite's `query()` parses, plans and
 * describes every statement again, in six protocol calls into WebAssembly; that was most of a
 * statement's cost (a 25-column SELECT with a join: 0.64 ms, of which 0.28 ms is its execution
 * as a prepared statement). The first run of a SQL text prepares it under a name (Parse and
 * Describe in one call); later runs send Bind, Describe, Execute and Sync in one call. Values are
 * serialized with the instance's own serializers for the described parameter types, and results
 * parsed with its parsers, so rows look exactly as `query()` returns them. Queries with options,
 * without parameters, or with more than MAX_PREPARED_PARAMS (bulk inserts) go through PGlite as before.
 */
export function usePreparedStatements(db: PGlite, limit = DEFAULT_LIMIT): void {
  if (installed.has(db)) return;
  installed.add(db);
  const plain = db.query.bind(db);
  const statements = new Map<string, Prepared>();
  let serial = 0;

  const run = async (sql: string, params: unknown[]): Promise<Results> => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql); // most recently used last
      statements.set(sql, statement);
    } else {
      const name = `alcor_s${++serial}`;
      const messages: Uint8Array[] = [];
      if (statements.size >= limit) {
        const [oldest, evicted] = statements.entries().next().value as [string, Prepared];
        statements.delete(oldest);
        messages.push(serialize.close({ type: 'S', name: evicted.name }));
      }
      messages.push(serialize.parse({ name, text: sql, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync());
      const described = await db.execProtocol(concat(messages), { syncToFs: false });
      statement = { name, paramTypes: parseDescribeStatementResults(described.messages) };
      statements.set(sql, statement);
    }
    const types = statement.paramTypes;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = db.serializers[types[i]];
      return serializer ? serializer(value) : String(value);
    });
    const { messages } = await db.execProtocol(
      concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    if (!db.isInTransaction()) await db.syncToFs();
    return parseResults(messages, db.parsers)[0];
  };

  db.query = (async (sql: string, params?: unknown[], options?: unknown) => {
    if (options !== undefined || !params || params.length === 0 || params.length > MAX_PREPARED_PARAMS) return plain(sql, params, options as never);
    try {
      return await db._runExclusiveQuery(() => run(sql, params));
    } catch (error) {
      // A table changed under a prepared statement: prepare it again next time.
      if ((error as { code?: string }).code === '0A000') statements.delete(sql);
      throw Object.assign(error as object, { query: sql, params });
    }
  }) as PGlite['query'];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
