import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §1 + §3.1: buckets are cut in the network's IANA timezone (here Europe/Paris), across the
 * 2026 daylight-saving changes, weeks start on Monday, months on the 1st. Expected numbers are
 * computed by hand; the local day of each activity is written beside it.
 *
 * Europe/Paris in 2026: UTC+1 until Sun 2026-03-29 02:00 local (→ 03:00, UTC+2), UTC+2 until
 * Sun 2026-10-25 03:00 local (→ 02:00, UTC+1). So a local midnight is 23:00Z the day before in
 * winter and 22:00Z the day before in summer.
 *
 * Two members u1, u2 (joinedAt 2025), every activity is a post (so posts = contributions).
 *   id  author  occurredAt                     = UTC                 local day (week Mon, month)
 *   m0  u1      2026-01-14T23:30:00+01:00      2026-01-14T22:30Z     Wed 01-14
 *   m3  u2      2026-01-15T00:30:00+01:00      2026-01-14T23:30Z     Thu 01-15 (UTC day would be 01-14)
 *   w1  u1      2026-03-24T10:00:00+01:00      2026-03-24T09:00Z     Tue 03-24
 *   a1  u1      2026-03-28T23:30:00+01:00      2026-03-28T22:30Z     Sat 03-28
 *   a2  u2      2026-03-29T00:30:00+01:00      2026-03-28T23:30Z     Sun 03-29 (UTC day would be 03-28)
 *   a5  u1      2026-03-29T03:30:00+02:00      2026-03-29T01:30Z     Sun 03-29 (just after the jump)
 *   a3  u2      2026-03-29T23:30:00+02:00      2026-03-29T21:30Z     Sun 03-29
 *   a4  u1      2026-03-30T00:30:00+02:00      2026-03-29T22:30Z     Mon 03-30 (a fixed +01:00 would say 03-29)
 *   m1  u1      2026-03-31T23:30:00+02:00      2026-03-31T21:30Z     Tue 03-31 (March)
 *   m2  u2      2026-04-01T00:30:00+02:00      2026-03-31T22:30Z     Wed 04-01 (April; UTC day would be 03-31)
 *   w2  u2      2026-04-05T23:30:00+02:00      2026-04-05T21:30Z     Sun 04-05
 *   w3  u1      2026-04-06T00:30:00+02:00      2026-04-05T22:30Z     Mon 04-06
 *   b1  u1      2026-10-24T23:30:00+02:00      2026-10-24T21:30Z     Sat 10-24
 *   b2  u2      2026-10-25T00:30:00+02:00      2026-10-24T22:30Z     Sun 10-25 (UTC day would be 10-24)
 *   b3  u1      2026-10-25T02:30:00+02:00      2026-10-25T00:30Z     Sun 10-25 (first 02:30)
 *   b4  u1      2026-10-25T02:30:00+01:00      2026-10-25T01:30Z     Sun 10-25 (second 02:30)
 *   b5  u2      2026-10-25T23:30:00+01:00      2026-10-25T22:30Z     Sun 10-25 (a fixed +02:00 would say 10-26)
 *   b6  u1      2026-10-26T00:30:00+01:00      2026-10-25T23:30Z     Mon 10-26
 *   m4  u2      2026-10-31T23:30:00+01:00      2026-10-31T22:30Z     Sat 10-31
 *   m5  u1      2026-11-01T00:30:00+01:00      2026-10-31T23:30Z     Sun 11-01
 */

const ZERO = { posts: 0, questions: 0, replies: 0, reactions: 0, shares: 0, accepts: 0, contributions: 0, activeMembers: 0, contributors: 0 };
/** n posts by `authors` distinct members */
const posts = (start: string, n: number, authors: number) =>
  n === 0 ? { start, ...ZERO } : { start, ...ZERO, posts: n, contributions: n, activeMembers: authors, contributors: authors };

