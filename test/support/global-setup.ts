import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { runMigrations } from '../../src/database/migrate';
import { buildServerOnce } from './server-process';

declare global {
  // shared with global-teardown (same process)
  var __PGLITE_SERVERS__: ChildProcess[] | undefined;
}

function startPgliteServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'pglite-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ child, url: line.trim() });
    });
    child.on('exit', (code) => reject(new Error(`PGlite test server exited with code ${code}`)));
  });
}

/**
 * Databases for the suite. With DATABASE_URL: that server, migrated once, shared by all workers
 * (tests isolate themselves by network key). Without: one in-memory PGlite per Jest worker,
 * each in its own process, migrated once. Workers find theirs in TEST_DATABASE_URLS.
 */
export default async function globalSetup(config: { maxWorkers: number }): Promise<void> {
  buildServerOnce(); // the built server that crash durability and job takeover run (server-process.ts)
  let urls: string[];
  if (process.env.DATABASE_URL) {
    urls = [process.env.DATABASE_URL];
  } else {
    const servers = await Promise.all(Array.from({ length: Math.max(1, config.maxWorkers) }, () => startPgliteServer()));
    globalThis.__PGLITE_SERVERS__ = servers.map((s) => s.child);
    urls = servers.map((s) => s.url);
  }
  for (const url of urls) await runMigrations(url);
  process.env.TEST_DATABASE_URLS = urls.join(',');
}
