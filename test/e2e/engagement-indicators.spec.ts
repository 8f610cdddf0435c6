import { ingest, newActivity, newGroup, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * SPEC §3.2 (engagement) on a network in Europe/Paris (UTC+1 all of February 2026), through HTTP on
 * the real application and database. Expected numbers are computed by hand beside each assertion.
 *
 * For at = 2026-02-28 (a Saturday): the day is local 02-28 = [2026-02-27T23:00Z, 2026-02-28T23:00Z);
 * wau covers local 02-22..02-28, mau local 02-01..02-28 (February 2026 has exactly 28 days).
 *
 * Members and activities (local Paris times; group g1 where marked):
 *   M10 (Ops)   posts on 02-01 00:30 (= 01-31T23:30Z: a UTC day would be January), 02-03 09:00 [g1],
 *               a reaction on 02-03 18:00 (same day again), and 12:00 on 02-05, 07, 09, 11, 13, 15, 17, 19
 *               → 10 distinct local days in February
 *   M9  (Ops)   posts at 23:30 on 02-02, 04, 06, 08, 10, 12, 14, 16, 18 → 9 distinct days in February;
 *               and one on 01-31 23:30
 *   Y   (Ops)   02-22 12:00, and 02-28 00:30 (= 02-27T23:30Z: a UTC day would be 02-27)
 *   Y2  (Sales) 02-28 00:15 (= 02-27T23:15Z)
 *   T   (Sales) 02-21 12:00 [g1], 02-28 10:00 [g1] and 02-28 15:00 [g1] (twice that day)
 *   R   (Sales) a reaction on 02-25 12:00 [g1] (active through reactions only)
 *   W   (Sales) 03-01 00:30 (= 02-28T23:30Z: a UTC day would be 02-28)
 *   D   (Sales) 01-15 12:00, and 02-28 12:00 DELETED
 *   Q   (Ops)   01-31 12:00
 */

describe('engagement indicators (SPEC §3.2), hand-computed, Europe/Paris', () => {
  let t: TestApp;
  let net: string;

  const get = (query: Record<string, string>, apiKey = TEST_ADMIN_KEY) =>
    t.http().get(`/v1/networks/${net}/indicators/engagement`).query(query).set('Authorization', `Bearer ${apiKey}`);

  async function ok(query: Record<string, string>) {
    const res = await get(query);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.anything() });
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t, { timezone: 'Europe/Paris' });
    const p = uniqueKey('m') + ':';
    const m = (id: string) => `${p}${id}`;
    const post = (id: string, author: string, at: string, fields = {}) => newActivity(id, 'post', m(author), at, fields);
    const records = [
      newMember(m('M10'), { department: 'Ops', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('M9'), { department: 'Ops', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('Y'), { department: 'Ops', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('Y2'), { department: 'Sales', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('T'), { department: 'Sales', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('R'), { department: 'Sales', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('W'), { department: 'Sales', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('D'), { department: 'Sales', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('Q'), { department: 'Ops', joinedAt: '2025-01-01T00:00:00Z' }),
      newGroup('g1'),
      // M10: 10 distinct local days
      post('m10-01', 'M10', '2026-02-01T00:30:00+01:00'),
      post('m10-03a', 'M10', '2026-02-03T09:00:00+01:00', { group: 'g1' }),
      newActivity('m10-03b', 'reaction', m('M10'), '2026-02-03T18:00:00+01:00', { parent: 'm10-03a' }),
      ...['05', '07', '09', '11', '13', '15', '17', '19'].map((d) => post(`m10-${d}`, 'M10', `2026-02-${d}T12:00:00+01:00`)),
      // M9: 9 distinct days in February, one in January
      ...['02', '04', '06', '08', '10', '12', '14', '16', '18'].map((d) => post(`m9-${d}`, 'M9', `2026-02-${d}T23:30:00+01:00`)),
      post('m9-jan', 'M9', '2026-01-31T23:30:00+01:00'),
      post('y-22', 'Y', '2026-02-22T12:00:00+01:00'),
      newActivity('y-28', 'reply', m('Y'), '2026-02-28T00:30:00+01:00', { parent: 'y-22' }),
      post('y2-28', 'Y2', '2026-02-28T00:15:00+01:00'),
      post('t-21', 'T', '2026-02-21T12:00:00+01:00', { group: 'g1' }),
      post('t-28a', 'T', '2026-02-28T10:00:00+01:00', { group: 'g1' }),
      newActivity('t-28b', 'reply', m('T'), '2026-02-28T15:00:00+01:00', { group: 'g1', parent: 't-28a' }),
      newActivity('r-25', 'reaction', m('R'), '2026-02-25T12:00:00+01:00', { group: 'g1', parent: 't-21' }),
      post('w-0301', 'W', '2026-03-01T00:30:00+01:00'),
      post('d-0115', 'D', '2026-01-15T12:00:00+01:00'),
      post('d-28', 'D', '2026-02-28T12:00:00+01:00'),
      post('q-0131', 'Q', '2026-01-31T12:00:00+01:00'),
      { type: 'activity', externalId: 'd-28', deleted: true },
    ];
    const res = await ingest(t, net, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
  });
  afterAll(() => t.close());

  it('at = 2026-02-28, network scope', async () => {
    expect(await ok({ at: '2026-02-28' })).toEqual({
      at: '2026-02-28',
      timezone: 'Europe/Paris',
      dau: 3, // local 02-28: Y (00:30), Y2 (00:15), T (twice, counted once); W's 03-01 00:30 is the next day; D's post is deleted
      wau: 4, // 02-22..02-28: Y (22, 28), Y2 (28), T (28; its 02-21 is outside), R (25, reaction)
      mau: 6, // 02-01..02-28: M10, M9, Y, Y2, T, R (not W: 03-01; not D: deleted / January; not Q: January)
      // Σ daily dau over the 28 days = Σ active days per member = M10 10 + M9 9 + Y 2 + Y2 1 + T 2 (21, 28) + R 1 = 25
      // mean = 25 / 28 = 0.892857…; / mau 6 = 0.148809… → 0.1488
      stickiness: 0.1488,
      engagedMembers: 1, // M10 has exactly 10 distinct days (02-03 twice counted once); M9 has 9
    });
  });

  it('at = 2026-03-01: the window moves one day, M10 falls to 9 days', async () => {
    expect(await ok({ at: '2026-03-01' })).toEqual({
      at: '2026-03-01',
      timezone: 'Europe/Paris',
      dau: 1, // local 03-01: W (00:30 local = 02-28T23:30Z)
      wau: 5, // 02-23..03-01: Y (28; its 22 is outside), Y2, T, R (25), W
      mau: 7, // 02-02..03-01: M10, M9, Y, Y2, T, R, W
      // Σ active days = M10 9 (02-01 left the window) + M9 9 + Y 2 + Y2 1 + T 2 + R 1 + W 1 = 25
      // 25 / 28 = 0.892857…; / 7 = 0.127551… → 0.1276
      stickiness: 0.1276,
      engagedMembers: 0, // M10 9 days, M9 9 days
    });
  });

  it('at = 2026-02-19: M9 reaches 10 days with its local January 31st', async () => {
    expect(await ok({ at: '2026-02-19' })).toEqual({
      at: '2026-02-19',
      timezone: 'Europe/Paris',
      dau: 1, // 02-19: M10
      wau: 2, // 02-13..02-19: M10 (13, 15, 17, 19), M9 (14, 16, 18)
      mau: 3, // 01-23..02-19: M10, M9, Q (01-31); D's 01-15 is before the window
      // Σ active days = M10 10 + M9 10 (01-31, 02..18) + Q 1 = 21; 21 / 28 = 0.75; / 3 = 0.25
      stickiness: 0.25,
      engagedMembers: 2, // M10 and M9, 10 days each
    });
  });

  it('department filter', async () => {
    expect(await ok({ at: '2026-02-28', department: 'Ops' })).toEqual({
      at: '2026-02-28',
      timezone: 'Europe/Paris',
      dau: 1, // Y
      wau: 1, // Y
      mau: 3, // M10, M9, Y (Q: January)
      stickiness: 0.25, // (10 + 9 + 2) / 28 = 0.75; / 3 = 0.25
      engagedMembers: 1, // M10
    });
    expect(await ok({ at: '2026-02-28', department: 'Sales' })).toEqual({
      at: '2026-02-28',
      timezone: 'Europe/Paris',
      dau: 2, // Y2, T (D deleted)
      wau: 3, // Y2, T, R
      mau: 3, // Y2, T, R (W: March)
      stickiness: 0.0476, // (1 + 2 + 1) / 28 = 0.142857…; / 3 = 0.047619… → 0.0476
      engagedMembers: 0,
    });
  });

  it('group filter', async () => {
    expect(await ok({ at: '2026-02-28', group: 'g1' })).toEqual({
      at: '2026-02-28',
      timezone: 'Europe/Paris',
      dau: 1, // T (twice)
      wau: 2, // T (28), R (25)
      mau: 3, // T, R, M10 (02-03 post in g1)
      stickiness: 0.0476, // (T 2 + R 1 + M10 1) / 28 = 0.142857…; / 3 → 0.0476
      engagedMembers: 0,
    });
  });

  it('an empty period: zeros and null stickiness, never NaN', async () => {
    const res = await get({ at: '2025-01-15' });
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/NaN|Infinity/);
    expect(res.body).toEqual({ at: '2025-01-15', timezone: 'Europe/Paris', dau: 0, wau: 0, mau: 0, stickiness: null, engagedMembers: 0 });
  });

  it('validation and roles', async () => {
    expectProblem(await get({ at: '2026-02-30' }), 400); // no February 30th
    expectProblem(await get({ at: '2026-13-01' }), 400);
    expectProblem(await get({ at: 'today' }), 400);
    expectProblem(await get({ at: '2026-02-28', group: 'no-such-group' }), 400);
    const createKey = async (role: string) => {
      const res = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
        .send({ name: `engagement ${role}`, role });
      expect(res.status).toBe(201);
      return res.body.secret as string;
    };
    const cno = await get({ at: '2026-02-28' }, await createKey('cno'));
    expect(cno.status).toBe(200);
    expect(cno.body.mau).toBe(6);
    expectProblem(await get({ at: '2026-02-28' }, await createKey('integrator')), 403);
  });
});
