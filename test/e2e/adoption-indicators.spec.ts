import { ingest, newActivity, newGroup, newMember, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { networkGet, readIndicator } from '../support/indicators';
import { expectProblem } from '../support/problems';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * Change adoption (SPEC §3.9), through HTTP on the real application. Every expected number was
 * computed by hand from the contract on the fixture below; the computation is written beside it.
 *
 * Network `net`, timezone Europe/Paris: CET (UTC+1) until 2026-03-29 01:00Z, then CEST (UTC+2), so the
 * local day 2026-03-29 lasts 23 hours [03-28T23:00Z, 03-29T22:00Z).
 * Window W = [2026-03-23T00:00+01:00, 2026-04-06T00:00+02:00) = [03-22T23:00Z, 04-05T22:00Z): 14 local
 * days, two local weeks (Mondays 03-23 and 03-30).
 *
 * Objectives (networks [net]): O "cloud" [cloud]; O2 "kube" [kubernetes]; O3 INACTIVE [cloud].
 * Members: L (IT, leader of g1), N (IT), Q (Sales), R (HR, leader of g2), S (no department),
 *          X (Ops), Y (IT), Z (IT), T (IT).
 * Groups: g1 public (leaders [L]), g2 public (leaders [R]), g3 confidential.
 *
 *   id  kind      author group time (Z)     text / tags         parent  mention of O?
 *   p0  post      L      g1    03-10 09:00  "Cloud strategy"            yes, before W (the first mention at any time)
 *   m1  post      L      g1    03-23 09:00  "Cloud migration plan"      yes: pushed (leader's post in his group)
 *   m2  share     L      g1    03-24 09:00  tags [cloud]        m1      yes: pushed (leader's share)
 *   m3  post      N      g1    03-24 10:00  "Cloud costs"               yes: a non-leader's post, neither pulled nor pushed
 *   k1  post      N      g1    03-24 11:00  "Kubernetes"                no (O2)
 *   m4  question  Q      g1    03-25 10:00  "A cloud account?"          yes: pulled (question)
 *   r1  reply     N      g1    03-25 11:00  "The cloud portal"  m4      yes: pulled (reply in a question thread)
 *   r2  reply     Q      g1    03-25 12:00  "Thanks"            m4      no; a self-reply on m4 (no reach)
 *   r3  reply     R      g1    03-26 09:00  "Agreed"            m3      no; reach R (on m3, by someone else)
 *   x1  reaction  Y      g1    03-26 10:00                      m1      reach Y
 *   x3  reaction  L      g1    03-26 11:00                      m1      a self-reaction (no reach)
 *   r4  reply     L      g1    03-27 09:00  "More on cloud"     m1      yes (a reply in a post thread: neither); a self-reply on m1
 *   m5  post      R      g2    03-29 21:30  "Cloud day"                 yes: pushed; local 03-29 23:30 CEST (bucket 03-29)
 *   m6  post      S      g2    03-29 22:30  "Cloud night"               yes; local 03-30 00:30 CEST (bucket 03-30)
 *   m7  post      Q      g1    03-31 09:00  "Cloud again"               yes; sent twice (one activity)
 *   m8  post      N      g1    04-01 09:00  "Cloud gone"                DELETED
 *   c1  post      X      g3    04-02 09:00  "Cloud secret"              yes, confidential
 *   x4  reaction  Z      g3    04-02 10:00                      c1      reach Z (confidential thread)
 *   x2  reaction  N      g1    04-20 10:00                      m4      reach N, after W ("at any time")
 *   m9  post      T      g1    04-20 11:00  "Cloud later"               yes, after W: not in any figure of W
 *
 * Mentions of O in W: m1 m2 m3 m4 r1 r4 m5 m6 m7 c1 = 10.
 */

const W = { from: '2026-03-23T00:00:00+01:00', to: '2026-04-06T00:00:00+02:00' };

describe('change adoption (SPEC §3.9), hand-computed', () => {
  let t: TestApp;
  let net: string;
  let p: string;
  let mp: string;
  const m = (id: string) => `${mp}${id}`;
  const O = () => `${p}.cloud`;
  const O2 = () => `${p}.kube`;
  const O3 = () => `${p}.old`;

  const putObjective = (key: string, body: object) => t.http().put(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`).send(body);

  async function waitRematchDone(key: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const res = await t.http().get(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
      expect(res.status).toBe(200);
      const state = (res.body.rematch as { state: string }).state;
      if (state === 'done') return;
      if (state === 'failed') throw new Error(`re-match of ${key} failed`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`re-match of ${key} not done`);
  }

  async function send(records: RawRecord[]) {
    const res = await ingest(t, net, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    return res.body;
  }

  const adoption = (query: Record<string, string>) => readIndicator(t, net, 'indicators/adoption', query);
  const only = (body: Record<string, unknown>) => {
    const objectives = body.objectives as Record<string, unknown>[];
    expect(objectives).toHaveLength(1);
    return objectives[0];
  };
  const day = (start: string, mentions: number, authors: number, newAuthors: number, cumulativeAuthors: number) => ({
    start,
    mentions,
    authors,
    newAuthors,
    cumulativeAuthors,
  });

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t, { timezone: 'Europe/Paris' });
    p = uniqueKey('ad');
    mp = uniqueKey('m') + ':';
    const objectives: [string, object][] = [
      [O(), { name: 'Cloud', networks: [net], keywords: [{ term: 'cloud', weight: 1 }] }],
      [O2(), { name: 'Kube', networks: [net], keywords: [{ term: 'kubernetes', weight: 1 }] }],
      [O3(), { name: 'Old', active: false, networks: [net], keywords: [{ term: 'cloud', weight: 1 }] }],
    ];
    for (const [key, body] of objectives) expect((await putObjective(key, body)).status).toBe(201);
    for (const [key] of objectives) await waitRematchDone(key);

    const g1 = { group: 'g1' };
    await send([
      newMember(m('L'), { department: 'IT' }),
      newMember(m('N'), { department: 'IT' }),
      newMember(m('Q'), { department: 'Sales' }),
      newMember(m('R'), { department: 'HR' }),
      newMember(m('S')),
      newMember(m('X'), { department: 'Ops' }),
      newMember(m('Y'), { department: 'IT' }),
      newMember(m('Z'), { department: 'IT' }),
      newMember(m('T'), { department: 'IT' }),
      newGroup('g1', { leaders: [m('L')] }),
      newGroup('g2', { leaders: [m('R')] }),
      newGroup('g3', { visibility: 'confidential' }),
      newActivity('p0', 'post', m('L'), '2026-03-10T09:00:00Z', { ...g1, text: 'Cloud strategy' }),
      newActivity('m1', 'post', m('L'), '2026-03-23T09:00:00Z', { ...g1, text: 'Cloud migration plan' }),
      newActivity('m2', 'share', m('L'), '2026-03-24T09:00:00Z', { ...g1, parent: 'm1', tags: ['cloud'] }),
      newActivity('m3', 'post', m('N'), '2026-03-24T10:00:00Z', { ...g1, text: 'Cloud costs' }),
      newActivity('k1', 'post', m('N'), '2026-03-24T11:00:00Z', { ...g1, text: 'Kubernetes' }),
      newActivity('m4', 'question', m('Q'), '2026-03-25T10:00:00Z', { ...g1, text: 'A cloud account?' }),
      newActivity('r1', 'reply', m('N'), '2026-03-25T11:00:00Z', { ...g1, parent: 'm4', text: 'The cloud portal' }),
      newActivity('r2', 'reply', m('Q'), '2026-03-25T12:00:00Z', { ...g1, parent: 'm4', text: 'Thanks' }),
      newActivity('r3', 'reply', m('R'), '2026-03-26T09:00:00Z', { ...g1, parent: 'm3', text: 'Agreed' }),
      newActivity('x1', 'reaction', m('Y'), '2026-03-26T10:00:00Z', { ...g1, parent: 'm1' }),
      newActivity('x3', 'reaction', m('L'), '2026-03-26T11:00:00Z', { ...g1, parent: 'm1' }),
      newActivity('r4', 'reply', m('L'), '2026-03-27T09:00:00Z', { ...g1, parent: 'm1', text: 'More on cloud' }),
      newActivity('m5', 'post', m('R'), '2026-03-29T21:30:00Z', { group: 'g2', text: 'Cloud day' }),
      newActivity('m6', 'post', m('S'), '2026-03-29T22:30:00Z', { group: 'g2', text: 'Cloud night' }),
      newActivity('m7', 'post', m('Q'), '2026-03-31T09:00:00Z', { ...g1, text: 'Cloud again' }),
      newActivity('m8', 'post', m('N'), '2026-04-01T09:00:00Z', { ...g1, text: 'Cloud gone' }),
      newActivity('c1', 'post', m('X'), '2026-04-02T09:00:00Z', { group: 'g3', text: 'Cloud secret' }),
      newActivity('x4', 'reaction', m('Z'), '2026-04-02T10:00:00Z', { group: 'g3', parent: 'c1' }),
      newActivity('x2', 'reaction', m('N'), '2026-04-20T10:00:00Z', { ...g1, parent: 'm4' }),
      newActivity('m9', 'post', m('T'), '2026-04-20T11:00:00Z', { ...g1, text: 'Cloud later' }),
    ]);
    // a duplicate (identical re-send) and a deletion
    const report = await send([newActivity('m7', 'post', m('Q'), '2026-03-31T09:00:00Z', { ...g1, text: 'Cloud again' })]);
    expect(report).toMatchObject({ received: 1, inserted: 0, duplicates: 1 });
    await send([{ type: 'activity', externalId: 'm8', deleted: true }]);
  });
  afterAll(async () => {
    // objectives are org-wide: leave none behind for the other files of this worker
    for (const key of [O(), O2(), O3()]) await t.http().delete(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    await t.close();
  });

  describe('network scope, admin key', () => {
    it('totals', async () => {
      const body = await adoption({ ...W, objective: O() });
      expect(body).toMatchObject({ from: '2026-03-22T23:00:00.000Z', to: '2026-04-05T22:00:00.000Z', timezone: 'Europe/Paris', granularity: 'day' });
      expect((body.rematching as string[]).filter((k) => k.startsWith(`${p}.`))).toEqual([]);
      const o = only(body);
      expect({ ...o, series: undefined }).toEqual({
        key: O(),
        name: 'Cloud',
        mentions: 10, // m1 m2 m3 m4 r1 r4 m5 m6 m7 c1 (p0 and m9 outside W, m8 deleted, m7 once, k1 is O2's)
        authors: 6, // L N Q R S X
        departments: 4, // IT (L, N), Sales (Q), HR (R), Ops (X); S has none
        pulled: 2, // m4 (question), r1 (reply in m4's question thread)
        pushed: 3, // m1, m2 (leader L in g1), m5 (leader R in g2); m3, m6, m7, c1 by non-leaders; r4 is a reply
        pullShare: 0.2, // 2 / 10
        pushShare: 0.3, // 3 / 10
        organicReach: 4, // R (r3 on m3), Y (x1 on m1), N (r1 and x2 on m4, x2 after W), Z (x4 on c1); not Q (r2 on own m4) nor L (x3, r4 on own m1)
        firstMentionAt: '2026-03-10T09:00:00.000Z', // p0, before W
        series: undefined,
      });
    });

    it('day series across the DST change: new and cumulative authors', async () => {
      const o = only(await adoption({ ...W, objective: O(), granularity: 'day' }));
      expect(o.series).toEqual([
        day('2026-03-22T23:00:00.000Z', 1, 1, 0, 1), // 03-23: m1 (L); L's first mention is p0 (03-10): not new; cumulative {L}
        day('2026-03-23T23:00:00.000Z', 2, 2, 1, 2), // 03-24: m2 (L), m3 (N); new N; {L, N}
        day('2026-03-24T23:00:00.000Z', 2, 2, 1, 3), // 03-25: m4 (Q), r1 (N); new Q; {L, N, Q}
        day('2026-03-25T23:00:00.000Z', 0, 0, 0, 3), // 03-26: r3, x1, x3 are not mentions
        day('2026-03-26T23:00:00.000Z', 1, 1, 0, 3), // 03-27: r4 (L)
        day('2026-03-27T23:00:00.000Z', 0, 0, 0, 3), // 03-28
        day('2026-03-28T23:00:00.000Z', 1, 1, 1, 4), // 03-29 (23 h): m5 at 23:30 CEST; new R; {L, N, Q, R}
        day('2026-03-29T22:00:00.000Z', 1, 1, 1, 5), // 03-30: m6 at 00:30 CEST; new S
        day('2026-03-30T22:00:00.000Z', 1, 1, 0, 5), // 03-31: m7 (Q, sent twice: once)
        day('2026-03-31T22:00:00.000Z', 0, 0, 0, 5), // 04-01: m8 deleted
        day('2026-04-01T22:00:00.000Z', 1, 1, 1, 6), // 04-02: c1 (X, confidential, seen by admin); new X
        day('2026-04-02T22:00:00.000Z', 0, 0, 0, 6), // 04-03
        day('2026-04-03T22:00:00.000Z', 0, 0, 0, 6), // 04-04
        day('2026-04-04T22:00:00.000Z', 0, 0, 0, 6), // 04-05
      ]);
    });

    it('week series: the DST Sunday stays in its week', async () => {
      const o = only(await adoption({ ...W, objective: O(), granularity: 'week' }));
      expect(o.series).toEqual([
        day('2026-03-22T23:00:00.000Z', 7, 4, 3, 4), // m1 m2 m3 m4 r1 r4 m5 (Sunday 23:30 CEST); authors L N Q R; new N Q R
        day('2026-03-29T22:00:00.000Z', 3, 3, 2, 6), // m6 (Monday 00:30 CEST) m7 c1; authors S Q X; new S X; cumulative 4 + S + X
      ]);
    });

    it('group scope (g2)', async () => {
      const o = only(await adoption({ ...W, objective: O(), group: 'g2', granularity: 'week' }));
      expect(o).toEqual({
        key: O(),
        name: 'Cloud',
        mentions: 2, // m5, m6
        authors: 2, // R, S
        departments: 1, // HR (S has none)
        pulled: 0,
        pushed: 1, // m5 by R, leader of g2
        pullShare: 0, // 0 / 2
        pushShare: 0.5, // 1 / 2
        organicReach: 0, // nobody interacted with m5 or m6
        firstMentionAt: '2026-03-29T21:30:00.000Z', // m5: the earliest mention in g2
        series: [day('2026-03-22T23:00:00.000Z', 1, 1, 1, 1), day('2026-03-29T22:00:00.000Z', 1, 1, 1, 2)], // m5 (R), then m6 (S)
      });
    });

    it('department scope', async () => {
      expect(only(await adoption({ ...W, objective: O(), department: 'Sales', granularity: 'week' }))).toMatchObject({
        mentions: 2, // m4, m7 (Q)
        authors: 1,
        departments: 1,
        pulled: 1, // m4
        pushed: 0,
        pullShare: 0.5, // 1 / 2
        pushShare: 0,
        organicReach: 1, // N (r1, x2 on m4); Q's own r2 excluded; interactions come from any department
        firstMentionAt: '2026-03-25T10:00:00.000Z', // m4
        series: [day('2026-03-22T23:00:00.000Z', 1, 1, 1, 1), day('2026-03-29T22:00:00.000Z', 1, 1, 0, 1)],
      });
      expect(only(await adoption({ ...W, objective: O(), department: 'IT' }))).toMatchObject({
        mentions: 5, // m1 m2 r4 (L), m3 r1 (N)
        authors: 2,
        departments: 1,
        pulled: 1, // r1
        pushed: 2, // m1, m2
        pullShare: 0.2, // 1 / 5
        pushShare: 0.4, // 2 / 5
        organicReach: 2, // Y (x1 on m1), R (r3 on m3)
        firstMentionAt: '2026-03-10T09:00:00.000Z', // p0 (L)
      });
    });

    it('an empty window: zeros, null shares, the first mention still at any time', async () => {
      const o = only(await adoption({ from: '2026-05-04T00:00:00+02:00', to: '2026-05-06T00:00:00+02:00', objective: O() }));
      expect(o).toEqual({
        key: O(),
        name: 'Cloud',
        mentions: 0,
        authors: 0,
        departments: 0,
        pulled: 0,
        pushed: 0,
        pullShare: null, // 0 / 0
        pushShare: null,
        organicReach: 0,
        firstMentionAt: '2026-03-10T09:00:00.000Z', // p0
        series: [day('2026-05-03T22:00:00.000Z', 0, 0, 0, 0), day('2026-05-04T22:00:00.000Z', 0, 0, 0, 0)],
      });
    });

    it('newAuthors look at the first mention at any time, cumulativeAuthors start at from', async () => {
      // [03-25, 03-28) local: m4 (Q), r1 (N), r4 (L): Q's first mention is m4 itself (new); N's is m3 (03-24) and L's p0
      const o = only(await adoption({ from: '2026-03-25T00:00:00+01:00', to: '2026-03-28T00:00:00+01:00', objective: O(), granularity: 'day' }));
      expect(o.series).toEqual([
        day('2026-03-24T23:00:00.000Z', 2, 2, 1, 2), // m4 Q (new), r1 N; cumulative {Q, N}
        day('2026-03-25T23:00:00.000Z', 0, 0, 0, 2),
        day('2026-03-26T23:00:00.000Z', 1, 1, 0, 3), // r4 L: not new (p0), but new to the window's cumulative count
      ]);
    });
  });

  describe('without objective: every active objective of the network with its totals', () => {
    it('lists O and O2, not the inactive O3, without series', async () => {
      const body = await adoption({ ...W });
      const mine = (body.objectives as { key: string }[]).filter((o) => o.key.startsWith(`${p}.`));
      expect(mine.map((o) => o.key)).toEqual([O(), O2()]); // by key; O3 inactive
      expect(mine[0]).toEqual({
        key: O(),
        name: 'Cloud',
        mentions: 10,
        authors: 6,
        departments: 4,
        pulled: 2,
        pushed: 3,
        pullShare: 0.2,
        pushShare: 0.3,
        organicReach: 4,
        firstMentionAt: '2026-03-10T09:00:00.000Z',
      });
      expect(mine[1]).toEqual({
        key: O2(),
        name: 'Kube',
        mentions: 1, // k1
        authors: 1, // N
        departments: 1, // IT
        pulled: 0,
        pushed: 0, // N leads nothing
        pullShare: 0, // 0 / 1
        pushShare: 0,
        organicReach: 0,
        firstMentionAt: '2026-03-24T11:00:00.000Z', // k1
      });
    });
  });

  describe('errors', () => {
    it('an unknown or inactive objective is a 404 problem', async () => {
      expectProblem(await networkGet(t, net, 'indicators/adoption', { ...W, objective: `${p}.nope` }), 404);
      expectProblem(await networkGet(t, net, 'indicators/adoption', { ...W, objective: O3() }), 404);
    });
    it('a bad granularity or group is a 400', async () => {
      expectProblem(await networkGet(t, net, 'indicators/adoption', { ...W, objective: O(), granularity: 'year' }), 400);
      expectProblem(await networkGet(t, net, 'indicators/adoption', { ...W, objective: O(), group: 'no-such-group' }), 400);
    });
  });

  describe('a key that may not see confidential groups (SPEC §4)', () => {
    let cno: string;
    beforeAll(async () => {
      const created = await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${TEST_ADMIN_KEY}`).send({ name: 'adoption cno unscoped', role: 'cno' });
      expect(created.status).toBe(201);
      cno = created.body.secret;
    });

    it("c1 (g3) is left out of every figure, and x4's author from the reach", async () => {
      const res = await networkGet(t, net, 'indicators/adoption', { ...W, objective: O(), granularity: 'week' }, cno);
      expect(res.status).toBe(200);
      expect(only(res.body)).toEqual({
        key: O(),
        name: 'Cloud',
        mentions: 9, // 10 − c1
        authors: 5, // L N Q R S (X wrote only c1)
        departments: 3, // IT, Sales, HR (Ops was X's)
        pulled: 2,
        pushed: 3,
        pullShare: 0.2222, // 2 / 9 = 0.2222…
        pushShare: 0.3333, // 3 / 9 = 0.3333…
        organicReach: 3, // R, Y, N (Z reacted only on c1)
        firstMentionAt: '2026-03-10T09:00:00.000Z',
        series: [
          day('2026-03-22T23:00:00.000Z', 7, 4, 3, 4), // unchanged
          day('2026-03-29T22:00:00.000Z', 2, 2, 1, 5), // m6, m7; authors S Q; new S; cumulative 4 + S
        ],
      });
    });

    it('group=g3 (confidential) is a 404, as for alignment', async () => {
      expectProblem(await networkGet(t, net, 'indicators/adoption', { ...W, objective: O(), group: 'g3' }, cno), 404);
    });
  });
});
