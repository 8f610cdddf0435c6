import { arrayLiteral, execute, row, rows, sql } from '../../src/database/sql';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The one query helper (src/database/sql.ts) on the real database: values are bound, never spliced;
 * columns come back camelCase; INSERT, UPDATE and DELETE answer one shape (TypeORM answers an UPDATE
 * with `[rows, rowCount]` and an INSERT with its rows), in and out of a transaction.
 */
describe('typed SQL helper', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('binds a value where it is used, even one that looks like SQL', async () => {
    const hostile = `x'; DROP TABLE activities; --`;
    const got = await row<{ echoedValue: string; isText: boolean }>(
      t.db.manager,
      sql`SELECT ${hostile}::text AS echoed_value, pg_typeof(${hostile}::text) = 'text'::regtype AS is_text`,
    );
    expect(got).toEqual({ echoedValue: hostile, isText: true });
  });

  it('answers INSERT, UPDATE and DELETE with their rows and counts', async () => {
    const manager = t.db.manager;
    await manager.transaction(async (tx) => {
      // a table of this transaction only: other files share the database
      await execute(tx, sql`CREATE TEMP TABLE sql_helper_probe (id int PRIMARY KEY, some_label text) ON COMMIT DROP`);
      const inserted = await execute<{ id: number; someLabel: string }>(
        tx,
        sql`INSERT INTO sql_helper_probe (id, some_label) SELECT g, 'n' || g FROM generate_series(1, 3) g RETURNING id, some_label`,
      );
      expect(inserted).toEqual({ rowCount: 3, rows: [1, 2, 3].map((id) => ({ id, someLabel: `n${id}` })) });
      // 2 of the 3 rows have id >= 2
      expect(await execute(tx, sql`UPDATE sql_helper_probe SET some_label = 'u' WHERE id >= ${2}`)).toEqual({ rowCount: 2, rows: [] });
      const deleted = await execute<{ id: number }>(tx, sql`DELETE FROM sql_helper_probe WHERE id = ${1} RETURNING id`);
      expect(deleted).toEqual({ rowCount: 1, rows: [{ id: 1 }] });
      expect(await execute(tx, sql`DELETE FROM sql_helper_probe WHERE id = ${99}`)).toEqual({ rowCount: 0, rows: [] });
      expect(await rows<{ someLabel: string }>(tx, sql`SELECT some_label FROM sql_helper_probe ORDER BY id`)).toEqual([{ someLabel: 'u' }, { someLabel: 'u' }]);
    });
  });

  it('runs outside a transaction on a connection it gives back', async () => {
    for (let i = 0; i < 20; i++) expect((await execute(t.db.manager, sql`SELECT 1 AS one`)).rows).toEqual([{ one: 1 }]);
  });

  it('sends per-row lists of any length as array literals that PostgreSQL reads back as they were', async () => {
    const lists: (string[] | null)[] = [['a', 'b'], [], null, ['quote " and \\ backslash', 'comma, {brace}', 'NULL', ' spaced ', 'é']];
    const got = await rows<{ n: number; list: string[] | null }>(
      t.db.manager,
      sql`SELECT t.n, t.list::text[] AS list FROM unnest(${lists.map((l) => arrayLiteral(l))}::text[]) WITH ORDINALITY AS t(list, n) ORDER BY t.n`,
    );
    expect(got.map((r) => r.list)).toEqual(lists);
    const ids = await row<{ ids: string[] }>(t.db.manager, sql`SELECT ${arrayLiteral([1, 20n, '300'])}::bigint[] AS ids`);
    expect(ids.ids.map(Number)).toEqual([1, 20, 300]);
  });
});
