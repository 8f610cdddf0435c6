/**
 * npm run bench:ingest [-- N]
 *
 * Ingests N generated events (default 1 000 000) through POST /v1/networks/{key}/events as one
 * streamed NDJSON body into the local PostgreSQL, then COPYs the same activity rows into a table of
 * the same shape (LIKE activities INCLUDING ALL: same indexes and constraints) on the same server,
 * and prints both side by side, plus the server's peak RSS for N/10 and N events (flat = streaming).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the
 * benchmark creates and drops its own databases there. BENCH_OBJECTIVES=1 first creates two business
 * objectives (10 keywords, two of which every text holds), so the SPEC §3.6 matching done at
 * ingestion is part of what is measured.
 */
import http from 'node:http';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { ApiClient } from '../src/client';
import { freshDatabase, formatTable, ok, startServer } from './support';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijkl';
const MEMBERS = 10_000;
const GROUPS = 100;

/** Deterministic event stream: members, groups, then threads (20% roots, 50% replies, 30% reactions). */
function* events(n: number): Generator<Record<string, unknown>> {
  const members = Math.min(MEMBERS, Math.max(1, Math.floor(n / 20)));
  for (let i = 0; i < members; i++) yield { type: 'member', externalId: `u${i}`, displayName: `Member ${i}`, department: `D${i % 12}`, site: `S${i % 5}` };
  for (let g = 0; g < GROUPS; g++)
    yield { type: 'group', externalId: `g${g}`, name: `Group ${g}`, visibility: g % 10 === 0 ? 'confidential' : 'public', leaders: [`u${g % members}`] };
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < n - members - GROUPS; i++) {
    const r = (i * 2654435761) % 100;
    const kind = i < 10 || r < 20 ? (r % 2 ? 'question' : 'post') : r < 70 ? 'reply' : 'reaction';
    const parent = kind === 'post' || kind === 'question' ? undefined : `a${Math.max(0, i - 1 - ((i * 7919) % 500))}`;
    yield {
      type: 'activity',
      externalId: `a${i}`,
      kind,
      author: `u${(i * 31) % members}`,
      group: `g${i % GROUPS}`,
      ...(parent ? { parent } : {}),
      occurredAt: new Date(start + i * 1000).toISOString(),
      ...(kind === 'reaction' ? {} : { text: `Message ${i} about vpn quota and cloud costs`, tags: [`t${i % 40}`] }),
    };
  }
}

async function ingestOverHttp(baseUrl: string, network: string, n: number): Promise<{ seconds: number; report: Record<string, unknown> }> {
  const started = process.hrtime.bigint();
  const body = Readable.from(
    (function* () {
      let batch: string[] = [];
      for (const e of events(n)) {
        batch.push(JSON.stringify(e));
        if (batch.length === 500) {
          yield batch.join('\n') + '\n';
          batch = [];
        }
      }
      if (batch.length) yield batch.join('\n') + '\n';
    })(),
  );
  const url = new URL(`${baseUrl}/v1/networks/${network}/events`);
  const report = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/x-ndjson' } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    body.pipe(req);
  });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, report };
}

async function copyBaseline(url: string, n: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE bench_copy (LIKE activities INCLUDING ALL)');
  const [{ id: networkId }] = (await client.query(`SELECT id FROM networks WHERE key = 'bench-copy'`)).rows;
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const started = process.hrtime.bigint();
  const rows = Readable.from(
    (function* () {
      let id = 0;
      let buf = '';
      for (const e of events(n)) {
        if (e.type !== 'activity') continue;
        id++;
        const tags = e.tags ? `{${(e.tags as string[]).join(',')}}` : '\\N';
        buf +=
          [
            networkId,
            id,
            esc(e.externalId as string),
            e.kind,
            (Number(String(e.author).slice(1)) || 0) + 1,
            Number(String(e.group).slice(1)) + 1,
            e.parent ? esc(e.parent as string) : '\\N',
            e.occurredAt,
            e.text ? esc(e.text as string) : '\\N',
            tags,
          ].join('\t') + '\n';
        if (id % 500 === 0) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    })(),
  );
  await pipeline(
    rows,
    client.query(copyFrom('COPY bench_copy (network_id, id, external_id, kind, author_id, group_id, parent_external_id, occurred_at, text, tags) FROM STDIN')),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.end();
  return seconds;
}

/** Two objectives whose keywords the generated texts ("… about vpn quota and cloud costs") partly match. */
async function createObjectives(api: ApiClient): Promise<void> {
  const objectives = {
    'bench-network': ['vpn', 'quota', 'réseau', 'bande passante', 'wifi'],
    'bench-cloud': ['cloud', 'cloud costs', 'stockage', 'sauvegarde', 'kubernetes'],
  };
  for (const [key, terms] of Object.entries(objectives)) {
    const { response, error } = await api.PUT('/v1/objectives/{key}', {
      params: { path: { key } },
      body: { name: key, networks: ['bench'], keywords: terms.map((term) => ({ term, weight: 1 })) },
    });
    if (response.status !== 201) throw new Error(`objective ${key}: ${response.status} ${JSON.stringify(error)}`);
  }
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 1_000_000);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const rows: Record<string, string | number>[] = [];

  for (const size of [Math.round(n / 10), n]) {
    const db = await freshDatabase(adminUrl, `cno_bench_ingest_${size}`);
    const server = await startServer({ DATABASE_URL: db.url, ADMIN_API_KEY: ADMIN_KEY }, 3917);
    try {
      for (const key of ['bench', 'bench-copy']) {
        await ok(server.api.POST('/v1/networks', { body: { key, name: key } }));
      }
      if (process.env.BENCH_OBJECTIVES === '1') await createObjectives(server.api);
      const { seconds, report } = await ingestOverHttp(server.baseUrl, 'bench', size);
      if (report.received !== size || (report.rejected as unknown[]).length > 0) throw new Error(`unexpected report ${JSON.stringify(report).slice(0, 500)}`);
      const rss = server.peakRssMiB();
      const activities = size - Math.min(MEMBERS, Math.max(1, Math.floor(size / 20))) - GROUPS;
      const copySeconds = await copyBaseline(db.url, size);
      rows.push(
        {
          method: 'POST /events (NDJSON stream)',
          events: size,
          seconds: seconds.toFixed(1),
          'events/s': Math.round(size / seconds),
          'vs COPY': (copySeconds / activities / (seconds / size)).toFixed(2),
          'server peak RSS MiB': rss,
        },
        {
          method: 'COPY activity rows (baseline)',
          events: activities,
          seconds: copySeconds.toFixed(1),
          'events/s': Math.round(activities / copySeconds),
          'vs COPY': '1.00',
          'server peak RSS MiB': '-',
        },
      );
      console.log(formatTable(rows.slice(-2)));
    } finally {
      await server.stop();
      await db.drop();
    }
  }
  console.log(`\nIngestion benchmark, ${new Date().toISOString()}, node ${process.version}\n`);
  console.log(formatTable(rows));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
