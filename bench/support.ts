import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { ApiClient, createApiClient } from '../src/client';

/** Creates a throw-away database on the server of `adminUrl` and returns its URL and a dropper. */
export async function freshDatabase(adminUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return existingDatabase(adminUrl, name);
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await admin.end();
  return rowCount === 1;
}

/** The same handle as freshDatabase for a database kept by an earlier run. */
export function existingDatabase(adminUrl: string, name: string): { url: string; drop: () => Promise<void> } {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  /** The typed client (src/client, generated from openapi.json), with the server's ADMIN_API_KEY. */
  api: ApiClient;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB: () => number;
  stop: () => Promise<void>;
}

/**
 * Starts the built service (dist/src/main.js) as a child process and waits for /health/ready. The
 * periodic people index is off (it would run on a freshly loaded network at start and compete with
 * what a benchmark measures); bench:people runs it on demand.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<RunningServer> {
  const child = spawn(process.execPath, [resolve(__dirname, '../src/main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', PEOPLE_INDEX_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = createApiClient(baseUrl, env.ADMIN_API_KEY);
  for (let i = 0; i < 300; i++) {
    try {
      const { response } = await api.GET('/health/ready');
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    baseUrl,
    api,
    peakRssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Waits until the terms-index job has indexed a network loaded by SQL (it has no `activity_terms` rows
 * until then; emerging topics would extract terms at each request meanwhile). Returns the seconds it took.
 */
export async function waitForTermsIndex(server: RunningServer, network: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const view = await ok(server.api.GET('/v1/networks/{key}', { params: { path: { key: network } } }));
    if (view.termsIndexed) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Waits until the background indexes of a loaded network are complete, so that reads are timed on a
 * settled service: the terms index, and a first people-index run (asked for here, as a CNO's first
 * read would). Returns the seconds each took.
 */
export async function settle(server: RunningServer, network: string): Promise<{ termsIndexS: number; peopleIndexS: number }> {
  const termsIndexS = await waitForTermsIndex(server, network);
  const peopleStarted = Date.now();
  await ok(server.api.POST('/v1/networks/{key}/people-index', { params: { path: { key: network } } }));
  return { termsIndexS, peopleIndexS: (Date.now() - peopleStarted) / 1000 };
}

/** The data of a typed-client call, or an error naming the request, the status and the problem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
}

export function formatTable(rows: Record<string, string | number>[]): string {
  const cols = Object.keys(rows[0]);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => String(r[c]))))].join('\n');
}
