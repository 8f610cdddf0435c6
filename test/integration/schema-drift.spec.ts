import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
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
});
