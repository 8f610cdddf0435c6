/**
 * npm run bench:alignment [-- N]
 *
 * Loads N synthetic events (default 10 000 000; bench/synthetic-network.ts) into a fresh database of
 * the local PostgreSQL, starts the built service, then:
 *  1. creates a business objective (11 FR/EN keywords) through the API, which queues the re-matching
 *     of every existing contribution, and measures its throughput (activities re-matched per second,
 *     from the PUT until the objective reports `rematch.state = done`);
 *  2. measures p50/p95 of GET indicators/alignment (28-day and 1-year windows, network and group
 *     scope) beside the naive SQL a BI tool would write: the same counts with ILIKE scans of the
 *     text and tags of the raw activities;
 *  3. measures p50/p95 of GET indicators/adoption for the objective (SPEC §3.9, same windows and
 *     scopes, weekly series) beside the naive SQL: mentions found by ILIKE scans, pulled/pushed from
 *     the thread root and the memberships, organic reach from the replies and reactions to them;
 *  4. measures GET emerging-topics (7-day window, network-wide), counted from the indexed terms
 *     (activity_terms, which the terms-index job fills for the loaded network at start).
 *
 * BENCH_DATABASE_URL, BENCH_KEEP and BENCH_REUSE as for bench:indicators. On a reused database the
 * objectives and matches of an earlier run are truncated first, so step 1 re-matches everything again.
 */
import { Client } from 'pg';
import { formatTable, ok, startServer, waitForTermsIndex } from './support';
import { ADMIN_KEY, END, syntheticNetworkDatabase, timeIt } from './synthetic-network';

const REPS = Number(process.env.BENCH_REPS ?? 15);

/**
 * The objective of the run, as a CNO would write it (FR/EN words and phrases). One objective: a
 * re-match job runs per objective changed, so its throughput is the figure; more objectives take
 * proportionally longer.
 */
const OBJECTIVES = [
  {
    key: 'bench-strategy',
    name: 'Cloud, security and people',
    keywords: [
      { term: 'cloud', weight: 2 },
      { term: 'nuage', weight: 1 },
      { term: 'open source', weight: 1 },
      { term: 'sécurité', weight: 2 },
      { term: 'cybersécurité', weight: 2 },
      { term: 'mot de passe', weight: 1 },
      { term: 'password', weight: 1 },
      { term: 'réseaux sociaux', weight: 1 },
      { term: 'onboarding', weight: 1 },
      { term: 'recrutement', weight: 1 },
      { term: 'télétravail', weight: 1 },
    ],
  },
];

function naiveSql(from: string, to: string, group: string | null): string {
  const like = (term: string) => `(text ILIKE '%${term.replace(/'/g, "''")}%' OR array_to_string(tags, ' ') ILIKE '%${term.replace(/'/g, "''")}%')`;
  const objective = (o: (typeof OBJECTIVES)[number]) => `(${o.keywords.map((k) => like(k.term)).join(' OR ')})`;
  return `SELECT count(*) AS contributions,
            count(*) FILTER (WHERE ${OBJECTIVES.map(objective).join(' OR ')}) AS aligned,
            ${OBJECTIVES.map((o, i) => `count(*) FILTER (WHERE ${objective(o)}) AS o${i}`).join(', ')},
            ${OBJECTIVES.flatMap((o, i) => o.keywords.map((k, j) => `count(*) FILTER (WHERE ${like(k.term)}) AS k${i}_${j}`)).join(', ')}
          FROM activities
          WHERE occurred_at >= '${from}' AND occurred_at < '${to}' ${group ? `AND group_id = ${group}` : ''}
            AND deleted_at IS NULL AND kind IN ('post', 'question', 'reply', 'share')`;
}

