import { ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { LiveClient } from '../support/live-client';
import { workerDatabaseUrl } from '../support/test-app';

/**
 * The live stream is driven by the database, not by the memory of the instance that ingested
 * (SPEC §3.11, §5): two real built servers (dist/src/main.js) on one PostgreSQL database; records
 * ingested through one reach the streams open on the other, and the other way round.
 *
 * PostgreSQL only. On the embedded database (PGlite) every connection shares one session and a
 * notification comes back on the connection that committed, so only the instance that ingested
 * hears it; several instances need a PostgreSQL server anyway (docs/scaling.md).
 */

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');
const ADMIN_KEY = 'live-instances-admin-key-0123456789abcdef';
const onServer = process.env.DATABASE_URL !== undefined;

/** Builds dist/ when it is missing or predates the live stream (an older build would test old code). */
function ensureBuilt(): void {
  if (existsSync(MAIN) && existsSync(join(ROOT, 'dist/src/live/live.module.js'))) return;
  execSync('npx nest build', { cwd: ROOT, stdio: 'pipe', timeout: 200_000, env: { ...process.env, NODE_OPTIONS: '' } });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<unknown>;
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_OPTIONS: undefined,
    DATA_DIR: undefined,
    DATABASE_URL: databaseUrl,
    ADMIN_API_KEY: ADMIN_KEY,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    DB_POOL_SIZE: '3',
    PEOPLE_INDEX_INTERVAL_SECONDS: '0',
    RATE_LIMIT_READS: '0',
    RATE_LIMIT_WRITES: '0',
    RATE_LIMIT_EXPENSIVE: '0',
  };
  const childEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let gone = false;
  const exited = new Promise((done) =>
    child.once('exit', (code, signal) => {
      gone = true;
      done({ code, signal });
    }),
  );
  const server: Server = { child, base: `http://127.0.0.1:${port}`, exited };
  for (let i = 0; i < 900; i++) {
    if (gone) throw new Error(`the server exited before it was ready:\n${log}`);
    try {
      if ((await fetch(`${server.base}/health/ready`)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server was not ready:\n${log}`);
}

async function post(server: Server, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

(onServer ? describe : describe.skip)(
  'live stream across instances (two real servers on one PostgreSQL; skipped on PGlite, whose notifications reach only the committing instance)',
  () => {
    const suffix = `${process.pid}${Date.now().toString(36)}`;
    const servers: Server[] = [];
    const clients: LiveClient[] = [];

    beforeAll(async () => {
      ensureBuilt();
      servers.push(await startServer(workerDatabaseUrl()));
      servers.push(await startServer(workerDatabaseUrl()));
    });

    afterAll(async () => {
      clients.forEach((c) => c.close());
      for (const s of servers) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
    });

    it('sends the counters and activities of an ingestion through one instance to the streams of the other', async () => {
      const [a, b] = servers;
      const network = `live-inst-${suffix}`;
      expect((await post(a, '/v1/networks', { key: network, name: 'Live across instances' })).status).toBe(201);

      const onB = new LiveClient(b.base, network, ADMIN_KEY);
      const onA = new LiveClient(a.base, network, ADMIN_KEY);
      clients.push(onA, onB);
      for (const c of [onA, onB]) await c.waitFor('counters on connect', (e) => e.type === 'counters' && e.data.lastHour.activities === 0);

      const now = Date.now();
      const at = (ms: number) => new Date(now + ms).toISOString();
      // through A: 2 posts and a reaction in the last hour (3 activities, 2 contributions, 2 authors)
      const first = await post(a, `/v1/networks/${network}/events`, [
        { type: 'activity', externalId: 'p1', kind: 'post', author: `u1-${suffix}`, occurredAt: at(-3 * 60_000) },
        { type: 'activity', externalId: 'p2', kind: 'post', author: `u2-${suffix}`, occurredAt: at(-2 * 60_000) },
        { type: 'activity', externalId: 'x1', kind: 'reaction', author: `u2-${suffix}`, parent: 'p1', occurredAt: at(-60_000) },
      ]);
      expect(first.body).toMatchObject({ inserted: 3, rejected: [] });
      const heardOnB = await onB.waitFor('counters on B', (e) => e.type === 'counters' && e.data.lastHour.activities === 3);
      expect(heardOnB.data.lastHour).toEqual({ activities: 3, contributions: 2, activeMembers: 2 });
      await onB.waitFor('activity p2 on B', (e) => e.type === 'activity' && e.data.externalId === 'p2');
      expect(onB.of('activity').map((e) => e.data.externalId)).toEqual(['p1', 'p2']);

      // through B: a question, heard on A (4 activities, 3 contributions, 3 authors)
      const second = await post(b, `/v1/networks/${network}/events`, [
        { type: 'activity', externalId: 'q1', kind: 'question', author: `u3-${suffix}`, occurredAt: at(-30_000) },
      ]);
      expect(second.body).toMatchObject({ inserted: 1, rejected: [] });
      const heardOnA = await onA.waitFor('counters on A', (e) => e.type === 'counters' && e.data.lastHour.activities === 4);
      expect(heardOnA.data.lastHour).toEqual({ activities: 4, contributions: 3, activeMembers: 3 });
      await onA.waitFor('activity q1 on A', (e) => e.type === 'activity' && e.data.externalId === 'q1');
    });
  },
);
