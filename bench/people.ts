/**
 * npm run bench:people [-- N]
 *
 * On the synthetic network of N events (default 10 000 000; 100 000 members; bench/synthetic-network.ts,
 * shared with bench:alignment: BENCH_KEEP / BENCH_REUSE), with declared profiles for one member in
 * ten, measures:
 *  1. one run of the people index (POST /v1/networks/bench/people-index), once the terms-index job has
 *     indexed the loaded contributions, and the server's peak RSS;
 *  2. p50/p95 of the endpoints that read the index: expert finder, animator candidates (with and
 *     without filters, and over the last quarter, computed at request time), expertise coverage, a
 *     member profile, HR profiles and the interest map;
 *  3. how long after the last event of a burst the people figures reflect it: a burst of replies is
 *     posted (2 000 events in 20 requests), then animator-candidates is polled until its computedAt
 *     (the start of the run that read the data) is later than the last acknowledgement — the
 *     index follows ingestion (PEOPLE_INDEX_DEBOUNCE_SECONDS, default 5).
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { formatTable, ok, startServer, waitForTermsIndex } from './support';
import { ADMIN_KEY, syntheticNetworkDatabase, timeIt } from './synthetic-network';

const REPS = Number(process.env.BENCH_REPS ?? 15);

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 10_000_000);
  const db = await syntheticNetworkDatabase(n);
  const seed = new Client({ connectionString: db.url });
  await seed.connect();
  // declared profiles for one member in ten: expertise on a root tag, a competence, an interest
  await seed.query(`TRUNCATE profile_versions, profile_topics, member_profiles`);
  await seed.query(
    `INSERT INTO profile_topics (member_id, facet, topic_key, topic, level, position)
     SELECT id, 'expertise', 't' || (id % 40), 't' || (id % 40), 1 + id % 5, 0 FROM members WHERE id % 10 = 0
     UNION ALL SELECT id, 'competence', 'cloud', 'Cloud', 1 + id % 3, 0 FROM members WHERE id % 10 = 0 AND id % 3 = 0
     UNION ALL SELECT id, 'interest', 'teletravail', 'Télétravail', NULL, 0 FROM members WHERE id % 10 = 0 AND id % 2 = 0`,
  );
  await seed.query(`INSERT INTO member_profiles (member_id, version, updated_at, updated_by) SELECT DISTINCT member_id, 1, now(), 'bench' FROM profile_topics`);
  await seed.query('ANALYZE');
  await seed.end();

  const server = await startServer({ DATABASE_URL: db.url, ADMIN_API_KEY: ADMIN_KEY, PEOPLE_INDEX_INTERVAL_SECONDS: '0' }, 3919);
  const { api } = server;
  const bench = { key: 'bench' };
  try {
    console.log(`terms index complete after ${(await waitForTermsIndex(server, 'bench')).toFixed(0)} s`);
    const started = Date.now();
    const run = await ok(api.POST('/v1/networks/{key}/people-index', { params: { path: bench } }));
    const runSeconds = (Date.now() - started) / 1000;
    console.log(`people index: ${runSeconds.toFixed(1)} s ${JSON.stringify(run)}, server peak RSS ${server.peakRssMiB()} MiB`);

    const endpoints: [string, () => Promise<unknown>][] = [
      ['experts?topic=t7', () => ok(api.GET('/v1/experts', { params: { query: { topic: 't7' } } }))],
      ['animator-candidates', () => ok(api.GET('/v1/networks/{key}/animator-candidates', { params: { path: bench } }))],
      [
        'animator-candidates?department=D3',
        () => ok(api.GET('/v1/networks/{key}/animator-candidates', { params: { path: bench, query: { department: 'D3' } } })),
      ],
      ['animator-candidates?group=g7', () => ok(api.GET('/v1/networks/{key}/animator-candidates', { params: { path: bench, query: { group: 'g7' } } }))],
      [
        'animator-candidates (last quarter)',
        () =>
          ok(
            api.GET('/v1/networks/{key}/animator-candidates', {
              params: { path: bench, query: { from: '2026-08-01T00:00:00Z', to: '2026-11-01T00:00:00Z' } },
            }),
          ),
      ],
      [
        'expertise-coverage (1 y)',
        () =>
          ok(
            api.GET('/v1/networks/{key}/expertise-coverage', { params: { path: bench, query: { from: '2025-11-01T00:00:00Z', to: '2026-11-01T00:00:00Z' } } }),
          ),
      ],
      ['members/u1230/profile', () => ok(api.GET('/v1/members/{externalId}/profile', { params: { path: { externalId: 'u1230' } } }))],
      ['hr/interest-profiles (100)', () => ok(api.GET('/v1/hr/interest-profiles', { params: { query: { limit: 100 } } }))],
      ['hr/interest-map?by=department', () => ok(api.GET('/v1/hr/interest-map', { params: { query: { by: 'department' } } }))],
    ];
    const rows: Record<string, string | number>[] = [];
    for (const [label, call] of endpoints) {
      const reps = label.startsWith('hr/interest-map') ? Math.max(3, Math.floor(REPS / 5)) : REPS;
      const t = await timeIt(reps, call);
      rows.push({ endpoint: label, 'p50 ms': t.p50, 'p95 ms': t.p95 });
      console.log(formatTable(rows.slice(-1)));
    }
    // 3. a burst of replies, then how long until the index has read it
    const burstId = Date.now();
    let lastAck = 0;
    for (let request = 0; request < 20; request++) {
      const events = Array.from({ length: 100 }, (_, i) => ({
        type: 'activity' as const,
        externalId: `burst-${burstId}-${request}-${i}`,
        kind: 'reply' as const,
        author: `u${1 + ((request * 100 + i) % 500)}`,
        parent: `a${(request * 100 + i) * 10}`,
        occurredAt: new Date(Date.parse('2026-10-31T12:00:00Z') + request * 1000 + i).toISOString(),
        text: 'kubernetes upgrade answered',
      }));
      await ok(api.POST('/v1/networks/{key}/events', { params: { path: bench }, body: events }));
      lastAck = Date.now();
    }
    let followDelay = NaN;
    for (;;) {
      const page = await ok(api.GET('/v1/networks/{key}/animator-candidates', { params: { path: bench, query: { limit: 1 } } }));
      if (page.computedAt !== null && Date.parse(page.computedAt) > lastAck) {
        followDelay = (Date.now() - lastAck) / 1000;
        break;
      }
      if (Date.now() - lastAck > 600_000) break;
      await new Promise((r) => setTimeout(r, 250));
    }

    console.log(
      `\nPeople benchmark, ${n} events, ${new Date().toISOString()}, node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    console.log(
      `people index run: ${runSeconds.toFixed(1)} s (${run.contributions} contributions, ${run.threads} threads with a topic, ${run.membersWithInterests} members with interests, ${run.animatorCandidates} animator candidates); server peak RSS ${server.peakRssMiB()} MiB`,
    );
    console.log(`follows ingestion: the people figures reflected a burst ${followDelay.toFixed(1)} s after its last event was acknowledged\n`);
    console.log(formatTable(rows));
  } finally {
    await server.stop();
    if (process.env.BENCH_KEEP !== '1') await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
