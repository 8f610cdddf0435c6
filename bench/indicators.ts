/**
 * npm run bench:indicators [-- N]
 *
 * Loads N synthetic events (default 10 000 000) straight into a fresh database of the local
 * PostgreSQL (generate_series: loading is not what is measured here), starts the built service on
 * it and prints, side by side, p50/p95 of each indicator endpoint and of the naive SQL a BI tool
 * would run over the raw activities table for the same numbers — 28-day and 1-year windows,
 * network and group scope. Then it measures freshness: while events are posted at a steady rate,
 * how long until each accepted batch shows in the activity indicator. The health scorecard (GET
 * /health, SPEC §3.10) is timed too, for the last day before the data's end.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the
 * database gets random_page_cost = 1.1 (docs/scaling.md), which the naive SQL runs with too.
 * BENCH_ENGINE=pglite measures the embedded default instead (no naive SQL: the service holds the
 * database alone).
 * BENCH_KEEP=1 keeps the loaded database afterwards; BENCH_REUSE=1 reuses a kept one of the same
 * size (pending migrations are applied to it, as on an upgrade) instead of loading again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { ApiClient } from '../src/client';
import { databaseExists, existingDatabase, formatTable, freshDatabase, ok, RunningServer, settle, startServer } from './support';
import { ADMIN_KEY, END, load, timeIt } from './synthetic-network';

interface Endpoint {
  /** The request of network bench, for the window and group (null = network-wide), through the typed client. */
  call: (api: ApiClient, from: string, to: string, group: string | null) => Promise<unknown>;
  /** What a BI tool would write over the raw table for the same numbers (no thread links, no partial indexes relied on). */
  naive: (from: string, to: string, group: string | null) => string;
}

const REPS = Number(process.env.BENCH_REPS ?? 15);

const inGroup = (g: string | null, column = 'group_id') => (g ? `AND ${column} = ${g}` : '');
const bench = { key: 'bench' };
const query = (from: string, to: string, group: string | null) => ({ from, to, group: group ? `g${group}` : undefined });

const ENDPOINTS: Record<string, Endpoint> = {
  activity: {
    call: (api, f, t, g) => ok(api.GET('/v1/networks/{key}/indicators/activity', { params: { path: bench, query: query(f, t, g) } })),
    naive: (f, t, g) =>
      `SELECT kind, count(*), count(DISTINCT author_id) FROM activities WHERE occurred_at >= '${f}' AND occurred_at < '${t}' ${inGroup(g)} AND deleted_at IS NULL GROUP BY kind`,
  },
  // engagement is for one day `at` (the day before `to`) whatever the window: 28 days
  engagement: {
    call: (api, _f, t, g) =>
      ok(
        api.GET('/v1/networks/{key}/indicators/engagement', {
          params: { path: bench, query: { at: new Date(Date.parse(t) - 86_400_000).toISOString().slice(0, 10), group: g ? `g${g}` : undefined } },
        }),
      ),
    naive: (_f, t, g) => `SELECT count(DISTINCT author_id), count(DISTINCT (author_id, (occurred_at AT TIME ZONE 'Europe/Paris')::date)) FROM activities
       WHERE occurred_at >= '${t}'::timestamptz - interval '28 days' AND occurred_at < '${t}' ${inGroup(g)} AND deleted_at IS NULL`,
  },
  responsiveness: {
    call: (api, f, t, g) => ok(api.GET('/v1/networks/{key}/indicators/responsiveness', { params: { path: bench, query: query(f, t, g) } })),
    naive: (f, t, g) => `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fr - occurred_at)), count(fr) FROM (
       SELECT r.id, r.occurred_at, min(x.occurred_at) AS fr
       FROM activities r LEFT JOIN activities x ON x.parent_external_id = r.external_id AND x.kind = 'reply' AND x.author_id <> r.author_id
       WHERE r.kind IN ('post', 'question') AND r.occurred_at >= '${f}' AND r.occurred_at < '${t}' ${inGroup(g, 'r.group_id')}
       GROUP BY r.id, r.occurred_at) s`,
  },
  concentration: {
    call: (api, f, t, g) => ok(api.GET('/v1/networks/{key}/indicators/concentration', { params: { path: bench, query: query(f, t, g) } })),
    naive: (f, t, g) =>
      `SELECT count(*), sum(c) FROM (SELECT author_id, count(*) c FROM activities WHERE kind IN ('post','question','reply','share') AND occurred_at >= '${f}' AND occurred_at < '${t}' ${inGroup(g)} GROUP BY author_id) x`,
  },
  diffusion: {
    call: (api, f, t, g) => ok(api.GET('/v1/networks/{key}/indicators/diffusion', { params: { path: bench, query: query(f, t, g) } })),
    naive: (
      f,
      t,
      g,
    ) => `SELECT ma.department, count(*) FROM activities a JOIN activities p ON p.external_id = a.parent_external_id JOIN members ma ON ma.id = a.author_id JOIN members mp ON mp.id = p.author_id
     WHERE a.kind IN ('reply','reaction') AND a.occurred_at >= '${f}' AND a.occurred_at < '${t}' ${inGroup(g, 'a.group_id')} AND a.author_id <> p.author_id GROUP BY 1`,
  },
};

