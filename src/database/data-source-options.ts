import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

/**
 * One set of options for the app, the tests and the benchmarks. Schema changes only come from
 * `migrations/`, applied at start; `synchronize` is never on.
 */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
    installExtensions: false,
    // JIT compiles big-cost plans for 50–200 ms before running them: a loss for API queries that
    // then take tens of milliseconds (measured on the indicator queries at 10 M events). PGlite
    // ignores the option.
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, options: '-c jit=off' },
  };
}
