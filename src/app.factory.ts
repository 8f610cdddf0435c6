import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Environment } from './common/config/environment';
import { requestContextMiddleware } from './common/http/request-id';
import { SERVER_STOPPING } from './common/http/server-stopping';
import { createValidationPipe, UnstorableInputPipe } from './common/validation/validation';
import { mountDashboard } from './dashboard/dashboard.static';
import { DatabaseConnection } from './database/database.module';
import { mountOpenApi } from './openapi';

/** Builds the configured application: shared by main.ts and the test harness, so tests run what ships. */
export async function createApp(env: Environment, database: DatabaseConnection): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, database), { bufferLogs: true, bodyParser: false });
  // No deadline on a whole request: an NDJSON body has any length and is ingested as it arrives
  // (SPEC §2), so it may take longer than Node's default 5 minutes, after which Node answers 408 and
  // closes the connection mid-import. Headers keep Node's deadline (headersTimeout, 60 s).
  app.getHttpServer().requestTimeout = 0;
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // no nested objects from ?a[b]=c
  app.use(helmet());
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins.includes('*') ? '*' : origins,
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }
  // JSON bodies only; NDJSON is left unread for the ingestion stream
  app.useBodyParser('json', { limit: env.BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });
  // after the body parser, so the code serving the request runs in its async context (the audit log reads its ids)
  app.use(requestContextMiddleware);
  app.useGlobalPipes(new UnstorableInputPipe(), createValidationPipe());
  mountOpenApi(app);
  mountDashboard(app);
  return app;
}

/**
 * Graceful stop: stop accepting connections and let in-flight requests (a long NDJSON import
 * included) finish, then run Nest's shutdown hooks, which close the database pool. Nest's own
 * close() closes the pool before the HTTP server, which would fail requests still running.
 */
export async function closeGracefully(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as import('node:http').Server;
  if (server.listening) {
    server.emit(SERVER_STOPPING); // live streams end themselves: the server would wait for them
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
  await app.close();
}