describe('activity series across daylight-saving changes (Europe/Paris)', () => {
  let t: TestApp;
  let net: string;

  const get = (query: Record<string, string>) =>
    t.http().get(`/v1/networks/${net}/indicators/activity`).query(query).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);

  async function ok(query: Record<string, string>) {
    const res = await get(query);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.anything() });
    expect(res.body.timezone).toBe('Europe/Paris');
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t, { timezone: 'Europe/Paris' });
    const p = uniqueKey('m') + ':';
    const u1 = `${p}u1`;
    const u2 = `${p}u2`;
    const post = (id: string, author: string, at: string) => newActivity(id, 'post', author, at);
    const res = await ingest(t, net, [
      newMember(u1, { joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(u2, { joinedAt: '2025-01-01T00:00:00Z' }),
      post('m0', u1, '2026-01-14T23:30:00+01:00'),
      post('m3', u2, '2026-01-15T00:30:00+01:00'),
      post('w1', u1, '2026-03-24T10:00:00+01:00'),
      post('a1', u1, '2026-03-28T23:30:00+01:00'),
      post('a2', u2, '2026-03-29T00:30:00+01:00'),
      post('a5', u1, '2026-03-29T03:30:00+02:00'),
      post('a3', u2, '2026-03-29T23:30:00+02:00'),
      post('a4', u1, '2026-03-30T00:30:00+02:00'),
      post('m1', u1, '2026-03-31T23:30:00+02:00'),
      post('m2', u2, '2026-04-01T00:30:00+02:00'),
      post('w2', u2, '2026-04-05T23:30:00+02:00'),
      post('w3', u1, '2026-04-06T00:30:00+02:00'),
      post('b1', u1, '2026-10-24T23:30:00+02:00'),
      post('b2', u2, '2026-10-25T00:30:00+02:00'),
      post('b3', u1, '2026-10-25T02:30:00+02:00'),
      post('b4', u1, '2026-10-25T02:30:00+01:00'),
      post('b5', u2, '2026-10-25T23:30:00+01:00'),
      post('b6', u1, '2026-10-26T00:30:00+01:00'),
      post('m4', u2, '2026-10-31T23:30:00+01:00'),
      post('m5', u1, '2026-11-01T00:30:00+01:00'),
    ]);
    expect({ status: res.status, rejected: res.body.rejected, inserted: res.body.inserted }).toEqual({ status: 200, rejected: [], inserted: 22 }); // 2 members + 20 posts
  });
  afterAll(() => t.close());

  it('daily buckets across the spring-forward (23-hour Sunday 2026-03-29)', async () => {
    // [local 03-28 00:00, local 03-31 00:00) = [2026-03-27T23:00Z, 2026-03-30T22:00Z)
    const body = await ok({ from: '2026-03-28T00:00:00+01:00', to: '2026-03-31T00:00:00+02:00', granularity: 'day' });
    expect(body.from).toBe('2026-03-27T23:00:00.000Z');
    expect(body.to).toBe('2026-03-30T22:00:00.000Z');
    expect(body.series).toEqual([
      posts('2026-03-27T23:00:00.000Z', 1, 1), // Sat 03-28 (UTC+1 midnight): a1(u1)
      posts('2026-03-28T23:00:00.000Z', 3, 2), // Sun 03-29 (still UTC+1 at midnight): a2(u2), a5(u1), a3(u2)
      posts('2026-03-29T22:00:00.000Z', 1, 1), // Mon 03-30 (UTC+2 midnight): a4(u1)
    ]);
    expect(body.totals).toMatchObject({
      posts: 5, // a1, a2, a5, a3, a4 (m1 is on 03-31, outside)
      contributions: 5,
      activeMembers: 2,
      contributors: 2,
      members: 2, // u1, u2
      participationRate: 1, // 2 / 2
      contributionsPerMember: 2.5, // 5 / 2
      growth: null, // previous 71 h [2026-03-25T00:00Z, 2026-03-27T23:00Z): nothing (w1 is 03-24T09:00Z)
    });
  });

  it('daily buckets when from/to fall inside a day: the first bucket is the local day containing `from`', async () => {
    // from 2026-03-28T12:00Z = 13:00 local on 03-28; to 2026-03-30T12:00Z = 14:00 local on 03-30
    const body = await ok({ from: '2026-03-28T12:00:00Z', to: '2026-03-30T12:00:00Z' });
    expect(body.series).toEqual([
      posts('2026-03-27T23:00:00.000Z', 1, 1), // a1 at 22:30Z ≥ from
      posts('2026-03-28T23:00:00.000Z', 3, 2), // a2, a5, a3
      posts('2026-03-29T22:00:00.000Z', 1, 1), // a4 at 2026-03-29T22:30Z < to
    ]);
  });

  it('daily buckets across the fall-back (25-hour Sunday 2026-10-25)', async () => {
    // [local 10-24 00:00, local 10-27 00:00) = [2026-10-23T22:00Z, 2026-10-26T23:00Z)
    const body = await ok({ from: '2026-10-24T00:00:00+02:00', to: '2026-10-27T00:00:00+01:00', granularity: 'day' });
    expect(body.from).toBe('2026-10-23T22:00:00.000Z');
    expect(body.to).toBe('2026-10-26T23:00:00.000Z');
    expect(body.series).toEqual([
      posts('2026-10-23T22:00:00.000Z', 1, 1), // Sat 10-24: b1(u1)
      posts('2026-10-24T22:00:00.000Z', 4, 2), // Sun 10-25 (25 h): b2(u2), b3(u1), b4(u1), b5(u2)
      posts('2026-10-25T23:00:00.000Z', 1, 1), // Mon 10-26 (UTC+1 midnight): b6(u1)
    ]);
    expect(body.totals).toMatchObject({ posts: 6, contributions: 6, activeMembers: 2, contributors: 2 });
  });

  it('weekly buckets start on Monday, local midnight, across the spring-forward', async () => {
    // [Mon 03-23 local, Mon 04-06 local) = [2026-03-22T23:00Z, 2026-04-05T22:00Z)
    const body = await ok({ from: '2026-03-23T00:00:00+01:00', to: '2026-04-06T00:00:00+02:00', granularity: 'week' });
    expect(body.series).toEqual([
      posts('2026-03-22T23:00:00.000Z', 5, 2), // week of Mon 03-23: w1, a1, a2, a5, a3
      posts('2026-03-29T22:00:00.000Z', 4, 2), // week of Mon 03-30 (UTC+2): a4, m1, m2, w2 (w3 on Mon 04-06 = to, excluded)
    ]);
    expect(body.totals).toMatchObject({ posts: 9, contributions: 9 });
  });

  it('weekly: a mid-week `from` gives the Monday of its week as first bucket, counting only from `from`', async () => {
    // from Wed 2026-03-25 12:00 local = 11:00Z
    const body = await ok({ from: '2026-03-25T12:00:00+01:00', to: '2026-04-06T00:00:00+02:00', granularity: 'week' });
    expect(body.from).toBe('2026-03-25T11:00:00.000Z');
    expect(body.series).toEqual([
      posts('2026-03-22T23:00:00.000Z', 4, 2), // a1, a2, a5, a3 (w1 on Tue 03-24 is before `from`)
      posts('2026-03-29T22:00:00.000Z', 4, 2), // a4, m1, m2, w2
    ]);
    expect(body.totals).toMatchObject({ posts: 8 });
  });

  it('weekly buckets across the fall-back', async () => {
    // [Mon 10-19 local, Mon 11-02 local) = [2026-10-18T22:00Z, 2026-11-01T23:00Z)
    const body = await ok({ from: '2026-10-19T00:00:00+02:00', to: '2026-11-02T00:00:00+01:00', granularity: 'week' });
    expect(body.series).toEqual([
      posts('2026-10-18T22:00:00.000Z', 5, 2), // week of Mon 10-19: b1..b5 (Sun 10-25 ends at 2026-10-25T23:00Z)
      posts('2026-10-25T23:00:00.000Z', 3, 2), // week of Mon 10-26: b6, m4 (Sat 10-31), m5 (Sun 11-01 00:30 local)
    ]);
  });

  it('monthly buckets start on the 1st, local midnight, with empty months', async () => {
    // [2026-01-15 local, 2026-11-01 local) = [2026-01-14T23:00Z, 2026-10-31T23:00Z)
    const body = await ok({ from: '2026-01-15T00:00:00+01:00', to: '2026-11-01T00:00:00+01:00', granularity: 'month' });
    expect(body.granularity).toBe('month');
    expect(body.series).toEqual([
      posts('2025-12-31T23:00:00.000Z', 1, 1), // January: m3 (m0 on 01-14 is before `from`)
      posts('2026-01-31T23:00:00.000Z', 0, 0), // February
      posts('2026-02-28T23:00:00.000Z', 7, 2), // March (starts UTC+1): w1, a1, a2, a5, a3, a4, m1 (Tue 03-31 23:30 local)
      posts('2026-03-31T22:00:00.000Z', 3, 2), // April (starts UTC+2): m2, w2, w3
      posts('2026-04-30T22:00:00.000Z', 0, 0), // May
      posts('2026-05-31T22:00:00.000Z', 0, 0), // June
      posts('2026-06-30T22:00:00.000Z', 0, 0), // July
      posts('2026-07-31T22:00:00.000Z', 0, 0), // August
      posts('2026-08-31T22:00:00.000Z', 0, 0), // September
      posts('2026-09-30T22:00:00.000Z', 7, 2), // October: b1..b6, m4; November starts at `to`: no bucket, m5 excluded
    ]);
    expect(body.totals).toMatchObject({ posts: 18, contributions: 18, activeMembers: 2, contributors: 2 }); // 1 + 7 + 3 + 7 (20 posts minus m0, m5)
  });
});