/** SPEC §3.9 totals of the objective as a BI tool would write them: ILIKE scans for the mentions, then the contract's joins. */
function naiveAdoptionSql(from: string, to: string, group: string | null): string {
  const like = (term: string) => `(a.text ILIKE '%${term.replace(/'/g, "''")}%' OR array_to_string(a.tags, ' ') ILIKE '%${term.replace(/'/g, "''")}%')`;
  const o = OBJECTIVES[0];
  return `WITH mentions AS (
            SELECT a.id, a.network_id, a.author_id, a.kind, a.group_id, a.root_id FROM activities a JOIN networks n ON n.id = a.network_id AND n.key = 'bench'
            WHERE a.occurred_at >= '${from}' AND a.occurred_at < '${to}' ${group ? `AND a.group_id = ${group}` : ''}
              AND a.deleted_at IS NULL AND a.kind IN ('post', 'question', 'reply', 'share') AND (${o.keywords.map((k) => like(k.term)).join(' OR ')})
          )
          SELECT count(*) AS mentions, count(DISTINCT m.author_id) AS authors,
                 count(DISTINCT mb.department) AS departments,
                 count(*) FILTER (WHERE m.kind = 'question' OR (m.kind = 'reply' AND r.kind = 'question')) AS pulled,
                 count(*) FILTER (WHERE m.kind IN ('post', 'share') AND EXISTS (
                   SELECT 1 FROM memberships ms WHERE ms.network_id = m.network_id AND ms.group_id = m.group_id AND ms.member_id = m.author_id
                     AND (ms.role = 'leader' OR ms.is_declared_leader))) AS pushed,
                 (SELECT count(DISTINCT i.author_id) FROM mentions x JOIN activities i ON i.network_id = x.network_id AND i.parent_id = x.id
                  WHERE i.kind IN ('reply', 'reaction') AND i.deleted_at IS NULL AND i.author_id <> x.author_id) AS reach
          FROM mentions m JOIN members mb ON mb.id = m.author_id LEFT JOIN activities r ON r.network_id = m.network_id AND r.id = m.root_id`;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 10_000_000);
  const db = await syntheticNetworkDatabase(n);
  // a reused database starts without objectives nor matches, so the re-match below does all the work
  const reset = new Client({ connectionString: db.url });
  await reset.connect();
  await reset.query(`TRUNCATE keyword_matches, keyword_set_day_counts, objective_keywords, objectives`);
  await reset.end();
  const server = await startServer({ DATABASE_URL: db.url, ADMIN_API_KEY: ADMIN_KEY }, 3919);
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const { api } = server;
  const bench = { key: 'bench' };
  try {
    // the terms-index job indexes the loaded contributions first (it would compete with the re-match job)
    const termsIndexS = await waitForTermsIndex(server, 'bench');
    console.log(`terms index complete after ${termsIndexS.toFixed(0)} s`);
    // 1. re-matching after objective changes
    const rematchStart = Date.now();
    for (const o of OBJECTIVES)
      await ok(api.PUT('/v1/objectives/{key}', { params: { path: { key: o.key } }, body: { name: o.name, keywords: o.keywords, networks: ['bench'] } }));
    let rematched = 0;
    for (;;) {
      const states = await Promise.all(OBJECTIVES.map((o) => ok(api.GET('/v1/objectives/{key}', { params: { path: { key: o.key } } }))));
      const progress = states.map((s) => s.rematch);
      if (progress.some((p) => p.state === 'failed')) throw new Error(`re-match failed: ${JSON.stringify(progress)}`);
      process.stdout.write(`\rre-matching: ${progress.map((p) => `${p.state} ${p.done}/${p.total}`).join(' · ')}   `);
      if (progress.every((p) => p.state === 'done')) {
        rematched = progress.reduce((sum, p) => sum + p.done, 0);
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    const rematchSeconds = (Date.now() - rematchStart) / 1000;
    console.log(
      `\nre-matched ${rematched} activities (1 objective, 11 keywords) in ${rematchSeconds.toFixed(0)} s: ${Math.round(rematched / rematchSeconds)} activities/s`,
    );

    // 2. the alignment endpoint against naive ILIKE scans
    const rows: Record<string, string | number>[] = [];
    const to = new Date(END).toISOString();
    for (const [label, days] of [
      ['28 d', 28],
      ['1 y', 365],
    ] as const) {
      const from = new Date(END - days * 86_400_000).toISOString();
      for (const group of [null, '7']) {
        const query = { from, to, granularity: 'week' as const, group: group ? `g${group}` : undefined };
        const byApi = await timeIt(REPS, () => ok(api.GET('/v1/networks/{key}/indicators/alignment', { params: { path: bench, query } })));
        const naive = await timeIt(Math.max(3, Math.floor(REPS / 5)), () => sql.query(naiveSql(from, to, group)));
        rows.push({
          endpoint: 'alignment',
          window: label,
          scope: group ? 'group' : 'network',
          'API p50 ms': byApi.p50,
          'API p95 ms': byApi.p95,
          'naive ILIKE p50 ms': naive.p50,
          'naive ILIKE p95 ms': naive.p95,
          speedup: (naive.p50 / Math.max(1, byApi.p50)).toFixed(1),
        });
        console.log(formatTable(rows.slice(-1)));
      }
    }

    // 3. the adoption endpoint against naive ILIKE scans
    const adoptionRows: Record<string, string | number>[] = [];
    for (const [label, days] of [
      ['28 d', 28],
      ['1 y', 365],
    ] as const) {
      const from = new Date(END - days * 86_400_000).toISOString();
      for (const group of [null, '7']) {
        const query = { from, to, granularity: 'week' as const, group: group ? `g${group}` : undefined, objective: OBJECTIVES[0].key };
        const byApi = await timeIt(REPS, () => ok(api.GET('/v1/networks/{key}/indicators/adoption', { params: { path: bench, query } })));
        const naive = await timeIt(Math.max(3, Math.floor(REPS / 5)), () => sql.query(naiveAdoptionSql(from, to, group)));
        adoptionRows.push({
          endpoint: 'adoption',
          window: label,
          scope: group ? 'group' : 'network',
          'API p50 ms': byApi.p50,
          'API p95 ms': byApi.p95,
          'naive ILIKE p50 ms': naive.p50,
          'naive ILIKE p95 ms': naive.p95,
          speedup: (naive.p50 / Math.max(1, byApi.p50)).toFixed(1),
        });
        console.log(formatTable(adoptionRows.slice(-1)));
      }
    }

    // 4. emerging topics, counted from the indexed terms
    const at = new Date(END - 86_400_000).toISOString().slice(0, 10);
    const topics = await timeIt(Math.max(3, Math.floor(REPS / 3)), () =>
      ok(api.GET('/v1/networks/{key}/emerging-topics', { params: { path: bench, query: { at, window: '7d' } } })),
    );

    console.log(`\nAlignment benchmark, ${n} events, ${new Date().toISOString()}, node ${process.version}\n`);
    console.log(`re-match throughput: ${Math.round(rematched / rematchSeconds)} activities/s (${rematched} activities in ${rematchSeconds.toFixed(0)} s)\n`);
    console.log(formatTable([...rows, ...adoptionRows]));
    console.log(`\nemerging-topics (7 d window + 4 previous, network-wide): p50 ${topics.p50} ms, p95 ${topics.p95} ms`);
  } finally {
    await sql.end();
    await server.stop();
    if (process.env.BENCH_KEEP !== '1') await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
