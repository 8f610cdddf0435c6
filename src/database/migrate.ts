import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';
import { dataSourceOptions } from './data-source-options';

/** Instances starting together take turns to migrate. */
const MIGRATION_LOCK = ADVISORY_LOCKS.MIGRATION;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several instances starting at
 * once on the same database never run the same migration twice. Returns the names applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1) });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}
