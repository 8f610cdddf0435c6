/**
 * npm run bench:load [-- SECONDS]
 *
 * Drives the built service on a fresh database of the local PostgreSQL with mixed traffic for
 * SECONDS (default 60) using autocannon: one client streams ingestion (POST /events, 100 new
 * activities per request) while another reads dashboards (activity, responsiveness, concentration,
 * diffusion, alignment, comparisons, emerging topics), both at once. Prints throughput, latency
 * percentiles and the error and non-2xx counts of each (goal: 0 errors), then checks that every
 * acknowledged activity is stored.
 *
 * Rate limits are raised for the run (the point is the service's capacity, not the limiter's);
 * BENCH_DATABASE_URL names the server.
 */
import autocannon from 'autocannon';
import { Client } from 'pg';
import { formatTable, freshDatabase, ok, startServer } from './support';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijkl';
const MEMBERS = 2000;
const GROUPS = 20;
const BATCH = 100;

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? process.env.BENCH_SECONDS ?? 60);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = await freshDatabase(adminUrl, 'cno_bench_load');
  const server = await startServer({ DATABASE_URL: db.url, ADMIN_API_KEY: ADMIN_KEY, RATE_LIMIT_READS: '0', RATE_LIMIT_WRITES: '0' }, 3918);
  const headers = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };
  try {
    const { api } = server;
    await ok(api.POST('/v1/networks', { body: { key: 'load', name: 'Load', timezone: 'Europe/Paris' } }));
    await ok(
      api.PUT('/v1/objectives/{key}', {
        params: { path: { key: 'load-cloud' } },
        body: {
          name: 'Cloud',
          networks: ['load'],
          keywords: [
            { term: 'cloud', weight: 1 },
            { term: 'sécurité', weight: 1 },
          ],
        },
      }),
    );
    const seed = [
      ...Array.from({ length: MEMBERS }, (_, i) => ({ type: 'member' as const, externalId: `u${i}`, displayName: `Member ${i}`, department: `D${i % 8}` })),
      ...Array.from({ length: GROUPS }, (_, g) => ({
        type: 'group' as const,
        externalId: `g${g}`,
        name: `Group ${g}`,
        visibility: 'public' as const,
        leaders: [`u${g}`],
      })),
    ];
    await ok(api.POST('/v1/networks/{key}/events', { params: { path: { key: 'load' } }, body: seed }));

    const now = Date.now();
    let sent = 0;
    const words = ['cloud', 'sécurité', 'vpn', 'budget', 'réunion', 'formation'];
    const ingestion = run({
      url: server.baseUrl,
      connections: 2,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/networks/load/events',
          headers,
          setupRequest: (req) => {
            const base = sent;
            sent += BATCH;
            const records = Array.from({ length: BATCH }, (_, i) => {
              const n = base + i;
              const root = n % 5 === 0;
              return {
                type: 'activity',
                externalId: `a${n}`,
                kind: root ? (n % 10 === 0 ? 'question' : 'post') : n % 5 < 3 ? 'reply' : 'reaction',
                author: `u${(n * 7919) % MEMBERS}`,
                group: `g${n % GROUPS}`,
                ...(root ? {} : { parent: `a${n - (n % 5)}` }),
                occurredAt: new Date(now - 86_400_000 * 20 + n * 1000).toISOString(),
                ...(n % 5 < 3
                  ? { text: `Message ${n} sur ${words[n % words.length]} et ${words[(n * 3) % words.length]}`, tags: [words[n % words.length]] }
                  : {}),
              };
            });
            return { ...req, body: JSON.stringify(records) };
          },
        },
      ],
    });
    const to = new Date(now).toISOString();
    const from = new Date(now - 28 * 86_400_000).toISOString();
    const window = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const readPaths = [
      `/v1/networks/load/indicators/activity?${window}&granularity=week`,
      `/v1/networks/load/indicators/responsiveness?${window}`,
      `/v1/networks/load/indicators/concentration?${window}`,
      `/v1/networks/load/indicators/diffusion?${window}`,
      `/v1/networks/load/indicators/alignment?${window}`,
      `/v1/networks/load/comparisons/groups?${window}`,
      `/v1/networks/load/emerging-topics?window=7d`,
      `/v1/networks/load/indicators/engagement`,
    ];
    const reads = run({ url: server.baseUrl, connections: 4, duration: seconds, requests: readPaths.map((path) => ({ method: 'GET', path, headers })) });
    const [w, r] = await Promise.all([ingestion, reads]);

    const rows = [
      { traffic: 'ingestion (POST /events, 100 activities)', result: w },
      { traffic: 'reads (8 dashboard endpoints in turn)', result: r },
    ].map(({ traffic, result }) => ({
      traffic,
      requests: result.requests.total,
      'req/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p97.5 ms': result.latency.p97_5,
      'p99 ms': result.latency.p99,
      'max ms': result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      'non-2xx': result.non2xx,
    }));
    const check = new Client({ connectionString: db.url });
    await check.connect();
    const [{ n }] = (await check.query(`SELECT count(*)::int AS n FROM activities WHERE network_id = (SELECT id FROM networks WHERE key = 'load')`)).rows;
    await check.end();
    const acknowledged = (w.requests.total - w.non2xx) * BATCH;
    console.log(`\nLoad benchmark, ${seconds} s, ${new Date().toISOString()}, node ${process.version}\n`);
    console.log(formatTable(rows));
    console.log(
      `\nactivities acknowledged: ${acknowledged} (${Math.round(acknowledged / seconds)}/s); stored: ${n}${n >= acknowledged ? '' : '  <-- LOST RECORDS'}`,
    );
  } finally {
    await server.stop();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
