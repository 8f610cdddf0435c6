import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, freshServerDatabase, killServers, ServerProcess, sleep, startServer, stopServer } from '../support/server-process';

/**
 * Crash durability of bulk ingestion (SPEC §2: "a 200 means durably stored"; README "Durable 200":
 * records are committed in transactions of INGEST_CHUNK_SIZE, a connection cut mid-stream leaves
 * whole chunks stored, re-sending the body completes it idempotently).
 *
 * The real built server (dist/src/main.js) runs as a child process — on PGlite with a fresh
 * DATA_DIR, or on a fresh database of the server named by DATABASE_URL — and is SIGKILLed while an
 * NDJSON stream of 30 000 activities is being read (after some chunks were committed, while the
 * client still holds back the end of the body, so the request is certainly mid-stream). It is then
 * restarted on the same data and everything is checked through the HTTP API only.
 *
 * The service acknowledges only at the end of a request (no per-chunk progress is streamed back),
 * so the property checked after the crash is: the stored activities are exactly the first k whole
 * chunks of the stream (k × INGEST_CHUNK_SIZE records, or all of them), each stored once with the
 * content that was sent, at least as many as a reader had already seen committed before the kill,
 * and every indicator (trigger-maintained rollups) agrees with them. Separately, a request answered
 * 200 before the crash must have survived it whole. Re-sending the whole stream afterwards must
 * yield exactly 30 000 activities, the ones already stored coming back as duplicates.
 */

jest.setTimeout(120_000);