interface Target {
  server: RunningServer;
  /** A direct connection for the naive SQL; null on the embedded database, which the service holds alone. */
  sql: Client | null;
  close: () => Promise<void>;
}

/** The local PostgreSQL server: a kept database is reused with BENCH_REUSE=1 (pending migrations applied). */
async function onPostgres(n: number): Promise<Target> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cno_bench_indicators_${n}`;
  const reuse = process.env.BENCH_REUSE === '1' && (await databaseExists(adminUrl, name));
  const db = reuse ? existingDatabase(adminUrl, name) : await freshDatabase(adminUrl, name);
  const loadStart = Date.now();
  if (!reuse) await runMigrations(db.url);
  if (!reuse) await load(db.url, n);
  console.log(`${reuse ? 'reused' : 'loaded'} ${n} events in ${((Date.now() - loadStart) / 1000).toFixed(0)} s`);
  // the server settings docs/scaling.md recommends (SSD storage): the naive SQL runs with them too
  const settings = new Client({ connectionString: db.url });
  await settings.connect();
  await settings.query(`ALTER DATABASE ${name} SET random_page_cost = 1.1`);
  await settings.end();
  const migrateStart = Date.now();
  const applied = await runMigrations(db.url);
  if (applied.length > 0) console.log(`applied ${applied.join(', ')} in ${((Date.now() - migrateStart) / 1000).toFixed(0)} s`);
  const server = await startServer({ DATABASE_URL: db.url, ADMIN_API_KEY: ADMIN_KEY }, 3919);
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  return {
    server,
    sql,
    close: async () => {
      await sql.end();
      await server.stop();
      if (process.env.BENCH_KEEP !== '1') await db.drop();
    },
  };
}

/** The embedded default (`npm start` without DATABASE_URL): loaded through PGlite here, then served by the service from its data directory. */
async function onPglite(n: number): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cno-bench-pglite-'));
  const loadStart = Date.now();
  const embedded = await startEmbeddedPostgres(dataDir, 2);
  await runMigrations(embedded.url);
  await load(embedded.url, n);
  await embedded.close();
  console.log(`loaded ${n} events into PGlite in ${((Date.now() - loadStart) / 1000).toFixed(0)} s`);
  const server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir, ADMIN_API_KEY: ADMIN_KEY }, 3919);
  return {
    server,
    sql: null,
    close: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 10_000_000);
  const engine = process.env.BENCH_ENGINE ?? 'postgres';
  const target = engine === 'pglite' ? await onPglite(n) : await onPostgres(n);
  const { server, sql } = target;
  const rows: Record<string, string | number>[] = [];
  try {
    const settled = await settle(server, 'bench');
    console.log(`terms index complete after ${settled.termsIndexS.toFixed(0)} s; first people-index run ${settled.peopleIndexS.toFixed(0)} s`);
    const to = new Date(END).toISOString();
    for (const [label, days] of [
      ['28 d', 28],
      ['1 y', 365],
    ] as const) {
      const from = new Date(END - days * 86_400_000).toISOString();
      for (const group of [null, '7']) {
        for (const [endpoint, { call, naive: naiveSql }] of Object.entries(ENDPOINTS)) {
          if (endpoint === 'engagement' && label !== '28 d') continue; // its window is always 28 days
          const api = await timeIt(REPS, () => call(server.api, from, to, group));
          const naive = sql ? await timeIt(Math.max(3, Math.floor(REPS / 5)), () => sql.query(naiveSql(from, to, group))) : null;
          rows.push({
            endpoint,
            window: label,
            scope: group ? 'group' : 'network',
            'API p50 ms': api.p50,
            'API p95 ms': api.p95,
            'naive SQL p50 ms': naive?.p50 ?? '–',
            'naive SQL p95 ms': naive?.p95 ?? '–',
            speedup: naive ? (naive.p50 / Math.max(1, api.p50)).toFixed(1) : '–',
          });
          console.log(formatTable(rows.slice(-1)));
        }
      }
    }

    // the health scorecard (SPEC §3.10) of the last day before END: every indicator of the network and of each of the
    // 200 groups over two 28-day windows, plus its adjustments; beside it, the naive SQL of the network-wide figures
    // alone (activity, responsiveness, concentration, diffusion) run for both windows one after the other
    const at = new Date(END - 86_400_000).toISOString().slice(0, 10);
    const health = await timeIt(REPS, () => ok(server.api.GET('/v1/networks/{key}/health', { params: { path: bench, query: { at } } })));
    const windows = [END - 28 * 86_400_000, END - 56 * 86_400_000].map((start) => [
      new Date(start).toISOString(),
      new Date(start + 28 * 86_400_000).toISOString(),
    ]);
    const naiveHealth = sql
      ? await timeIt(Math.max(3, Math.floor(REPS / 5)), async () => {
          for (const [from, to] of windows)
            for (const endpoint of ['activity', 'responsiveness', 'concentration', 'diffusion']) await sql.query(ENDPOINTS[endpoint].naive(from, to, null));
        })
      : null;
    rows.push({
      endpoint: 'health',
      window: '2 × 28 d',
      scope: 'net+groups',
      'API p50 ms': health.p50,
      'API p95 ms': health.p95,
      'naive SQL p50 ms': naiveHealth?.p50 ?? '–',
      'naive SQL p95 ms': naiveHealth?.p95 ?? '–',
      speedup: naiveHealth ? (naiveHealth.p50 / Math.max(1, health.p50)).toFixed(1) : '–',
    });
    console.log(formatTable(rows.slice(-1)));

    // freshness: post 500 events every 100 ms (5 000 events/s) for 10 s; after each 200, poll the
    // activity indicator until the batch's count shows, and record the lag
    const lags: number[] = [];
    const base = Date.now(); // a window of its own on every run, also on a reused database
    for (let batch = 0; batch < 100; batch++) {
      const started = Date.now();
      const events = Array.from({ length: 500 }, (_, i) => ({
        type: 'activity' as const,
        externalId: `f${base}-${batch}-${i}`,
        kind: 'post' as const,
        author: 'u1',
        occurredAt: new Date(base + batch * 1000 + i).toISOString(),
      }));
      await ok(server.api.POST('/v1/networks/{key}/events', { params: { path: bench }, body: events }));
      const acked = Date.now();
      const window = { from: new Date(base + batch * 1000).toISOString(), to: new Date(base + batch * 1000 + 1000).toISOString() };
      for (;;) {
        const body = await ok(server.api.GET('/v1/networks/{key}/indicators/activity', { params: { path: bench, query: window } }));
        if (body.totals.posts >= 500) break;
      }
      lags.push(Date.now() - acked);
      const spent = Date.now() - started;
      if (spent < 100) await new Promise((r) => setTimeout(r, 100 - spent));
    }
    lags.sort((a, b) => a - b);
    console.log(
      `\nIndicator benchmark, ${n} events, ${new Date().toISOString()}, node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    console.log(formatTable(rows));
    console.log(
      `\nfreshness (ack → visible in indicators/activity) over ${lags.length} batches of 500 events at up to 5 000 events/s: p50 ${lags[Math.floor(lags.length / 2)]} ms, max ${lags[lags.length - 1]} ms`,
    );
  } finally {
    await target.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
