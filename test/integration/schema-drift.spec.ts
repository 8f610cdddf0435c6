import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { MEMBER_BLOCK_BITS } from '../../src/indicators/rollups';
import { workerDatabaseUrl } from '../support/test-app';

/**
 * Entities and migrations must describe the same schema: on the migrated database, TypeORM's
 * schema builder must find nothing to change. A failure prints the SQL a new migration needs.
 */
describe('schema drift', () => {
  it('the migrated schema matches the entities exactly', async () => {
    const dataSource = new DataSource(dataSourceOptions(workerDatabaseUrl(), 1));
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('the rollup bitmaps are as wide as the blocks the reads assume (MEMBER_BLOCK_BITS)', async () => {
    const dataSource = new DataSource(dataSourceOptions(workerDatabaseUrl(), 1));
    await dataSource.initialize();
    try {
      const widths: { column: string; bits: number }[] = await dataSource.query(
        `SELECT column_name AS "column", character_maximum_length AS bits FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = 'active_member_bitmaps' AND data_type = 'bit' ORDER BY column_name`,
      );
      expect(widths).toEqual([
        { column: 'active', bits: MEMBER_BLOCK_BITS },
        { column: 'contributing', bits: MEMBER_BLOCK_BITS },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
