import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, RawBuilder, sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/**
 * Typed SQL composition. Queries are written with Kysely's `sql` tagged template: every value is
 * bound where it is used (`${scope.from}` becomes a parameter, never text), fragments compose as
 * values (`${inScope(scope)}`), and a query carries the type of its rows (`sql<Row>…`). Kysely only
 * compiles here; the compiled statement runs on TypeORM's connection (`EntityManager`), in or out of
 * a transaction, so ingestion's transactions and locks are unchanged.
 *
 * Row types are written in camelCase; `rows()` turns the snake_case columns PostgreSQL returns into
 * camelCase keys, so no query has to alias every column. Every query module also exports examples of
 * its queries (`SqlExample`), which `npm run sql:generate` compiles into the committed files under
 * `sql/` — the final SQL a reviewer reads — and `npm run sql:check` keeps in sync.
 */
export { sql };
export type { RawBuilder };

const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export interface CompiledSql {
  sql: string;
  parameters: readonly unknown[];
}

export function compileSql(query: RawBuilder<unknown>): CompiledSql {
  const { sql: text, parameters } = query.compile(compiler);
  return { sql: text, parameters };
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function camelRow<Row>(row: Record<string, unknown>): Row {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[camel(key)] = value;
  return out as Row;
}

/** Runs a composed SELECT and returns its rows with camelCase keys, typed as the query says. */
export async function rows<Row>(db: EntityManager, query: RawBuilder<Row>): Promise<Row[]> {
  const { sql: text, parameters } = compileSql(query);
  const result: Record<string, unknown>[] = await db.query(text, parameters as unknown[]);
  return result.map((r) => camelRow<Row>(r));
}

export interface Executed<Row> {
  /** The RETURNING rows, camelCase (empty without RETURNING). */
  rows: Row[];
  /** Rows inserted, updated or deleted. */
  rowCount: number;
}

/**
 * Runs a composed INSERT, UPDATE or DELETE (with or without RETURNING) and answers the same shape for
 * all of them. TypeORM's `query()` answers a SELECT or INSERT with its rows but an UPDATE or DELETE
 * with `[rows, rowCount]`; its structured result does not vary, so callers never see either shape.
 * Runs on the manager's transaction when it has one.
 */
export async function execute<Row = never>(db: EntityManager, query: RawBuilder<Row>): Promise<Executed<Row>> {
  const { sql: text, parameters } = compileSql(query);
  const runner = db.queryRunner ?? db.connection.createQueryRunner();
  try {
    const result = await runner.query(text, parameters as unknown[], true);
    const records = Array.isArray(result.records) ? (result.records as Record<string, unknown>[]) : [];
    return { rows: records.map((r) => camelRow<Row>(r)), rowCount: result.affected ?? records.length };
  } finally {
    if (runner !== db.queryRunner) await runner.release();
  }
}

/** The single row of an aggregate query (it always has one). */
export async function row<Row>(db: EntityManager, query: RawBuilder<Row>): Promise<Row> {
  const [first] = await rows(db, query);
  return first;
}

/** A query module's example of one of its queries, for the generated SQL files. */
export interface SqlExample {
  name: string;
  query: RawBuilder<unknown>;
}

/** A trusted SQL text with no values in it (a rule's SQL twin, an alias): inlined as is. */
export const fragment = (text: string): RawBuilder<unknown> => sql.raw(text);

/**
 * Per-row arrays for `unnest(...)`: a batch of rows travels as one array parameter per column, and
 * PostgreSQL has no ragged arrays, so a column whose value is itself a list is sent as one
 * array literal per row (`{"a","b"}`, null stays null) and cast back where it is read
 * (`t.tags::text[]`, `t.groups::bigint[]`). The one encoding for every such column.
 */
export function arrayLiteral(values: readonly (string | number | bigint)[] | null): string | null {
  if (values === null) return null;
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
