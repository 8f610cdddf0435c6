import { Client } from 'pg';
import { runMigrations } from '../src/database/migrate';
import { databaseExists, existingDatabase, freshDatabase } from './support';

/**
 * The synthetic network of the benchmarks: 100 000 members in 12 departments, 200 public groups
 * with one leader each, and threads of 10 events (a post or question, 5 replies, 3 reactions to
 * the first reply, an accept of it) spread evenly over two years ending 2026-11-01.
 *
 * Texts of posts, questions and replies are "message <id> : <topic>, <topic>" with two topics of
 * the list below (French and English, some accented, some phrases), so keyword matching and text
 * scans have realistic work to do.
 */
export const TOPICS = [
  'le cloud privé',
  'la cybersécurité du site',
  'mot de passe oublié',
  'les réseaux sociaux internes',
  'la sécurité des données',
  'migration vers le nuage',
  'budget annuel',
  "réunion d'équipe",
  'qualité produit',
  'formation sécurité',
  'innovation ouverte',
  'support client',
  'the quarterly roadmap',
  'password reset',
  'customer feedback',
  'onboarding new hires',
  'supply chain delays',
  'énergie et climat',
  'télétravail',
  'les imprimantes du 3e étage',
  'recrutement',
  'open source',
  'la relation fournisseurs',
  'expense reports',
];
const TOPICS_SQL = `ARRAY[${TOPICS.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')}]`;

export const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijkl';
export const MEMBERS = 100_000;
export const GROUPS = 200;
export const END = Date.parse('2026-11-01T00:00:00Z');
export const SPAN_DAYS = 730;
/**
 * Loads n synthetic events into network `bench` (members, groups, leaders, then threads) straight
 * with SQL: loading is not what the indicator and alignment benchmarks measure.
 */
export async function load(url: string, n: number): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const start = new Date(END - SPAN_DAYS * 86_400_000).toISOString();
  // loaded by SQL, not through ingestion: the service's terms-index job indexes its contributions' terms at start
  await db.query(`INSERT INTO networks (key, name, timezone, terms_indexed) VALUES ('bench', 'Bench', 'Europe/Paris', false)`);
  await db.query(
    `INSERT INTO members (external_id, display_name, department, site) SELECT 'u' || g, 'Member ' || g, 'D' || (g % 12), 'S' || (g % 5) FROM generate_series(1, ${MEMBERS}) g`,
  );
  await db.query(`INSERT INTO network_members (network_id, member_id) SELECT 1, id FROM members`);
  await db.query(
    `INSERT INTO groups (network_id, external_id, name, visibility) SELECT 1, 'g' || g, 'Group ' || g, 'public' FROM generate_series(1, ${GROUPS}) g`,
  );
  await db.query(
    `INSERT INTO memberships (network_id, group_id, member_id, role, has_record) SELECT 1, g, g * 37 % ${MEMBERS} + 1, 'leader', true FROM generate_series(1, ${GROUPS}) g`,
  );
  // threads of 10: a root (post or question), 5 replies, 3 reactions to the first reply, 1 accept of it
  // in slices (10 000, then 100 000) with fresh statistics between them, as the ingestion does: the
  // rollup triggers join the tables being filled, and the embedded database has no autovacuum
  await db.query('ANALYZE');
  for (let first = 10, size = 10_000; first < n + 10; first += size, size = 100_000) {
    await db.query(
      `INSERT INTO activities (network_id, id, external_id, kind, author_id, group_id, parent_external_id, parent_id, root_id, occurred_at, text, tags)
       OVERRIDING SYSTEM VALUE
       SELECT 1, g, 'a' || g,
              CASE WHEN g % 10 = 0 THEN (CASE WHEN (g / 10) % 2 = 0 THEN 'post' ELSE 'question' END)
                   WHEN g % 10 <= 5 THEN 'reply' WHEN g % 10 <= 8 THEN 'reaction' ELSE 'accept' END,
              (g * 7919) % ${MEMBERS} + 1, (g / 10) % ${GROUPS} + 1,
              CASE WHEN g % 10 = 0 THEN NULL WHEN g % 10 <= 5 THEN 'a' || (g - g % 10) ELSE 'a' || (g - g % 10 + 1) END,
              CASE WHEN g % 10 = 0 THEN NULL WHEN g % 10 <= 5 THEN g - g % 10 ELSE g - g % 10 + 1 END,
              g - g % 10,
              $1::timestamptz + ((g - g % 10) * interval '1 second' * ${(SPAN_DAYS * 86400) / n}) + (g % 10) * interval '7 minutes',
              CASE WHEN g % 10 <= 5 THEN 'message ' || g || ' : ' || (${TOPICS_SQL})[1 + (g * 31) % ${TOPICS.length}] || ', ' || (${TOPICS_SQL})[1 + (g * 17) % ${TOPICS.length}] ELSE NULL END,
              CASE WHEN g % 10 = 0 THEN ARRAY['t' || (g % 40)] ELSE NULL END
       FROM generate_series(${first}::bigint, ${Math.min(first + size - 1, n + 9)}) g`,
      [start],
    );
    await db.query('ANALYZE');
  }
  await db.query(`SELECT setval('activities_id_seq', ${n + 10})`);
  await db.query('ANALYZE');
  await db.end();
}

/** p50 and p95 in ms of `reps` calls after one warm-up call. */
export async function timeIt(reps: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
  return { p50: Math.round(at(0.5)), p95: Math.round(at(0.95)) };
}

/**
 * The database of the synthetic network of n events on the server of BENCH_DATABASE_URL, shared by
 * bench:alignment and bench:people: loaded fresh, or reused with BENCH_REUSE=1 when an earlier run
 * kept it (BENCH_KEEP=1); pending migrations are applied either way, as on an upgrade. The database
 * gets random_page_cost = 1.1 (docs/scaling.md), which the naive SQL runs with too.
 */
export async function syntheticNetworkDatabase(n: number): Promise<{ url: string; drop: () => Promise<void>; name: string }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cno_bench_network_${n}`;
  const reuse = process.env.BENCH_REUSE === '1' && (await databaseExists(adminUrl, name));
  const db = reuse ? existingDatabase(adminUrl, name) : await freshDatabase(adminUrl, name);
  const started = Date.now();
  if (!reuse) {
    await runMigrations(db.url);
    await load(db.url, n);
  }
  console.log(`${reuse ? 'reused' : 'loaded'} ${n} events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const settings = new Client({ connectionString: db.url });
  await settings.connect();
  await settings.query(`ALTER DATABASE ${name} SET random_page_cost = 1.1`);
  await settings.end();
  await runMigrations(db.url);
  return { ...db, name };
}
