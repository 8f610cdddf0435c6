import type { Response } from 'supertest';
import {
  IngestionReport as Report,
  ingest,
  newActivity,
  newGroup,
  newMember,
  newMembership,
  newNetwork,
  RawRecord,
  toNdjson,
  uniqueKey,
} from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * The per-line report of POST /v1/networks/{key}/events (SPEC §2) and the single-record
 * conveniences, end to end through HTTP on a real database. Every report is checked against the
 * invariant inserted + updated + duplicates + rejected.length = received.
 */

const T0 = '2026-03-02T10:15:00+01:00';
const auth = (apiKey = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${apiKey}` });

/** A 200 ingestion report that satisfies the counting invariant. */
function report(res: Response): Report {
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.body as Report;
  expect(Object.keys(body).sort()).toEqual(['duplicates', 'inserted', 'received', 'rejected', 'updated']);
  for (const n of [body.received, body.inserted, body.updated, body.duplicates]) expect(Number.isInteger(n) && n >= 0).toBe(true);
  expect(Array.isArray(body.rejected)).toBe(true);
  expect(body.inserted + body.updated + body.duplicates + body.rejected.length).toBe(body.received);
  for (const r of body.rejected) {
    expect(Number.isInteger(r.line) && r.line >= 1).toBe(true);
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(0);
    if ('externalId' in r) expect(typeof r.externalId).toBe('string');
  }
  return body;
}

/** Just the counts, for exact comparisons. */
const counts = (r: Report) => ({ received: r.received, inserted: r.inserted, updated: r.updated, duplicates: r.duplicates, rejected: r.rejected.length });

/** A 400 validation problem whose `errors` name every given path. */
function expectValidation(res: Response, paths: string[]): void {
  const body = expectProblem(res, 400);
  const errors = body.errors as { path: string; message: string }[];
  expect(Array.isArray(errors)).toBe(true);
  for (const e of errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
  }
  expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(paths));
}

function postNdjson(t: TestApp, networkKey: string, body: string | Buffer, apiKey = TEST_ADMIN_KEY) {
  return t.http().post(`/v1/networks/${networkKey}/events`).set(auth(apiKey)).set('Content-Type', 'application/x-ndjson').send(body);
}

/** Walks a list route to its end with the given page size; returns the items and the number of pages. */
async function walk(t: TestApp, path: string, limit: number, apiKey = TEST_ADMIN_KEY): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: Response = await t
      .http()
      .get(path)
      .query(cursor === null ? { limit } : { limit, cursor })
      .set(auth(apiKey));
    expect({ path, status: res.status, body: res.body }).toMatchObject({ status: 200 });
    expect(Array.isArray(res.body.items)).toBe(true);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    expect(cursor === null || typeof cursor === 'string').toBe(true);
    pages++;
    if (pages > 10_000) throw new Error(`pagination of ${path} does not end`);
  } while (cursor !== null);
  return { items, pages };
}

const activityIds = async (t: TestApp, key: string, apiKey = TEST_ADMIN_KEY) =>
  (await walk(t, `/v1/networks/${key}/activities`, 1000, apiKey)).items.map((a) => a.externalId as string).sort();

async function storedActivity(t: TestApp, key: string, externalId: string): Promise<Record<string, unknown> | undefined> {
  const rows = await t.db.query(
    `SELECT a.external_id, a.kind, a.text, a.deleted_at IS NOT NULL AS deleted FROM activities a JOIN networks n ON n.id = a.network_id WHERE n.key = $1 AND a.external_id = $2`,
    [key, externalId],
  );
  return rows[0];
}

async function activityCount(t: TestApp, key: string): Promise<number> {
  const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM activities a JOIN networks n2 ON n2.id = a.network_id WHERE n2.key = $1`, [key]);
  return n;
}