const ADMIN_KEY = 'crash-durability-admin-key-0123456789';
const CHUNK = 1000; // INGEST_CHUNK_SIZE given to the server
const TOTAL = 30_000; // activities in the stream (30 chunks)
const MEMBERS = 500;
const DAYS = 60;
const EPOCH = Date.UTC(2026, 0, 1); // window [2026-01-01, 2026-03-02), UTC (the network's default time zone)
const WINDOW = { from: '2026-01-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
/** Kill once a reader has seen at least this many activities committed. */
const KILL_AFTER_RECORDS = 5 * CHUNK;
/** The client never sends more than this before the kill, so the request cannot have ended. */
const HOLD_BACK_AT = TOTAL - 2 * CHUNK;

// ---------------------------------------------------------------------------------------------
// The stream: 3 000 blocks of 10 activities (one block = two small threads), chunk-aligned.
//   p0 post        p1 post (never answered)   p2 post   p3 post
//   p4 question (answered by p7, resolved by p9)        p5 question (never answered)
//   p6 reply → p0 (+30 min)   p7 reply → p4 (+15 min after it)
//   p8 reaction → p6 (root p0)   p9 accept → p7 (root p4)
// ---------------------------------------------------------------------------------------------

const KINDS = ['post', 'post', 'post', 'post', 'question', 'question', 'reply', 'reply', 'reaction', 'accept'] as const;
const PARENT_OFFSET = [0, 0, 0, 0, 0, 0, 6, 3, 2, 2];
const ROOT_OFFSET = [0, 0, 0, 0, 0, 0, 6, 3, 8, 5];

const extId = (i: number) => `a${i}`;
const author = (i: number) => `cu${(i * 7) % MEMBERS}`;
const dayOf = (i: number) => Math.floor(i / 10) % DAYS;
const timeOf = (i: number) => EPOCH + dayOf(i) * 86_400_000 + Math.floor(Math.floor(i / 10) / DAYS) * 20 * 60_000 + (i % 10) * 5 * 60_000;

interface ExpectedActivity {
  externalId: string;
  kind: string;
  author: string;
  group: null;
  parent: string | null;
  root: string;
  occurredAt: string;
  text: string | null;
  tags: null;
  reaction: string | null;
}

function expectedActivity(i: number): ExpectedActivity {
  const p = i % 10;
  const kind = KINDS[p];
  return {
    externalId: extId(i),
    kind,
    author: author(i),
    group: null,
    parent: PARENT_OFFSET[p] ? extId(i - PARENT_OFFSET[p]) : null,
    root: extId(i - ROOT_OFFSET[p]),
    occurredAt: new Date(timeOf(i)).toISOString(),
    text: kind === 'reaction' || kind === 'accept' ? null : `message ${i}`,
    tags: null,
    reaction: kind === 'reaction' ? 'like' : null,
  };
}

function recordLine(i: number): string {
  const a = expectedActivity(i);
  const record: Record<string, unknown> = { type: 'activity', externalId: a.externalId, kind: a.kind, author: a.author, occurredAt: a.occurredAt };
  if (a.parent !== null) record.parent = a.parent;
  if (a.text !== null) record.text = a.text;
  if (a.reaction !== null) record.reaction = a.reaction;
  return JSON.stringify(record) + '\n';
}

const LINES = Array.from({ length: TOTAL }, (_, i) => recordLine(i));

const memberLines = Array.from(
  { length: MEMBERS },
  (_, k) =>
    JSON.stringify({
      type: 'member',
      externalId: `cu${k}`,
      displayName: `Member ${k}`,
      department: k % 2 ? 'Sales' : 'R&D',
      joinedAt: '2025-06-01T00:00:00Z',
    }) + '\n',
);

type Counts = {
  posts: number;
  questions: number;
  replies: number;
  reactions: number;
  shares: number;
  accepts: number;
  contributions: number;
  activeMembers: number;
  contributors: number;
};

/** The SPEC §3.1 counts of the activities with these stream indexes. */
function countsOf(indexes: number[]): Counts {
  const c: Counts = { posts: 0, questions: 0, replies: 0, reactions: 0, shares: 0, accepts: 0, contributions: 0, activeMembers: 0, contributors: 0 };
  const active = new Set<string>();
  const contributors = new Set<string>();
  for (const i of indexes) {
    const kind = KINDS[i % 10];
    const field = ({ post: 'posts', question: 'questions', reply: 'replies', reaction: 'reactions', accept: 'accepts' } as const)[kind];
    c[field]++;
    active.add(author(i));
    if (kind === 'post' || kind === 'question' || kind === 'reply') {
      c.contributions++;
      contributors.add(author(i));
    }
  }
  c.activeMembers = active.size;
  c.contributors = contributors.size;
  return c;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Totals, daily series and responsiveness expected when exactly the first `stored` records are stored. */
function expectedIndicators(stored: number) {
  const all = range(stored);
  const series = range(DAYS).map((d) => ({ start: new Date(EPOCH + d * 86_400_000).toISOString(), ...countsOf(all.filter((i) => dayOf(i) === d)) }));
  const blocks = stored / 10; // whole chunks are whole blocks
  const unansweredCutoff = Date.parse(WINDOW.to) - 48 * 3600_000;
  const responded = blocks * 2; // p0 (first response after 1 800 s) and p4 (900 s)
  return {
    totals: { ...countsOf(all), members: MEMBERS },
    series,
    responsiveness: {
      roots: blocks * 6,
      respondedRoots: responded,
      questions: blocks * 2,
      resolvedQuestions: blocks,
      unansweredQuestions: all.filter((i) => i % 10 === 5 && timeOf(i) < unansweredCutoff).length,
      meanTimeToFirstResponse: responded ? 1350 : null,
      medianTimeToResolution: blocks ? 900 : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The server as a child process (test/support/server-process.ts)
// ---------------------------------------------------------------------------------------------

type Server = ServerProcess;

/** The server on `storage` (DATA_DIR or DATABASE_URL), committing ingestion in chunks of CHUNK records, with no NDJSON size limit. */
function start(storage: Record<string, string>): Promise<Server> {
  return startServer({ ADMIN_API_KEY: ADMIN_KEY, INGEST_CHUNK_SIZE: String(CHUNK), NDJSON_MAX_BYTES: '0', ...storage });
}

async function ok(server: Server, path: string): Promise<any> {
  const res = await api(server, 'GET', path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every page of a list endpoint, in order. */
async function allPages<T>(server: Server, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await ok(server, `${path}?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const windowQuery = `from=${encodeURIComponent(WINDOW.from)}&to=${encodeURIComponent(WINDOW.to)}`;
const activityIndicators = (server: Server, key: string) => ok(server, `/v1/networks/${key}/indicators/activity?${windowQuery}&granularity=day`);
const responsivenessIndicators = (server: Server, key: string) => ok(server, `/v1/networks/${key}/indicators/responsiveness?${windowQuery}`);

/** Activities a reader sees committed (indicator totals, every kind). */
async function committedActivities(server: Server, key: string): Promise<number> {
  const { totals } = await activityIndicators(server, key);
  return totals.posts + totals.questions + totals.replies + totals.reactions + totals.shares + totals.accepts;
}

/** The index of each stored activity in the stream; fails on an id the stream never had. */
function streamIndex(externalId: string): number {
  const m = /^a(\d+)$/.exec(externalId);
  if (!m || Number(m[1]) >= TOTAL || extId(Number(m[1])) !== externalId) throw new Error(`unexpected stored activity ${externalId}`);
  return Number(m[1]);
}

// ---------------------------------------------------------------------------------------------

describe('crash durability of NDJSON ingestion (real server, SIGKILL mid-stream)', () => {
  const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const networkKey = `crash-${Date.now().toString(36)}`;
  let storage: Record<string, string>;
  let dataDir: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: Server | undefined;

  // filled by the crash step, read by the checks after the restart
  let crashed = false;
  let linesSent = 0;
  let seenCommittedBeforeKill = 0;
  let stored = -1;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const db = await freshServerDatabase(`crash_durability_${process.pid}_${Date.now().toString(36)}`);
      storage = { DATABASE_URL: db.url };
      dropDatabase = db.drop;
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'cno-crash-'));
      storage = { DATA_DIR: dataDir };
    }
  });

  afterAll(async () => {
    await killServers();
    if (dropDatabase) await dropDatabase();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`[${mode}] is SIGKILLed mid-stream after some chunks of a 30 000-record NDJSON ingest were committed`, async () => {
    server = await start(storage);

    const created = await api(server, 'POST', '/v1/networks', { json: { key: networkKey, name: 'Crash durability' } });
    expect(created.status).toBe(201);
    // A fully acknowledged request before the crash: its 200 promises durability.
    const members = await api(server, 'POST', `/v1/networks/${networkKey}/events`, { ndjson: memberLines.join('') });
    expect(members).toEqual({ status: 200, body: { received: MEMBERS, inserted: MEMBERS, updated: 0, duplicates: 0, rejected: [] } });
    expect(await committedActivities(server, networkKey)).toBe(0);

    // The stream, through a raw chunked request that the test controls.
    const req = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: `/v1/networks/${networkKey}/events`,
      agent: false,
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/x-ndjson' }, // chunked: no Content-Length
    });
    const outcome = new Promise<string>((done) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => done(`response ${res.statusCode} ${body}`));
        res.on('error', (e) => done(`response error ${e.message}`));
      });
      req.on('error', (e) => done(`request error ${e.message}`));
    });
    /** Writes a part of the body, waiting for the socket to drain (or the request to end) when its buffer is full. */
    const write = (chunk: string) =>
      new Promise<void>((done) => {
        if (req.write(chunk)) return done();
        const finish = () => {
          req.off('drain', finish);
          req.off('close', finish);
          done();
        };
        req.on('drain', finish);
        req.on('close', finish);
      });

    let killed = false;
    let writeError: unknown;
    const writer = (async () => {
      try {
        while (!killed) {
          if (linesSent < HOLD_BACK_AT) {
            const from = linesSent;
            linesSent = Math.min(from + 100, HOLD_BACK_AT); // counted as sent once handed to the socket
            await write(LINES.slice(from, linesSent).join(''));
            await sleep(2);
          } else {
            await sleep(20); // hold the end of the body back until the kill
          }
        }
      } catch (error) {
        if (!killed) writeError = error;
      }
    })();

    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const seen = await committedActivities(server, networkKey);
      expect(seen).toBeLessThanOrEqual(linesSent); // nothing is committed before it was sent
      seenCommittedBeforeKill = Math.max(seenCommittedBeforeKill, seen);
      if (seen >= KILL_AFTER_RECORDS) break;
      await sleep(50);
    }
    killed = true;
    server.child.kill('SIGKILL');
    const exit = await server.exited;
    crashed = true;
    req.destroy();
    await writer;

    expect(writeError).toBeUndefined();
    expect(exit.signal).toBe('SIGKILL');
    expect(seenCommittedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_RECORDS);
    // the request was mid-stream: its body was never complete, so it was never acknowledged
    expect(linesSent).toBeLessThan(TOTAL);
    expect(await outcome).not.toMatch(/^response 200/);
  });

  it(`[${mode}] restarts on the same data; the network and the request answered 200 before the crash are intact`, async () => {
    expect(crashed).toBe(true);
    server = await start(storage);

    const network = await ok(server, `/v1/networks/${networkKey}`);
    expect(network).toMatchObject({ key: networkKey, name: 'Crash durability' });

    const members = await allPages<{ externalId: string; displayName: string | null; department: string | null; placeholder: boolean }>(
      server,
      `/v1/networks/${networkKey}/members`,
    );
    expect(members.length).toBe(MEMBERS);
    expect(new Set(members.map((m) => m.externalId)).size).toBe(MEMBERS);
    for (const m of members) {
      const k = Number(m.externalId.slice(2));
      expect(m).toMatchObject({ externalId: `cu${k}`, displayName: `Member ${k}`, department: k % 2 ? 'Sales' : 'R&D', placeholder: false });
    }
  });

  it(`[${mode}] after the restart the stored activities are whole chunks, a prefix of the stream, each exactly once`, async () => {
    expect(server).toBeDefined();
    const items = await allPages<ExpectedActivity>(server!, `/v1/networks/${networkKey}/activities`);
    const ids = items.map((a) => a.externalId);
    const duplicates = ids.filter((id, n) => ids.indexOf(id) !== n);
    expect(duplicates).toEqual([]);

    stored = items.length;
    const chunksStored = stored / CHUNK;
    // whole chunks only (never a half-applied transaction) ...
    expect({ stored, wholeChunks: Number.isInteger(chunksStored) || stored === TOTAL }).toEqual({ stored, wholeChunks: true });
    // ... at least every record a reader saw committed before the kill, at most what was sent
    expect(stored).toBeGreaterThanOrEqual(seenCommittedBeforeKill);
    expect(stored).toBeLessThanOrEqual(linesSent);

    // prefix-closed: exactly the records 0 … stored−1 of the stream, as they were sent
    const indexes = ids.map(streamIndex).sort((a, b) => a - b);
    expect(indexes).toEqual(range(stored));
    const byId = new Map(items.map((a) => [a.externalId, a]));
    const mismatched = range(stored).filter((i) => JSON.stringify(byId.get(extId(i))) !== JSON.stringify({ ...byId.get(extId(i)), ...expectedActivity(i) }));
    expect(mismatched.slice(0, 5).map((i) => ({ stored: byId.get(extId(i)), sent: expectedActivity(i) }))).toEqual([]);
  });

  it(`[${mode}] after the restart the indicators agree with the stored activities`, async () => {
    expect(stored).toBeGreaterThanOrEqual(0);
    const expected = expectedIndicators(stored);

    const activity = await activityIndicators(server!, networkKey);
    expect(activity.totals).toMatchObject(expected.totals);
    expect(activity.series).toEqual(expected.series);

    const responsiveness = await responsivenessIndicators(server!, networkKey);
    expect(responsiveness).toMatchObject(expected.responsiveness);
  });

  it(`[${mode}] re-sending the whole stream completes it: 30 000 activities, the stored ones as duplicates`, async () => {
    expect(stored).toBeGreaterThanOrEqual(0);
    const res = await api(server!, 'POST', `/v1/networks/${networkKey}/events`, { ndjson: LINES.join('') });
    expect(res).toEqual({ status: 200, body: { received: TOTAL, inserted: TOTAL - stored, updated: 0, duplicates: stored, rejected: [] } });

    const items = await allPages<ExpectedActivity>(server!, `/v1/networks/${networkKey}/activities`);
    expect(items.length).toBe(TOTAL);
    expect(items.map((a) => streamIndex(a.externalId)).sort((a, b) => a - b)).toEqual(range(TOTAL));
    const mismatched = items.filter((a) => JSON.stringify(a) !== JSON.stringify({ ...a, ...expectedActivity(streamIndex(a.externalId)) }));
    expect(mismatched.slice(0, 5)).toEqual([]);

    const expected = expectedIndicators(TOTAL);
    const activity = await activityIndicators(server!, networkKey);
    expect(activity.totals).toMatchObject(expected.totals);
    expect(activity.series).toEqual(expected.series);
    expect(await responsivenessIndicators(server!, networkKey)).toMatchObject(expected.responsiveness);

    await stopServer(server!);
  });
});
