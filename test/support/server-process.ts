import { ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The built server (dist/src/main.js) as a child process, for the tests that need a real process to
 * kill or several instances on one database (crash durability, job takeover). The suite's global
 * setup builds it once (buildServerOnce); tests start it with startServer and stop it with
 * stopServer, or SIGKILL it themselves; killServers ends whatever is still running (afterAll).
 */

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');

/**
 * Builds dist/ when it is missing or predates the job runner (an older build would test old code).
 * Called once by the global setup, before the workers start: two workers building at once (nest build
 * empties dist/ first) pulled it from under each other on a fresh clone. An existing current build is
 * used as it is (`npm start` / `npm run build` keep it current).
 */
export function buildServerOnce(): void {
  if (existsSync(MAIN) && existsSync(join(ROOT, 'dist/src/jobs/job-runner.service.js'))) return;
  try {
    execSync('npx nest build', { cwd: ROOT, stdio: 'pipe', timeout: 300_000, env: { ...process.env, NODE_OPTIONS: '' } });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`npx nest build failed: ${e.message}\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`, { cause: error });
  }
  if (!existsSync(MAIN)) throw new Error(`npx nest build did not produce ${MAIN}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  port: number;
  /** The ADMIN_API_KEY it was started with (api() authenticates with it). */
  adminKey: string;
  /** The last 20 000 characters of its stdout and stderr. */
  output: () => string;
  exited: Promise<ServerExit>;
}

const running = new Set<ServerProcess>();

/**
 * Starts the built server on a free port and waits until /health/ready answers. Its environment is
 * this process's without Jest's NODE_OPTIONS and without a database (DATABASE_URL or DATA_DIR come
 * from `env`), with warnings-only logs and the periodic people index off; `env` adds to it (an
 * undefined value removes a variable). `env.ADMIN_API_KEY` is required.
 */
export async function startServer(env: Record<string, string | undefined> & { ADMIN_API_KEY: string }): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: the suite's global setup builds it (npx nest build)`);
  const port = await freePort();
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NODE_OPTIONS: undefined, // jest's flags are not the server's
    DATABASE_URL: undefined,
    DATA_DIR: undefined,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    PEOPLE_INDEX_INTERVAL_SECONDS: '0',
    PEOPLE_INDEX_DEBOUNCE_SECONDS: '0', // as in test-app: the people index runs when a test asks
    ...env,
  };
  const childEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (d: Buffer) => {
    log += d.toString();
    if (log.length > 20_000) log = log.slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<ServerExit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const server: ServerProcess = { child, base: `http://127.0.0.1:${port}`, port, adminKey: env.ADMIN_API_KEY, output: () => log, exited };
  running.add(server);
  void exited.then(() => running.delete(server));

  let exit: ServerExit | undefined;
  void exited.then((e) => (exit = e));
  const deadline = Date.now() + 90_000;
  let last = '';
  while (Date.now() < deadline) {
    if (exit) throw new Error(`the server exited before it was ready (code ${exit.code}, signal ${exit.signal}):\n${log}`);
    try {
      const res = await fetch(`${server.base}/health/ready`);
      if (res.ok) return server;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server was not ready within 90 s (last answer: ${last}):\n${log}`);
}

/** Stops a server gracefully (SIGTERM), or with SIGKILL when it has not exited 30 s later. */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([server.exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), 30_000)))]);
  clearTimeout(timer);
  if (!stopped) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

/** SIGKILLs every server this file started that is still running, and waits for them (afterAll). */
export async function killServers(): Promise<void> {
  for (const s of [...running]) {
    s.child.kill('SIGKILL');
    await s.exited;
  }
}

/** A request with the server's admin key; the body is parsed as JSON when it is JSON, else kept as text. */
export async function api(
  server: ServerProcess,
  method: string,
  path: string,
  body?: { json?: unknown; ndjson?: string },
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${server.adminKey}` };
  let payload: string | undefined;
  if (body?.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body?.ndjson !== undefined) {
    headers['Content-Type'] = 'application/x-ndjson';
    payload = body.ndjson;
  }
  const res = await fetch(`${server.base}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the failure message
  }
  return { status: res.status, body: parsed };
}

/**
 * A fresh, empty database named `name` on the server of DATABASE_URL (the servers started on it run
 * their own migrations), and how to drop it (afterAll).
 */
export async function freshServerDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('freshServerDatabase needs DATABASE_URL');
  const run = async (statement: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
