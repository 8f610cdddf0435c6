import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { guardExtendedProtocol } from './pglite-protocol-guard';

export interface EmbeddedPostgres {
  /** A postgres:// URL the normal `pg` driver connects to. */
  url: string;
  /** Connections the socket server accepts; the app's pool must not exceed it. */
  maxConnections: number;
  close(): Promise<void>;
}

/**
 * Runs PostgreSQL in-process (PGlite, WebAssembly) and serves it over the wire protocol on a
 * loopback port, so TypeORM's postgres driver and `pg` run unchanged in both modes.
 *
 * `dataDir` keeps the files between runs; `memory://` keeps nothing (tests).
 * PGlite executes one query at a time for all connections, so this is for one machine,
 * evaluation and small networks (docs/scaling.md); production runs on a real server.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 10): Promise<EmbeddedPostgres> {
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    location = resolve(dataDir, 'pgdata');
    mkdirSync(location, { recursive: true });
  }
  const db = await PGlite.create(location);
  const server = new PGLiteSocketServer({ db: guardExtendedProtocol(db), host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgres://postgres@${address}/postgres?sslmode=disable`,
    maxConnections,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
