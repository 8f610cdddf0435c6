import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { Environment, loadEnvironment } from '../../src/common/config/environment';
import { documentCheckedAgent } from './openapi-validation';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdefghij';

/** This worker's database: its own PGlite, or the shared DATABASE_URL server. */
export function workerDatabaseUrl(): string {
  const urls = (process.env.TEST_DATABASE_URLS ?? '').split(',').filter(Boolean);
  if (urls.length === 0) throw new Error('TEST_DATABASE_URLS is not set: run the suite through jest (global-setup)');
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  return urls[(worker - 1) % urls.length];
}

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  env: Environment;
  /** supertest against the in-process server; every JSON answer is checked against openapi.json (openapi-validation.ts) */
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real application (same factory as main.ts) on this worker's database. One per test file. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = loadEnvironment({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DATABASE_URL: workerDatabaseUrl(),
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    PEOPLE_INDEX_INTERVAL_SECONDS: '0',
    // the people index runs when a test asks (or a read finds none); people-index-follows-ingestion.spec turns the debounce on
    PEOPLE_INDEX_DEBOUNCE_SECONDS: '0',
    RATE_LIMIT_READS: '0',
    RATE_LIMIT_WRITES: '0',
    RATE_LIMIT_EXPENSIVE: '0',
    ...overrides,
  });
  const app = await createApp(env, { url: env.DATABASE_URL as string, poolSize: 4 });
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    env,
    db: app.get(DataSource),
    http: () => documentCheckedAgent(request(server)),
    close: () => app.close(),
  };
}
