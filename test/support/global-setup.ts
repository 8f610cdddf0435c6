import { ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '../../src/database/migrate';

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
/**
 * The tests that run real server processes (crash durability, job takeover) start the built
 * dist/src/main.js. Built here, once, before the workers start, when it is missing or predates the
 * job runner: two workers building at once (nest build empties dist/ first) pulled it from under each
 * other on a fresh clone.
 */
function buildServerOnce(): void {
  const root = join(__dirname, '..', '..');
  if (existsSync(join(root, 'dist', 'src', 'main.js')) && existsSync(join(root, 'dist', 'src', 'jobs', 'job-runner.service.js'))) return;
  execSync('npx nest build', { cwd: root, stdio: 'pipe', timeout: 300_000, env: { ...process.env, NODE_OPTIONS: '' } });
}

export default async function globalSetup(config: { maxWorkers: number }): Promise<void> {
  buildServerOnce();
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
