import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

export interface DatabaseConnection {
  url: string;
  poolSize: number;
}

@Module({})
export class DatabaseModule {
  /** Connects to an already-migrated database (main.ts and the test harness migrate first). */
  static forRoot(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(connection.url, connection.poolSize),
          // PGlite refuses a reconnect for ~200 ms after a disconnect: retry briefly instead of failing
          retryAttempts: 20,
          retryDelay: 250,
        }),
      ],
    };
  }
}