describe('POST /v1/networks/{key}/events: the per-line report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NDJSON_MAX_LINE_BYTES: '2048' });
  });
  afterAll(() => t.close());

  describe('a mixed batch keeps the good records and reports each bad one with its line', () => {
    it('NDJSON: exact line numbers, blank lines skipped but numbered, CRLF and a last line without newline', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const J = (r: unknown) => JSON.stringify(r);
      const lines: (string | Buffer)[] = [
        /* 1 */ J(newMember(`${p}u1`, { displayName: 'Ana', department: 'R&D' })),
        /* 2 */ '{"type":"member","externalId":',
        /* 3 */ J(newMember(`${p}u2`, { favouriteColour: 'red' })),
        /* 4 */ '',
        /* 5 */ J({ type: 'robot', externalId: 'r1' }),
        /* 6 */ J({ type: 'member', externalId: `${p}u3` }),
        /* 7 */ J(newGroup('g1', { leaders: [`${p}u1`] })),
        /* 8 */ J(newActivity('bad-date', 'post', `${p}u1`, '2026-06-31T10:00:00Z')),
        /* 9 */ J(newActivity('no-offset', 'post', `${p}u1`, '2026-03-02T10:15:00')),
        /* 10 */ J(newActivity('orphan-reply', 'reply', `${p}u1`, T0)),
        /* 11 */ J(newActivity('post-with-parent', 'post', `${p}u1`, T0, { parent: 'a1' })),
        /* 12 */ J(newActivity('selfie', 'reply', `${p}u1`, T0, { parent: 'selfie' })),
        /* 13 */ '   \t ',
        /* 14 */ J(newActivity('nul-text', 'post', `${p}u1`, T0, { text: 'a\u0000b' })),
        /* 15 */ J(newActivity('too-long', 'post', `${p}u1`, T0, { text: 'x'.repeat(3000) })),
        /* 16 */ Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        /* 17 */ J(newActivity('a1', 'post', `${p}u1`, T0, { group: 'g1', text: 'Bonjour', tags: ['hello'] })),
        /* 18 */ '[1,2]',
        /* 19 */ 'null',
        /* 20 */ J(newActivity('a2', 'reply', `${p}u1`, '2026-03-02T10:20:00+01:00', { group: 'g1', parent: 'a1', text: 'Salut' })) + '\r',
        /* 21 */ '',
        /* 22 */ J(newMembership('g1', `${p}u1`, { role: 'member', joinedAt: '2026-01-05T09:00:00Z' })),
      ];
      expect(J(newActivity('too-long', 'post', `${p}u1`, T0, { text: 'x'.repeat(3000) })).length).toBeGreaterThan(2048);
      const body = Buffer.concat(
        lines.flatMap((l, i) => [Buffer.isBuffer(l) ? l : Buffer.from(l, 'utf8'), ...(i < lines.length - 1 ? [Buffer.from('\n')] : [])]),
      );

      const r = report(await postNdjson(t, key, body));
      expect(counts(r)).toEqual({ received: 19, inserted: 5, updated: 0, duplicates: 0, rejected: 14 });
      expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19]);
      const at = (line: number) => r.rejected.find((x) => x.line === line) as Report['rejected'][number];
      expect(at(2).error).toMatch(/JSON/i);
      expect(at(3)).toMatchObject({ externalId: `${p}u2`, error: expect.stringMatching(/favouriteColour/) });
      expect(at(5)).toMatchObject({ externalId: 'r1', error: expect.stringMatching(/type/) });
      expect(at(6)).toMatchObject({ externalId: `${p}u3`, error: expect.stringMatching(/displayName/) });
      expect(at(8)).toMatchObject({ externalId: 'bad-date', error: expect.stringMatching(/occurredAt/) });
      expect(at(9)).toMatchObject({ externalId: 'no-offset', error: expect.stringMatching(/occurredAt/) });
      expect(at(10)).toMatchObject({ externalId: 'orphan-reply', error: expect.stringMatching(/parent/) });
      expect(at(11)).toMatchObject({ externalId: 'post-with-parent', error: expect.stringMatching(/parent/) });
      expect(at(12)).toMatchObject({ externalId: 'selfie', error: expect.stringMatching(/parent/) });
      expect(at(14)).toMatchObject({ externalId: 'nul-text', error: expect.stringMatching(/NUL/i) });
      expect(at(15).error).toMatch(/2048/);
      expect(at(16).error).toMatch(/UTF-8/i);
      expect(at(18).error).toMatch(/object/i);
      expect(at(19).error).toMatch(/object/i);
      // no error text leaks internals
      for (const x of r.rejected) expect(x.error).not.toMatch(/SELECT|INSERT INTO|node_modules|\.ts:\d+|\bat \S+ \(/);

      // the good records of the same request are stored, the bad ones are not
      const activities = (await walk(t, `/v1/networks/${key}/activities`, 1000)).items;
      expect(activities.map((a) => a.externalId).sort()).toEqual(['a1', 'a2']);
      expect(activities.find((a) => a.externalId === 'a1')).toMatchObject({
        kind: 'post',
        author: `${p}u1`,
        group: 'g1',
        text: 'Bonjour',
        tags: ['hello'],
        occurredAt: '2026-03-02T09:15:00.000Z',
        root: 'a1',
      });
      expect(activities.find((a) => a.externalId === 'a2')).toMatchObject({
        kind: 'reply',
        parent: 'a1',
        root: 'a1',
        text: 'Salut',
        occurredAt: '2026-03-02T09:20:00.000Z',
      });
      expect(await activityCount(t, key)).toBe(2);
      const members = (await walk(t, `/v1/networks/${key}/members`, 1000)).items;
      expect(members.map((m) => m.externalId)).toEqual([`${p}u1`]);
      expect(members[0]).toMatchObject({ displayName: 'Ana', department: 'R&D', placeholder: false });
      const rejectedMembers = await t.db.query(`SELECT external_id FROM members WHERE external_id = ANY($1::text[])`, [[`${p}u2`, `${p}u3`]]);
      expect(rejectedMembers).toEqual([]);
      const groups = (await walk(t, `/v1/networks/${key}/groups`, 1000)).items;
      expect(groups).toEqual([expect.objectContaining({ externalId: 'g1', name: 'Group g1', visibility: 'public', leaders: [`${p}u1`], placeholder: false })]);
      const memberships = (await walk(t, `/v1/networks/${key}/memberships`, 1000)).items;
      expect(memberships).toEqual([expect.objectContaining({ group: 'g1', member: `${p}u1`, joinedAt: '2026-01-05T09:00:00.000Z' })]);
    });

    it('JSON array: `line` is the 1-based index in the array', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const records: unknown[] = [
        /* 1 */ newMember(`${p}v1`),
        /* 2 */ 'a string',
        /* 3 */ newMember(`${p}v2`, { nickname: 'vv' }),
        /* 4 */ newActivity('b1', 'question', `${p}v1`, T0, { text: 'Quel quota VPN ?' }),
        /* 5 */ newActivity('b-bad', 'post', `${p}v1`, '2026-02-30T10:00:00+01:00'),
        /* 6 */ null,
        /* 7 */ newActivity('b2', 'reply', `${p}v1`, T0, { parent: 'b1' }),
        /* 8 */ { type: 'membership', group: 'g1' },
        /* 9 */ newActivity('b3', 'reaction', `${p}v1`, T0, { parent: 'b2', reaction: 'like' }),
      ];
      const r = report(await ingest(t, key, records, { format: 'json' }));
      expect(counts(r)).toEqual({ received: 9, inserted: 4, updated: 0, duplicates: 0, rejected: 5 });
      expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 5, 6, 8]);
      expect(r.rejected.find((x) => x.line === 3)).toMatchObject({ externalId: `${p}v2`, error: expect.stringMatching(/nickname/) });
      expect(r.rejected.find((x) => x.line === 5)).toMatchObject({ externalId: 'b-bad', error: expect.stringMatching(/occurredAt/) });
      expect(r.rejected.find((x) => x.line === 8)?.error).toMatch(/member/);
      expect(await activityIds(t, key)).toEqual(['b1', 'b2', 'b3']);
      const v1 = await t
        .http()
        .get(`/v1/members/${encodeURIComponent(`${p}v1`)}`)
        .set(auth());
      expect(v1.status).toBe(200);
      expect(v1.body).toMatchObject({ externalId: `${p}v1`, placeholder: false });
    });

    it('an empty body and a body of blank lines receive nothing', async () => {
      const key = await newNetwork(t);
      expect(counts(report(await postNdjson(t, key, '')))).toEqual({ received: 0, inserted: 0, updated: 0, duplicates: 0, rejected: 0 });
      expect(counts(report(await postNdjson(t, key, '\n\n  \n\r\n')))).toEqual({ received: 0, inserted: 0, updated: 0, duplicates: 0, rejected: 0 });
      expect(counts(report(await ingest(t, key, [], { format: 'json' })))).toEqual({ received: 0, inserted: 0, updated: 0, duplicates: 0, rejected: 0 });
    });
  });

  describe('NDJSON line limits (NDJSON_MAX_LINE_BYTES = 2048 here)', () => {
    /** An activity line of exactly `bytes` UTF-8 bytes, padded with two-byte characters. */
    function lineOfBytes(externalId: string, author: string, bytes: number): string {
      const base = JSON.stringify(newActivity(externalId, 'post', author, T0, { text: '' }));
      const need = bytes - Buffer.byteLength(base);
      const line = JSON.stringify(newActivity(externalId, 'post', author, T0, { text: 'é'.repeat(Math.floor(need / 2)) + (need % 2 ? 'x' : '') }));
      expect(Buffer.byteLength(line)).toBe(bytes);
      return line;
    }

    it('counts bytes, not characters: 2048 bytes is accepted (also before CRLF), 2049 is rejected', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const body = [
        lineOfBytes('ok', `${p}u`, 2048),
        lineOfBytes('over', `${p}u`, 2049),
        lineOfBytes('crlf', `${p}u`, 2048) + '\r',
        lineOfBytes('over2', `${p}u`, 2050),
      ].join('\n');
      const r = report(await postNdjson(t, key, body, TEST_ADMIN_KEY));
      expect(counts(r)).toEqual({ received: 4, inserted: 2, updated: 0, duplicates: 0, rejected: 2 });
      expect(r.rejected.map((x) => x.line)).toEqual([2, 4]);
      expect(await activityIds(t, key)).toEqual(['crlf', 'ok']);
    });

    it('lines spanning the chunks of a large streamed body keep their numbers and limits', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const lines: string[] = [];
      const expectedRejected: number[] = [];
      const expectedIds: string[] = [];
      for (let i = 1; i <= 300; i++) {
        if (i % 7 === 0) {
          lines.push(lineOfBytes(`l${i}`, `${p}u`, 2049 + (i % 3) * 500));
          expectedRejected.push(i);
        } else if (i % 11 === 0) {
          lines.push('');
        } else {
          lines.push(lineOfBytes(`l${i}`, `${p}u`, 1500 + ((i * 37) % 548)));
          expectedIds.push(`l${i}`);
        }
      }
      const body = lines.join('\n') + '\n';
      expect(Buffer.byteLength(body)).toBeGreaterThan(256 * 1024);
      const r = report(await postNdjson(t, key, body, TEST_ADMIN_KEY));
      expect(r.rejected.map((x) => x.line)).toEqual(expectedRejected);
      expect(r.received).toBe(expectedIds.length + expectedRejected.length);
      expect(r.inserted).toBe(expectedIds.length);
      expect(await activityIds(t, key)).toEqual(expectedIds.sort());
    });

    it('accepts a charset parameter on the media type', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const ndjson = await t
        .http()
        .post(`/v1/networks/${key}/events`)
        .set(auth())
        .set('Content-Type', 'application/x-ndjson; charset=utf-8')
        .send(toNdjson([newActivity('cs1', 'post', `${p}u`, T0, { text: 'Ça marche' })]));
      expect(counts(report(ndjson))).toEqual({ received: 1, inserted: 1, updated: 0, duplicates: 0, rejected: 0 });
      const json = await t
        .http()
        .post(`/v1/networks/${key}/events`)
        .set(auth())
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify([newActivity('cs2', 'post', `${p}u`, T0)]));
      expect(counts(report(json))).toEqual({ received: 1, inserted: 1, updated: 0, duplicates: 0, rejected: 0 });
      expect((await t.http().get(`/v1/networks/${key}/activities/cs1`).set(auth())).body).toMatchObject({ text: 'Ça marche' });
    });
  });

  describe('idempotence: updates and duplicates', () => {
    it('re-sending a record: changed → updated, identical → duplicate, for every record type', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const batch = (v: string) => [
        newMember(`${p}u1`, { displayName: `Ana ${v}` }),
        newGroup('g1', { name: `Cloud ${v}` }),
        newMembership('g1', `${p}u1`, { role: v === 'v1' ? 'member' : 'leader' }),
        newActivity('c1', 'post', `${p}u1`, T0, { group: 'g1', text: `text ${v}` }),
      ];
      expect(counts(report(await ingest(t, key, batch('v1'))))).toEqual({ received: 4, inserted: 4, updated: 0, duplicates: 0, rejected: 0 });
      expect(counts(report(await ingest(t, key, batch('v1'))))).toEqual({ received: 4, inserted: 0, updated: 0, duplicates: 4, rejected: 0 });
      expect(counts(report(await ingest(t, key, batch('v1'), { format: 'json' })))).toEqual({
        received: 4,
        inserted: 0,
        updated: 0,
        duplicates: 4,
        rejected: 0,
      });
      expect(counts(report(await ingest(t, key, batch('v2'))))).toEqual({ received: 4, inserted: 0, updated: 4, duplicates: 0, rejected: 0 });
      expect(counts(report(await ingest(t, key, batch('v2'), { format: 'json' })))).toEqual({
        received: 4,
        inserted: 0,
        updated: 0,
        duplicates: 4,
        rejected: 0,
      });

      const activity = await t.http().get(`/v1/networks/${key}/activities/c1`).set(auth());
      expect(activity.body).toMatchObject({ externalId: 'c1', text: 'text v2' });
      const member = await t
        .http()
        .get(`/v1/members/${encodeURIComponent(`${p}u1`)}`)
        .set(auth());
      expect(member.body).toMatchObject({ displayName: 'Ana v2' });
      const group = await t.http().get(`/v1/networks/${key}/groups/g1`).set(auth());
      expect(group.body).toMatchObject({ name: 'Cloud v2' });
      const memberships = (await walk(t, `/v1/networks/${key}/memberships`, 10)).items;
      expect(memberships).toEqual([expect.objectContaining({ group: 'g1', member: `${p}u1`, role: 'leader' })]);
      // counts never double
      expect(await activityCount(t, key)).toBe(1);
    });

    it('a changed occurredAt written with another offset but the same instant is a duplicate', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      report(await ingest(t, key, [newActivity('z1', 'post', `${p}u1`, '2026-03-02T10:15:00+01:00')]));
      expect(counts(report(await ingest(t, key, [newActivity('z1', 'post', `${p}u1`, '2026-03-02T09:15:00Z')])))).toEqual({
        received: 1,
        inserted: 0,
        updated: 0,
        duplicates: 1,
        rejected: 0,
      });
      expect(counts(report(await ingest(t, key, [newActivity('z1', 'post', `${p}u1`, '2026-03-02T09:16:00Z')])))).toEqual({
        received: 1,
        inserted: 0,
        updated: 1,
        duplicates: 0,
        rejected: 0,
      });
    });

    it('the same key twice in one request: identical → the second is a duplicate', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const a = newActivity('d1', 'post', `${p}u1`, T0, { text: 'same' });
      const m = newMember(`${p}u9`, { displayName: 'Same' });
      for (const format of ['ndjson', 'json'] as const) {
        const k = format === 'json' ? await newNetwork(t) : key;
        const mm = format === 'json' ? newMember(`${p}u8`, { displayName: 'Same' }) : m;
        const r = report(await ingest(t, k, [a, mm, a, mm], { format }));
        expect({ format, counts: counts(r) }).toEqual({ format, counts: { received: 4, inserted: 2, updated: 0, duplicates: 2, rejected: 0 } });
        expect(await activityCount(t, k)).toBe(1);
      }
    });

    it('the same key twice in one request: changed → the second is an update and the later value is stored', async () => {
      for (const format of ['ndjson', 'json'] as const) {
        const key = await newNetwork(t);
        const p = uniqueKey('m') + ':';
        const r = report(
          await ingest(
            t,
            key,
            [
              newActivity('e1', 'post', `${p}u1`, T0, { text: 'first' }),
              newMember(`${p}u1`, { displayName: 'First name' }),
              newActivity('e1', 'post', `${p}u1`, T0, { text: 'second' }),
              newMember(`${p}u1`, { displayName: 'Second name' }),
              newActivity('e1', 'post', `${p}u1`, T0, { text: 'third' }),
            ],
            { format },
          ),
        );
        // e1: inserted, updated, updated; u1: inserted, then updated
        expect({ format, counts: counts(r) }).toEqual({ format, counts: { received: 5, inserted: 2, updated: 3, duplicates: 0, rejected: 0 } });
        const stored = await t.http().get(`/v1/networks/${key}/activities/e1`).set(auth());
        expect(stored.body).toMatchObject({ text: 'third' });
        const member = await t
          .http()
          .get(`/v1/members/${encodeURIComponent(`${p}u1`)}`)
          .set(auth());
        expect(member.body).toMatchObject({ displayName: 'Second name', placeholder: false });
        expect(await activityCount(t, key)).toBe(1);
      }
    });

    it('a chunk boundary does not change the outcome of a repeated key', async () => {
      // the app under test uses the default chunk size; 2 500 records span two chunks of 2 000
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const records: RawRecord[] = [];
      for (let i = 0; i < 2500; i++) records.push(newActivity(`k${i}`, 'post', `${p}u1`, T0, { text: `v${i}` }));
      records.push(newActivity('k10', 'post', `${p}u1`, T0, { text: 'changed' }), newActivity('k2400', 'post', `${p}u1`, T0, { text: 'v2400' }));
      const r = report(await ingest(t, key, records));
      expect(counts(r)).toEqual({ received: 2502, inserted: 2500, updated: 1, duplicates: 1, rejected: 0 });
      expect(await activityCount(t, key)).toBe(2500);
      expect(await storedActivity(t, key, 'k10')).toMatchObject({ text: 'changed' });
    });
  });

  describe('placeholders', () => {
    it('an unknown author becomes a placeholder that a later member record completes (counted as inserted)', async () => {
      const key = await newNetwork(t);
      const x = uniqueKey('m') + ':x';
      const path = `/v1/members/${encodeURIComponent(x)}`;
      expect(counts(report(await ingest(t, key, [newActivity('f1', 'post', x, T0)])))).toEqual({
        received: 1,
        inserted: 1,
        updated: 0,
        duplicates: 0,
        rejected: 0,
      });
      const before = await t.http().get(path).set(auth());
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ externalId: x, placeholder: true, displayName: null, department: null });

      const r = report(await ingest(t, key, [newMember(x, { displayName: 'Xavier', department: 'Ops' })]));
      expect(counts(r)).toEqual({ received: 1, inserted: 1, updated: 0, duplicates: 0, rejected: 0 });
      const after = await t.http().get(path).set(auth());
      expect(after.body).toMatchObject({ externalId: x, placeholder: false, displayName: 'Xavier', department: 'Ops' });
      // sending the completed member again is a duplicate
      expect(counts(report(await ingest(t, key, [newMember(x, { displayName: 'Xavier', department: 'Ops' })])))).toEqual({
        received: 1,
        inserted: 0,
        updated: 0,
        duplicates: 1,
        rejected: 0,
      });
    });

    it('an unknown member is a 404 problem', async () => {
      expectProblem(
        await t
          .http()
          .get(`/v1/members/${uniqueKey('nobody')}`)
          .set(auth()),
        404,
      );
    });
  });

  describe('deletions', () => {
    it('delete an existing activity → updated and gone; again → duplicate', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      report(await ingest(t, key, [newActivity('h1', 'post', `${p}u1`, T0), newActivity('h2', 'post', `${p}u1`, T0)]));
      expect(await activityIds(t, key)).toEqual(['h1', 'h2']);

      const del = { type: 'activity', externalId: 'h1', deleted: true };
      expect(counts(report(await ingest(t, key, [del])))).toEqual({ received: 1, inserted: 0, updated: 1, duplicates: 0, rejected: 0 });
      expect(await activityIds(t, key)).toEqual(['h2']);
      expectProblem(await t.http().get(`/v1/networks/${key}/activities/h1`).set(auth()), 404);
      expect(counts(report(await ingest(t, key, [del], { format: 'json' })))).toEqual({ received: 1, inserted: 0, updated: 0, duplicates: 1, rejected: 0 });
      // re-sending the activity itself does not resurrect it
      report(await ingest(t, key, [newActivity('h1', 'post', `${p}u1`, T0, { text: 'back?' })]));
      expect(await activityIds(t, key)).toEqual(['h2']);
    });

    it('delete an unknown id → inserted (tombstone); the activity arriving later stays invisible', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      expect(counts(report(await ingest(t, key, [{ type: 'activity', externalId: 'ghost', deleted: true }])))).toEqual({
        received: 1,
        inserted: 1,
        updated: 0,
        duplicates: 0,
        rejected: 0,
      });
      const late = report(await ingest(t, key, [newActivity('ghost', 'post', `${p}u1`, T0, { text: 'late' }), newActivity('alive', 'post', `${p}u1`, T0)]));
      expect(late.received).toBe(2);
      expect(late.rejected).toEqual([]);
      expect(await activityIds(t, key)).toEqual(['alive']);
      expectProblem(await t.http().get(`/v1/networks/${key}/activities/ghost`).set(auth()), 404);
      expect(await storedActivity(t, key, 'ghost')).toMatchObject({ deleted: true });
    });

    it('a deletion and its activity in the same request, in either order, leave it deleted', async () => {
      for (const order of ['activity first', 'deletion first']) {
        const key = await newNetwork(t);
        const p = uniqueKey('m') + ':';
        const pair = [newActivity('i1', 'post', `${p}u1`, T0), { type: 'activity', externalId: 'i1', deleted: true }];
        const r = report(await ingest(t, key, order === 'activity first' ? pair : [...pair].reverse()));
        expect({ order, received: r.received, rejected: r.rejected }).toEqual({ order, received: 2, rejected: [] });
        expect({ order, ids: await activityIds(t, key) }).toEqual({ order, ids: [] });
      }
    });

    it('a deletion carrying other fields, or deleted not true, is rejected', async () => {
      const key = await newNetwork(t);
      const r = report(
        await ingest(t, key, [
          { type: 'activity', externalId: 'j1', deleted: true, text: 'x' },
          { type: 'activity', externalId: 'j2', deleted: 'yes' },
          { type: 'activity', deleted: true },
        ]),
      );
      expect(r.rejected.map((x) => x.line)).toEqual([1, 2, 3]);
      expect(r.rejected[0]).toMatchObject({ externalId: 'j1' });
      expect(await activityCount(t, key)).toBe(0);
    });
  });

  describe('body errors: refused whole, as problem+json', () => {
    it('a JSON array over 10 000 records → 413 and nothing stored', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const records = Array.from({ length: 10_001 }, (_, i) => newActivity(`big${i}`, 'post', `${p}u1`, T0));
      expectProblem(await ingest(t, key, records, { format: 'json' }), 413);
      expect(await activityCount(t, key)).toBe(0);
      expect(await t.db.query(`SELECT 1 FROM members WHERE external_id = $1`, [`${p}u1`])).toEqual([]);
    });

    it('a JSON array of exactly 10 000 records is accepted', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const records = Array.from({ length: 10_000 }, (_, i) => newActivity(`big${i}`, 'post', `${p}u1`, T0));
      expect(counts(report(await ingest(t, key, records, { format: 'json' })))).toEqual({
        received: 10_000,
        inserted: 10_000,
        updated: 0,
        duplicates: 0,
        rejected: 0,
      });
      expect(await activityCount(t, key)).toBe(10_000);
    });

    it('a JSON body that is not an array → 400', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      expectProblem(
        await t
          .http()
          .post(`/v1/networks/${key}/events`)
          .set(auth())
          .send(newMember(`${p}u1`)),
        400,
      );
      expectProblem(await t.http().post(`/v1/networks/${key}/events`).set(auth()).set('Content-Type', 'application/json').send('"text"'), 400);
      expect(await t.db.query(`SELECT 1 FROM members WHERE external_id = $1`, [`${p}u1`])).toEqual([]);
    });

    it('Content-Type text/plain → 415', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const res = await t
        .http()
        .post(`/v1/networks/${key}/events`)
        .set(auth())
        .set('Content-Type', 'text/plain')
        .send(toNdjson([newMember(`${p}u1`)]));
      expectProblem(res, 415);
      expect(await t.db.query(`SELECT 1 FROM members WHERE external_id = $1`, [`${p}u1`])).toEqual([]);
    });

    it('a malformed JSON body → 400 problem+json', async () => {
      const key = await newNetwork(t);
      const res = await t
        .http()
        .post(`/v1/networks/${key}/events`)
        .set(auth())
        .set('Content-Type', 'application/json')
        .send('[{"type":"member","externalId":"u1",');
      expectProblem(res, 400);
      expect(await activityCount(t, key)).toBe(0);
    });

    it('an unknown network → 404, in both formats, and nothing stored', async () => {
      const missing = uniqueKey('nonet');
      const p = uniqueKey('m') + ':';
      expectProblem(await ingest(t, missing, [newMember(`${p}u1`)]), 404);
      expectProblem(await ingest(t, missing, [newMember(`${p}u1`)], { format: 'json' }), 404);
      expect(await t.db.query(`SELECT 1 FROM members WHERE external_id = $1`, [`${p}u1`])).toEqual([]);
    });
  });

  describe('single-record endpoints follow the same rules', () => {
    it('PUT /v1/members/{externalId}: inserted → duplicate → updated', async () => {
      const id = uniqueKey('m') + ':s1';
      const path = `/v1/members/${encodeURIComponent(id)}`;
      const first = await t.http().put(path).set(auth()).send({ displayName: 'Sam', department: 'R&D', joinedAt: '2025-09-01T09:00:00+02:00' });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        outcome: 'inserted',
        member: {
          externalId: id,
          displayName: 'Sam',
          email: null,
          department: 'R&D',
          site: null,
          jobTitle: null,
          joinedAt: '2025-09-01T07:00:00.000Z',
          placeholder: false,
        },
      });
      const again = await t.http().put(path).set(auth()).send({ displayName: 'Sam', department: 'R&D', joinedAt: '2025-09-01T09:00:00+02:00' });
      expect(again.body).toMatchObject({ outcome: 'duplicate' });
      const changed = await t.http().put(path).set(auth()).send({ displayName: 'Sam', department: 'Sales', joinedAt: '2025-09-01T09:00:00+02:00' });
      expect(changed.body).toMatchObject({ outcome: 'updated', member: { department: 'Sales' } });
      const read = await t.http().get(path).set(auth());
      expect(read.body).toMatchObject({ externalId: id, department: 'Sales' });
    });

    it('PUT /v1/members/{externalId} completes a placeholder (inserted)', async () => {
      const key = await newNetwork(t);
      const id = uniqueKey('m') + ':s2';
      report(await ingest(t, key, [newActivity('s2post', 'post', id, T0)]));
      const put = await t
        .http()
        .put(`/v1/members/${encodeURIComponent(id)}`)
        .set(auth())
        .send({ displayName: 'Completed' });
      expect(put.body).toMatchObject({ outcome: 'inserted', member: { placeholder: false, displayName: 'Completed' } });
    });

    it('PUT /v1/networks/{key}/groups/{externalId}: inserted → duplicate → updated (fields or leaders)', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const path = `/v1/networks/${key}/groups/g-cloud`;
      const body = { name: 'Cloud', visibility: 'public', createdAt: '2024-01-10T08:00:00Z', leaders: [`${p}u1`] };
      const first = await t.http().put(path).set(auth()).send(body);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        outcome: 'inserted',
        group: { externalId: 'g-cloud', name: 'Cloud', visibility: 'public', createdAt: '2024-01-10T08:00:00.000Z', leaders: [`${p}u1`], placeholder: false },
      });
      expect((await t.http().put(path).set(auth()).send(body)).body).toMatchObject({ outcome: 'duplicate' });
      expect(
        (
          await t
            .http()
            .put(path)
            .set(auth())
            .send({ ...body, name: 'Cloud & DevOps' })
        ).body,
      ).toMatchObject({ outcome: 'updated', group: { name: 'Cloud & DevOps' } });
      const leaders = await t
        .http()
        .put(path)
        .set(auth())
        .send({ ...body, name: 'Cloud & DevOps', leaders: [`${p}u2`] });
      expect(leaders.body).toMatchObject({ outcome: 'updated', group: { leaders: [`${p}u2`] } });
    });

    it('PUT a group that was a placeholder → inserted', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      report(await ingest(t, key, [newActivity('gp1', 'post', `${p}u1`, T0, { group: 'g-late' })]));
      const res = await t.http().put(`/v1/networks/${key}/groups/g-late`).set(auth()).send({ name: 'Late', visibility: 'private' });
      expect(res.body).toMatchObject({ outcome: 'inserted', group: { placeholder: false, name: 'Late', visibility: 'private' } });
    });

    it('POST /v1/networks/{key}/activities: inserted → duplicate → updated; DELETE: updated → duplicate, unknown → inserted', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const path = `/v1/networks/${key}/activities`;
      const body = { externalId: 'q1', kind: 'question', author: `${p}u1`, occurredAt: '2026-03-02T10:15:00+01:00', text: 'Quel quota VPN ?', tags: ['vpn'] };
      const first = await t.http().post(path).set(auth()).send(body);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        outcome: 'inserted',
        activity: {
          externalId: 'q1',
          kind: 'question',
          author: `${p}u1`,
          group: null,
          parent: null,
          root: 'q1',
          occurredAt: '2026-03-02T09:15:00.000Z',
          text: 'Quel quota VPN ?',
          tags: ['vpn'],
          reaction: null,
        },
      });
      expect((await t.http().post(path).set(auth()).send(body)).body).toMatchObject({ outcome: 'duplicate' });
      expect(
        (
          await t
            .http()
            .post(path)
            .set(auth())
            .send({ ...body, tags: ['vpn', 'quota'] })
        ).body,
      ).toMatchObject({ outcome: 'updated', activity: { tags: ['vpn', 'quota'] } });
      // a reply before its parent is accepted and linked when the parent comes
      const reply = await t
        .http()
        .post(path)
        .set(auth())
        .send({ externalId: 'r1', kind: 'reply', author: `${p}u2`, parent: 'q0', occurredAt: '2026-03-02T10:20:00+01:00' });
      expect(reply.body).toMatchObject({ outcome: 'inserted', activity: { parent: 'q0', root: null } });
      await t
        .http()
        .post(path)
        .set(auth())
        .send({ externalId: 'q0', kind: 'post', author: `${p}u2`, occurredAt: '2026-03-02T10:00:00+01:00' });
      expect((await t.http().get(`${path}/r1`).set(auth())).body).toMatchObject({ parent: 'q0', root: 'q0' });

      const del = await t.http().delete(`${path}/q1`).set(auth());
      expect(del.status).toBe(200);
      expect(del.body).toEqual({ outcome: 'updated', activity: null });
      expect(await activityIds(t, key)).toEqual(['q0', 'r1']);
      expect((await t.http().delete(`${path}/q1`).set(auth())).body).toEqual({ outcome: 'duplicate', activity: null });
      expect((await t.http().delete(`${path}/never-seen`).set(auth())).body).toEqual({ outcome: 'inserted', activity: null });
      expect(await activityIds(t, key)).toEqual(['q0', 'r1']);
    });

    it('POST of an activity whose id was deleted first: 200 (accepted and stored), and it stays invisible', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const path = `/v1/networks/${key}/activities`;
      expect((await t.http().delete(`${path}/late`).set(auth())).body).toEqual({ outcome: 'inserted', activity: null });
      const late = await t
        .http()
        .post(path)
        .set(auth())
        .send({ externalId: 'late', kind: 'post', author: `${p}u1`, occurredAt: T0, text: 'arrives after its deletion' });
      // the write is committed whatever the response says, so the response must be a success
      expect(await storedActivity(t, key, 'late')).toMatchObject({ kind: 'post', text: 'arrives after its deletion', deleted: true });
      expect(await activityIds(t, key)).toEqual([]);
      expect({ status: late.status, body: late.body }).toEqual({ status: 200, body: { outcome: 'inserted', activity: null } });
      const again = await t
        .http()
        .post(path)
        .set(auth())
        .send({ externalId: 'late', kind: 'post', author: `${p}u1`, occurredAt: T0, text: 'arrives after its deletion' });
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: { outcome: 'duplicate', activity: null } });
    });

    it('invalid bodies → 400 with errors[].path, and nothing is written', async () => {
      const key = await newNetwork(t);
      const id = uniqueKey('m') + ':bad';
      const member = `/v1/members/${encodeURIComponent(id)}`;
      expectValidation(await t.http().put(member).set(auth()).send({ displayName: '', email: 'not-an-email', hobby: 'chess' }), [
        'displayName',
        'email',
        'hobby',
      ]);
      expectValidation(await t.http().put(member).set(auth()).send({ displayName: 'Ok', joinedAt: '2026-06-31T00:00:00Z' }), ['joinedAt']);
      expectValidation(await t.http().put(member).set(auth()).send({ displayName: 'Ok\u0000' }), ['displayName']);
      expectValidation(await t.http().put(member).set(auth()).send({}), ['displayName']);
      expectValidation(
        await t
          .http()
          .put(`/v1/members/${'x'.repeat(201)}`)
          .set(auth())
          .send({ displayName: 'Ok' }),
        ['externalId'],
      );
      expectProblem(await t.http().get(member).set(auth()), 404);

      const group = `/v1/networks/${key}/groups/g1`;
      expectValidation(await t.http().put(group).set(auth()).send({ name: 'G', visibility: 'secret' }), ['visibility']);
      expectValidation(await t.http().put(group).set(auth()).send({ name: 'G', visibility: 'public', leaders: 'u1' }), ['leaders']);
      expectValidation(await t.http().put(group).set(auth()).send({ name: 'G', visibility: 'public', type: 'group' }), ['type']);
      expectProblem(await t.http().get(group).set(auth()), 404);

      const activities = `/v1/networks/${key}/activities`;
      const ok = { externalId: 'a1', kind: 'post', author: 'u1', occurredAt: T0 };
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, occurredAt: '2026-06-31T10:00:00Z' }),
        ['occurredAt'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, occurredAt: '2026-03-02T10:15:00' }),
        ['occurredAt'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, type: 'activity' }),
        ['type'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, kind: 'rant' }),
        ['kind'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, kind: 'reply' }),
        ['parent'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, parent: 'a0' }),
        ['parent'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, kind: 'reply', parent: 'a1' }),
        ['parent'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, text: 'a\u0000b' }),
        ['text'],
      );
      expectValidation(
        await t
          .http()
          .post(activities)
          .set(auth())
          .send({ ...ok, tags: [1] }),
        ['tags'],
      );
      const { author: _author, ...noAuthor } = ok;
      expectValidation(await t.http().post(activities).set(auth()).send(noAuthor), ['author']);
      expect(await activityCount(t, key)).toBe(0);

      // unknown network on the single-record endpoints
      const missing = uniqueKey('nonet');
      expectProblem(await t.http().put(`/v1/networks/${missing}/groups/g1`).set(auth()).send({ name: 'G', visibility: 'public' }), 404);
      expectProblem(await t.http().post(`/v1/networks/${missing}/activities`).set(auth()).send(ok), 404);
      expectProblem(await t.http().delete(`/v1/networks/${missing}/activities/a1`).set(auth()), 404);
    });
  });

  describe('read endpoints', () => {
    it('limit=2 walking nextCursor collects every item exactly once, on every list route', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const records: RawRecord[] = [];
      for (let i = 1; i <= 5; i++) records.push(newMember(`${p}u${i}`));
      for (let i = 1; i <= 3; i++) records.push(newGroup(`g${i}`, { visibility: i === 3 ? 'private' : 'public' }));
      for (let i = 1; i <= 5; i++) records.push(newMembership(`g${(i % 3) + 1}`, `${p}u${i}`));
      for (let i = 1; i <= 7; i++)
        records.push(newActivity(`a${i}`, i === 1 ? 'post' : 'reply', `${p}u${(i % 5) + 1}`, T0, { group: 'g1', ...(i === 1 ? {} : { parent: 'a1' }) }));
      records.push({ type: 'activity', externalId: 'a4', deleted: true });
      expect(report(await ingest(t, key, records)).rejected).toEqual([]);

      const expectations: [string, string[], (x: Record<string, unknown>) => string][] = [
        [`/v1/networks/${key}/activities`, ['a1', 'a2', 'a3', 'a5', 'a6', 'a7'], (x) => x.externalId as string],
        [`/v1/networks/${key}/members`, [1, 2, 3, 4, 5].map((i) => `${p}u${i}`), (x) => x.externalId as string],
        [`/v1/networks/${key}/groups`, ['g1', 'g2', 'g3'], (x) => x.externalId as string],
        [`/v1/networks/${key}/memberships`, [1, 2, 3, 4, 5].map((i) => `g${(i % 3) + 1}/${p}u${i}`), (x) => `${x.group}/${x.member}`],
      ];
      for (const [path, expected, id] of expectations) {
        const { items, pages } = await walk(t, path, 2);
        const ids = items.map(id);
        expect({ path, ids: [...ids].sort() }).toEqual({ path, ids: [...expected].sort() });
        expect({ path, unique: new Set(ids).size }).toEqual({ path, unique: ids.length });
        expect({ path, pages }).toEqual({ path, pages: Math.max(1, Math.ceil(expected.length / 2)) });
        // limit=1 and the default page agree
        expect((await walk(t, path, 1)).items.map(id)).toEqual(ids);
        const whole = await t.http().get(path).set(auth());
        expect(whole.body.items.map(id)).toEqual(ids);
        expect(whole.body.nextCursor).toBeNull();
      }
      // filters combine with pagination
      const replies = await walk(t, `/v1/networks/${key}/activities?kind=reply`, 2);
      expect(replies.items.map((a) => a.externalId).sort()).toEqual(['a2', 'a3', 'a5', 'a6', 'a7']);
      const g2 = await walk(t, `/v1/networks/${key}/memberships?group=g2`, 1);
      expect(g2.items.every((m) => m.group === 'g2')).toBe(true);
      expect(g2.items).toHaveLength(2);
    });

    it('a forged cursor → 400 problem+json on every list route', async () => {
      const key = await newNetwork(t);
      const forged = [
        'not-a-cursor',
        Buffer.from('{"after":"abc"}').toString('base64url'),
        Buffer.from('{"after":-1}').toString('base64url'),
        Buffer.from('{"after":"9999999999999999999"}').toString('base64url'),
        Buffer.from('{"after":"1:2:3"}').toString('base64url'),
        Buffer.from('{"after":"9999999999999999999:1"}').toString('base64url'),
        Buffer.from('[]').toString('base64url'),
      ];
      const wrong: { route: string; cursor: string; status: number; contentType: string }[] = [];
      for (const route of ['activities', 'members', 'groups', 'memberships']) {
        for (const cursor of forged) {
          const res = await t.http().get(`/v1/networks/${key}/${route}`).query({ cursor }).set(auth());
          if (res.status !== 400 || !/^application\/problem\+json/.test(res.headers['content-type']))
            wrong.push({ route, cursor: Buffer.from(cursor, 'base64url').toString(), status: res.status, contentType: res.headers['content-type'] });
          else expectProblem(res, 400);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('confidential groups are masked for keys not allowed to see them', () => {
    it('an unscoped integrator sees the shape but not names, leaders, text, authors or memberships; admin and a scoped key see all', async () => {
      const key = await newNetwork(t);
      const p = uniqueKey('m') + ':';
      const records: RawRecord[] = [
        newMember(`${p}boss`, { displayName: 'Boss' }),
        newMember(`${p}pub`, { displayName: 'Pub' }),
        newGroup('secret', { name: 'Project Falcon', visibility: 'confidential', leaders: [`${p}boss`] }),
        newGroup('open', { name: 'Open forum', visibility: 'public', leaders: [`${p}pub`] }),
        newMembership('secret', `${p}pub`),
        newMembership('open', `${p}boss`),
        newActivity('s1', 'post', `${p}boss`, T0, { group: 'secret', text: 'Acquisition of ACME', tags: ['m&a'] }),
        newActivity('s2', 'reply', `${p}pub`, T0, { group: 'secret', parent: 's1', text: 'Agreed' }),
        newActivity('o1', 'post', `${p}pub`, T0, { group: 'open', text: 'Hello all' }),
      ];
      expect(report(await ingest(t, key, records)).rejected).toEqual([]);

      const createKey = async (body: Record<string, unknown>) => {
        const res = await t.http().post('/v1/api-keys').set(auth()).send(body);
        expect(res.status).toBe(201);
        expect(typeof res.body.secret).toBe('string');
        return res.body.secret as string;
      };
      const integrator = await createKey({ name: `integrator ${key}`, role: 'integrator' });
      const scoped = await createKey({ name: `scoped ${key}`, role: 'integrator', networks: [key] });

      // unscoped integrator: masked
      const groups = (await walk(t, `/v1/networks/${key}/groups`, 1000, integrator)).items;
      expect(groups.find((g) => g.externalId === 'secret')).toMatchObject({ visibility: 'confidential', name: null, leaders: [] });
      expect(groups.find((g) => g.externalId === 'open')).toMatchObject({ name: 'Open forum', leaders: [`${p}pub`] });
      expect((await t.http().get(`/v1/networks/${key}/groups/secret`).set(auth(integrator))).body).toMatchObject({ name: null, leaders: [] });
      const acts = (await walk(t, `/v1/networks/${key}/activities`, 1000, integrator)).items;
      expect(acts.map((a) => a.externalId).sort()).toEqual(['o1', 's1', 's2']); // counted, not hidden
      for (const id of ['s1', 's2']) expect(acts.find((a) => a.externalId === id)).toMatchObject({ text: null, author: null });
      expect(acts.find((a) => a.externalId === 'o1')).toMatchObject({ text: 'Hello all', author: `${p}pub` });
      expect((await t.http().get(`/v1/networks/${key}/activities/s1`).set(auth(integrator))).body).toMatchObject({ text: null, author: null });
      const ms = (await walk(t, `/v1/networks/${key}/memberships`, 1000, integrator)).items;
      expect(ms.filter((m) => m.group === 'secret')).toEqual([]);
      expect(ms.map((m) => `${m.group}/${m.member}`).sort()).toEqual([`open/${p}boss`, `open/${p}pub`]);
      expect((await walk(t, `/v1/networks/${key}/memberships?group=secret`, 1000, integrator)).items).toEqual([]);
      const everything = JSON.stringify([groups, acts, ms]);
      for (const secret of ['Project Falcon', 'Acquisition of ACME', 'Agreed', 'm&a']) expect(everything).not.toContain(secret);

      // admin and a key scoped to the network: everything
      for (const [who, apiKey] of [
        ['admin', TEST_ADMIN_KEY],
        ['scoped', scoped],
      ] as const) {
        const g = (await walk(t, `/v1/networks/${key}/groups`, 1000, apiKey)).items;
        expect({ who, g: g.find((x) => x.externalId === 'secret') }).toMatchObject({ who, g: { name: 'Project Falcon', leaders: [`${p}boss`] } });
        const a = (await walk(t, `/v1/networks/${key}/activities`, 1000, apiKey)).items;
        expect({ who, a: a.find((x) => x.externalId === 's1') }).toMatchObject({ who, a: { text: 'Acquisition of ACME', author: `${p}boss`, tags: ['m&a'] } });
        const m = (await walk(t, `/v1/networks/${key}/memberships`, 1000, apiKey)).items;
        expect({
          who,
          m: m
            .filter((x) => x.group === 'secret')
            .map((x) => `${x.member}:${x.role}`)
            .sort(),
        }).toEqual({ who, m: [`${p}boss:leader`, `${p}pub:member`] });
      }
    });
  });
});
