import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { closeGracefully, createApp } from './app.factory';
import { Environment, EnvironmentError, loadEnvironment } from './common/config/environment';
import { EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { generateApiKeySecret } from './governance/api-key-secrets';

const log = pino({ level: process.env.LOG_LEVEL || 'info' });
const SHUTDOWN_GRACE_MS = 25_000;

/** Embedded mode without ADMIN_API_KEY: keep a generated key in DATA_DIR so it survives restarts. */
function ensureAdminKey(env: Environment): { key: string; file?: string } {
  if (env.ADMIN_API_KEY) return { key: env.ADMIN_API_KEY };
  const file = resolve(env.DATA_DIR, 'admin-api-key');
  if (!existsSync(file)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, generateApiKeySecret() + '\n', { mode: 0o600 });
  }
  return { key: readFileSync(file, 'utf8').trim(), file };
}

async function bootstrap(): Promise<void> {
  let env: Environment;
  try {
    env = loadEnvironment();
  } catch (error) {
    if (error instanceof EnvironmentError) {
      process.stderr.write(`${error.message}\nSee README.md, section Configuration.\n`);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedPostgres | undefined;
  let url = env.DATABASE_URL;
  let poolSize = env.DB_POOL_SIZE;
  let adminKeyFile: string | undefined;
  if (!url) {
    embedded = await startEmbeddedPostgres(env.DATA_DIR);
    url = embedded.url;
    poolSize = Math.min(poolSize, embedded.maxConnections);
    const admin = ensureAdminKey(env);
    env.ADMIN_API_KEY = admin.key;
    adminKeyFile = admin.file;
    log.info({ dataDir: resolve(env.DATA_DIR) }, 'embedded PostgreSQL (PGlite) started');
  }
  const applied = await runMigrations(url);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');

  const app = await createApp(env, { url, poolSize });
  await app.listen(env.PORT, env.HOST);
  const base = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
  log.info(
    {
      docs: `${base}/docs`,
      openapi: `${base}/docs-json`,
      database: embedded ? 'embedded (PGlite)' : 'PostgreSQL (DATABASE_URL)',
      adminKey: adminKeyFile ? `in ${adminKeyFile}` : 'ADMIN_API_KEY',
    },
    `CNO analytics listening on ${base}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      log.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    try {
      await closeGracefully(app);
      await embedded?.close();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  log.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
