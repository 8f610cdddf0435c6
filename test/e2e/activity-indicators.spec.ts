import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * SPEC §3.1 (activity indicators), through HTTP on the real application and database. Every
 * expected number below was computed by hand from the SPEC on the fixture described here; the
 * computation is written beside it.
 *
 * Network timezone: UTC (the default), so day buckets are UTC days. Main window
 * W = [2026-03-02T00:00Z, 2026-03-09T00:00Z) (Monday to Monday, 7 days); its previous window
 * P = [2026-02-23T00:00Z, 2026-03-02T00:00Z).
 *
 * Members (member records ingested through this network unless said otherwise):
 *   A  R&D    joinedAt 2025-06-01
 *   B  Sales  joinedAt 2026-03-05T12:00Z (joins mid-window)
 *   C  R&D    no joinedAt → counts from ingestion (today, i.e. after every past window below)
 *   D  Sales  joinedAt 2026-03-09T00:00Z (exactly `to` of W: joinedAt ≤ to → counted)
 *   E  R&D    joinedAt 2026-03-20 (after W); its member record arrives after its activity r4
 *   G  Sales  joinedAt 2025-01-01
 *   H  Sales  joinedAt 2025-01-01 (only ever reacts)
 *   I  R&D    joinedAt 2025-01-01 (never active)
 *   J  R&D    joinedAt 2025-01-01 (never active)
 *   F  R&D    joinedAt 2025-01-01, ingested through ANOTHER network only → never a member here
 *   X  no member record: placeholder author (department null), not a member
 *
 * Network members at 2026-03-09T00:00Z: A, B, D, G, H, I, J = 7 (C: ingested today; E: 03-20; F, X: no).
 *
 * Groups: g1 (leaders [A]), g2 (leaders [B], no membership record for B).
 * Memberships:
 *   g1 A  joinedAt 2026-01-01
 *   g1 B  joinedAt 2026-03-03
 *   g1 C  joinedAt 2026-02-01, leftAt 2026-03-05  (left mid-window)
 *   g1 D  joinedAt 2026-01-01, leftAt 2026-03-09T00:00Z (= to of W: leftAt > to is false → not counted)
 *   g1 G  joinedAt 2026-01-01, leftAt 2026-03-10  (after W → counted)
 *   g1 I  joinedAt 2026-01-01
 *   g1 J  joinedAt 2026-01-01
 *   g2 A  no joinedAt → counts from ingestion (today)
 * g1 members at 2026-03-09: A, B, G, I, J = 5. g2 members at 2026-03-09: none (B is a declared
 * leader but without joinedAt, A without joinedAt: both count from ingestion, i.e. today) = 0.
 *
 * Activities (kind, author, group, time):
 *   before P:  pre1 post     A g1  2026-02-22T23:59:59Z
 *   in P:      p0a  post     A g1  2026-02-24T10:00Z
 *              p0c  reaction C g1  2026-02-24T11:00Z  (parent p0a)
 *              p0b  question B –   2026-02-25T10:00+01:00 (= 09:00Z)
 *              p0e  post     A g1  2026-02-26T10:00Z  DELETED
 *              p0f  reply    B g2  2026-02-27T10:00Z  (parent p0b)
 *              p0d  post     G g1  2026-03-01T23:59:59Z
 *   in W:      q1   question B g1  2026-03-02T00:00Z (= from: included); sent AFTER its reply r1, and re-sent identical
 *              r1   reply    A g1  2026-03-02T09:30+01:00 (= 08:30Z)  (parent q1, arrives first)
 *              x1   reaction C g1  2026-03-02T10:00Z  (parent r1, arrives before r1's parent)
 *              acc1 accept   B g1  2026-03-02T11:00Z  (parent r1)
 *              p1   post     A –   2026-03-03T08:00Z
 *              s1   share    X g2  2026-03-03T09:00Z  (parent p1)
 *              r2   reply    D g1  2026-03-03T10:00Z  DELETED (D's only activity)
 *              q2   question G g2  2026-03-04T12:00Z
 *              r3   reply    B g2  2026-03-04T13:00Z  (parent q2)
 *              x2   reaction A g2  2026-03-04T14:00Z  (parent q2)
 *              p3   post     A g1  first sent at 2026-03-09T10:00Z, then UPDATED to 2026-03-06T10:00Z
 *              p2   post     C g1  2026-03-06T23:30Z  (re-sent identical)
 *              x3   reaction H –   2026-03-07T12:00Z  (parent p1)
 *              r4   reply    E g1  2026-03-08T23:59:59Z (parent p2; arrives before E's member record)
 *   at `to`:   p4   post     A g1  2026-03-09T01:00+01:00 (= 2026-03-09T00:00Z = to: excluded from W)
 */

const ZERO = { posts: 0, questions: 0, replies: 0, reactions: 0, shares: 0, accepts: 0, contributions: 0, activeMembers: 0, contributors: 0 };
type Counts = typeof ZERO;
const bucket = (start: string, counts: Partial<Counts> = {}) => ({ start, ...ZERO, ...counts });

describe('activity indicators (SPEC §3.1), hand-computed', () => {
  let t: TestApp;
  let net: string;
  let other: string;
  let p: string;
  const m = (id: string) => `${p}${id}`;

  const get = (query: Record<string, string>, apiKey = TEST_ADMIN_KEY, network = net) =>
    t.http().get(`/v1/networks/${network}/indicators/activity`).query(query).set('Authorization', `Bearer ${apiKey}`);

  async function ok(query: Record<string, string>) {
    const res = await get(query);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.anything() });
    return res.body;
  }

  async function send(records: RawRecord[], network = net) {
    const res = await ingest(t, network, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    other = await newNetwork(t);
    p = uniqueKey('m') + ':';

    // F: member of the other network only
    await send([newMember(m('F'), { department: 'R&D', joinedAt: '2025-01-01T00:00:00Z' })], other);

    // request 1: responses before their parents, an activity before its author's member record,
    // and p3 at its first (later corrected) time
    await send([
      newActivity('r1', 'reply', m('A'), '2026-03-02T09:30:00+01:00', { group: 'g1', parent: 'q1' }),
      newActivity('x1', 'reaction', m('C'), '2026-03-02T10:00:00Z', { group: 'g1', parent: 'r1', reaction: 'like' }),
      newActivity('acc1', 'accept', m('B'), '2026-03-02T11:00:00Z', { group: 'g1', parent: 'r1' }),
      newActivity('r4', 'reply', m('E'), '2026-03-08T23:59:59Z', { group: 'g1', parent: 'p2' }),
      newActivity('p3', 'post', m('A'), '2026-03-09T10:00:00Z', { group: 'g1', text: 'first sent with the wrong time' }),
    ]);

    // request 2: the rest in natural order
    await send([
      newMember(m('A'), { department: 'R&D', joinedAt: '2025-06-01T00:00:00Z' }),
      newMember(m('B'), { department: 'Sales', joinedAt: '2026-03-05T13:00:00+01:00' }),
      newMember(m('C'), { department: 'R&D' }),
      newMember(m('D'), { department: 'Sales', joinedAt: '2026-03-09T01:00:00+01:00' }),
      newMember(m('E'), { department: 'R&D', joinedAt: '2026-03-20T00:00:00Z' }),
      newMember(m('G'), { department: 'Sales', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('H'), { department: 'Sales', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('I'), { department: 'R&D', joinedAt: '2025-01-01T00:00:00Z' }),
      newMember(m('J'), { department: 'R&D', joinedAt: '2025-01-01T00:00:00Z' }),
      newGroup('g1', { leaders: [m('A')] }),
      newGroup('g2', { leaders: [m('B')] }),
      newMembership('g1', m('A'), { role: 'leader', joinedAt: '2026-01-01T00:00:00Z' }),
      newMembership('g1', m('B'), { joinedAt: '2026-03-03T00:00:00Z' }),
      newMembership('g1', m('C'), { joinedAt: '2026-02-01T00:00:00Z', leftAt: '2026-03-05T00:00:00Z' }),
      newMembership('g1', m('D'), { joinedAt: '2026-01-01T00:00:00Z', leftAt: '2026-03-09T00:00:00Z' }),
      newMembership('g1', m('G'), { joinedAt: '2026-01-01T00:00:00Z', leftAt: '2026-03-10T00:00:00Z' }),
      newMembership('g1', m('I'), { joinedAt: '2026-01-01T00:00:00Z' }),
      newMembership('g1', m('J'), { joinedAt: '2026-01-01T00:00:00Z' }),
      newMembership('g2', m('A')),
      newActivity('pre1', 'post', m('A'), '2026-02-22T23:59:59Z', { group: 'g1' }),
      newActivity('p0a', 'post', m('A'), '2026-02-24T10:00:00Z', { group: 'g1' }),
      newActivity('p0c', 'reaction', m('C'), '2026-02-24T11:00:00Z', { group: 'g1', parent: 'p0a' }),
      newActivity('p0b', 'question', m('B'), '2026-02-25T10:00:00+01:00'),
      newActivity('p0e', 'post', m('A'), '2026-02-26T10:00:00Z', { group: 'g1' }),
      newActivity('p0f', 'reply', m('B'), '2026-02-27T10:00:00Z', { group: 'g2', parent: 'p0b' }),
      newActivity('p0d', 'post', m('G'), '2026-03-01T23:59:59Z', { group: 'g1' }),
      newActivity('q1', 'question', m('B'), '2026-03-02T00:00:00Z', { group: 'g1', text: 'Quel quota VPN ?' }),
      newActivity('p1', 'post', m('A'), '2026-03-03T08:00:00Z'),
      newActivity('s1', 'share', m('X'), '2026-03-03T09:00:00Z', { group: 'g2', parent: 'p1' }),
      newActivity('r2', 'reply', m('D'), '2026-03-03T10:00:00Z', { group: 'g1', parent: 'q1' }),
      newActivity('q2', 'question', m('G'), '2026-03-04T12:00:00Z', { group: 'g2' }),
      newActivity('r3', 'reply', m('B'), '2026-03-04T13:00:00Z', { group: 'g2', parent: 'q2' }),
      newActivity('x2', 'reaction', m('A'), '2026-03-04T14:00:00Z', { group: 'g2', parent: 'q2' }),
      newActivity('p2', 'post', m('C'), '2026-03-06T23:30:00Z', { group: 'g1', text: 'Retour d’expérience' }),
      newActivity('x3', 'reaction', m('H'), '2026-03-07T12:00:00Z', { parent: 'p1' }),
      newActivity('p4', 'post', m('A'), '2026-03-09T01:00:00+01:00', { group: 'g1' }),
    ]);

    // request 3: two identical re-sends (duplicates) and one correction (update)
    const report = await send([
      newActivity('q1', 'question', m('B'), '2026-03-02T00:00:00Z', { group: 'g1', text: 'Quel quota VPN ?' }),
      newActivity('p2', 'post', m('C'), '2026-03-06T23:30:00Z', { group: 'g1', text: 'Retour d’expérience' }),
      newActivity('p3', 'post', m('A'), '2026-03-06T10:00:00Z', { group: 'g1', text: 'first sent with the wrong time' }),
    ]);
    expect(report).toEqual({ received: 3, inserted: 0, updated: 1, duplicates: 2, rejected: [] });

    // request 4: deletions
    await send([
      { type: 'activity', externalId: 'r2', deleted: true },
      { type: 'activity', externalId: 'p0e', deleted: true },
    ]);
  });
  afterAll(() => t.close());

  describe('network scope, window W = [2026-03-02, 2026-03-09)', () => {
    it('totals', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
      expect(body.from).toBe('2026-03-02T00:00:00.000Z');
      expect(body.to).toBe('2026-03-09T00:00:00.000Z');
      expect(body.granularity).toBe('day'); // default
      expect(body.timezone).toBe('UTC'); // network default
      expect(body.totals).toEqual({
        posts: 3, // p1, p3 (moved into W by the update), p2 (sent twice, counted once); p4 at `to` excluded
        questions: 2, // q1 (at `from`, included; sent twice), q2
        replies: 3, // r1, r3, r4; r2 deleted
        reactions: 3, // x1, x2, x3
        shares: 1, // s1
        accepts: 1, // acc1
        contributions: 9, // 3 + 2 + 3 + 1
        activeMembers: 7, // {A, B, C, X, G, E, H}; D only authored the deleted r2
        contributors: 6, // {B(q1,r3), A(r1,p1,p3), X(s1), G(q2), C(p2), E(r4)}; H only reacted
        members: 7, // A, B (03-05 ≤ to), D (joinedAt = to), G, H, I, J; not C (no joinedAt, ingested today), E (03-20), F (other network), X (placeholder)
        participationRate: 0.8571, // 6 / 7 = 0.857142…
        contributionsPerMember: 1.2857, // 9 / 7 = 1.285714…
        growth: 1.25, // previous window P: p0a, p0b, p0f, p0d = 4 contributions (p0c reaction, p0e deleted, pre1 before P) → (9 − 4) / 4
      });
    });

    it('daily series: one bucket per UTC day, empty days included with zeros', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', granularity: 'day' });
      expect(body.series).toEqual([
        // q1(B), r1(A), x1(C), acc1(B): contributions q1 + r1 = 2; active {B, A, C}; contributors {B, A}
        bucket('2026-03-02T00:00:00.000Z', { questions: 1, replies: 1, reactions: 1, accepts: 1, contributions: 2, activeMembers: 3, contributors: 2 }),
        // p1(A), s1(X); r2(D) deleted
        bucket('2026-03-03T00:00:00.000Z', { posts: 1, shares: 1, contributions: 2, activeMembers: 2, contributors: 2 }),
        // q2(G), r3(B), x2(A): active {G, B, A}; contributors {G, B}
        bucket('2026-03-04T00:00:00.000Z', { questions: 1, replies: 1, reactions: 1, contributions: 2, activeMembers: 3, contributors: 2 }),
        // nothing
        bucket('2026-03-05T00:00:00.000Z'),
        // p3(A) after its update, p2(C) once despite the re-send
        bucket('2026-03-06T00:00:00.000Z', { posts: 2, contributions: 2, activeMembers: 2, contributors: 2 }),
        // x3(H) only: active but not a contributor
        bucket('2026-03-07T00:00:00.000Z', { reactions: 1, activeMembers: 1 }),
        // r4(E) at 23:59:59
        bucket('2026-03-08T00:00:00.000Z', { replies: 1, contributions: 1, activeMembers: 1, contributors: 1 }),
      ]);
    });

    it('the same window given with another offset gives the same answer', async () => {
      const utc = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
      // 2026-03-02T01:00+01:00 = 2026-03-02T00:00Z; 2026-03-08T19:00-05:00 = 2026-03-09T00:00Z
      const offset = await ok({ from: '2026-03-02T01:00:00+01:00', to: '2026-03-08T19:00:00-05:00' });
      expect(offset).toEqual(utc);
    });
  });

  describe('group and department filters on W', () => {
    it('group g1 (a member left mid-window, one left exactly at `to`)', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', group: 'g1' });
      expect(body.totals).toEqual({
        posts: 2, // p2(C), p3(A)
        questions: 1, // q1
        replies: 2, // r1, r4; r2 deleted
        reactions: 1, // x1
        shares: 0,
        accepts: 1, // acc1
        contributions: 5, // 2 + 1 + 2
        activeMembers: 4, // {B, A, C, E}
        contributors: 4, // {B(q1), A(r1,p3), C(p2), E(r4)}
        members: 5, // A, B (03-03), G (left 03-10 > to), I, J; not C (left 03-05), not D (leftAt = to)
        participationRate: 0.8, // 4 / 5
        contributionsPerMember: 1, // 5 / 5
        growth: 1.5, // P in g1: p0a, p0d = 2 (p0c reaction, p0e deleted) → (5 − 2) / 2
      });
      expect(body.series).toEqual([
        bucket('2026-03-02T00:00:00.000Z', { questions: 1, replies: 1, reactions: 1, accepts: 1, contributions: 2, activeMembers: 3, contributors: 2 }), // q1 r1 x1 acc1
        bucket('2026-03-03T00:00:00.000Z'), // r2 deleted; p1 has no group; s1 is in g2
        bucket('2026-03-04T00:00:00.000Z'), // all g2
        bucket('2026-03-05T00:00:00.000Z'),
        bucket('2026-03-06T00:00:00.000Z', { posts: 2, contributions: 2, activeMembers: 2, contributors: 2 }), // p3, p2
        bucket('2026-03-07T00:00:00.000Z'), // x3 has no group
        bucket('2026-03-08T00:00:00.000Z', { replies: 1, contributions: 1, activeMembers: 1, contributors: 1 }), // r4
      ]);
    });

    it('group g1 before the member left: [2026-03-02, 2026-03-04)', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z', group: 'g1' });
      expect(body.totals).toEqual({
        posts: 0,
        questions: 1, // q1
        replies: 1, // r1 (r2 deleted)
        reactions: 1, // x1
        shares: 0,
        accepts: 1, // acc1
        contributions: 2, // q1, r1
        activeMembers: 3, // {B, A, C}
        contributors: 2, // {B, A}
        members: 7, // at 03-04: A, B (03-03), C (leaves 03-05), D (leaves 03-09), G, I, J
        participationRate: 0.2857, // 2 / 7 = 0.285714…
        contributionsPerMember: 0.2857, // 2 / 7
        growth: 1, // previous [02-28, 03-02) in g1: p0d = 1 → (2 − 1) / 1
      });
      expect(body.series).toEqual([
        bucket('2026-03-02T00:00:00.000Z', { questions: 1, replies: 1, reactions: 1, accepts: 1, contributions: 2, activeMembers: 3, contributors: 2 }),
        bucket('2026-03-03T00:00:00.000Z'),
      ]);
    });

    it('group g2: contributions but no member yet at `to` → null rates, never NaN', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', group: 'g2' });
      expect(body.totals).toEqual({
        posts: 0,
        questions: 1, // q2
        replies: 1, // r3
        reactions: 1, // x2
        shares: 1, // s1 (shared into g2)
        accepts: 0,
        contributions: 3, // q2, r3, s1
        activeMembers: 4, // {G, B, A, X}
        contributors: 3, // {G, B, X}
        members: 0, // B declared leader and A: neither has a joinedAt, both count from ingestion (today)
        participationRate: null, // 3 / 0
        contributionsPerMember: null, // 3 / 0
        growth: 2, // P in g2: p0f = 1 → (3 − 1) / 1
      });
    });

    it('department R&D (name needing URL encoding)', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', department: 'R&D' });
      expect(body.totals).toEqual({
        posts: 3, // p1(A), p3(A), p2(C)
        questions: 0,
        replies: 2, // r1(A), r4(E: department known from the member record that arrived after r4)
        reactions: 2, // x1(C), x2(A)
        shares: 0, // s1 is by placeholder X (department null)
        accepts: 0,
        contributions: 5, // 3 + 2
        activeMembers: 3, // {A, C, E}
        contributors: 3, // {A, C, E}
        members: 3, // A, I, J; not C (ingested today), E (03-20), F (other network)
        participationRate: 1, // 3 / 3
        contributionsPerMember: 1.6667, // 5 / 3 = 1.666…
        growth: 4, // P by R&D authors: p0a(A) = 1 (p0c reaction, p0e deleted) → (5 − 1) / 1
      });
    });

    it('department Sales (zero growth is 0, not null)', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', department: 'Sales' });
      expect(body.totals).toEqual({
        posts: 0,
        questions: 2, // q1(B), q2(G)
        replies: 1, // r3(B); r2(D) deleted
        reactions: 1, // x3(H)
        shares: 0,
        accepts: 1, // acc1(B)
        contributions: 3, // q1, q2, r3
        activeMembers: 3, // {B, G, H}
        contributors: 2, // {B, G}
        members: 4, // B, D (joinedAt = to), G, H
        participationRate: 0.5, // 2 / 4
        contributionsPerMember: 0.75, // 3 / 4
        growth: 0, // P by Sales authors: p0b(B), p0f(B), p0d(G) = 3 → (3 − 3) / 3
      });
    });

    it('group g1 and department R&D together', async () => {
      const body = await ok({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', group: 'g1', department: 'R&D' });
      expect(body.totals).toEqual({
        posts: 2, // p3(A), p2(C)
        questions: 0,
        replies: 2, // r1(A), r4(E)
        reactions: 1, // x1(C)
        shares: 0,
        accepts: 0,
        contributions: 4,
        activeMembers: 3, // {A, C, E}
        contributors: 3, // {A, C, E}
        members: 3, // g1 members at `to` in R&D: A, I, J (C left)
        participationRate: 1, // 3 / 3
        contributionsPerMember: 1.3333, // 4 / 3
        growth: 3, // P in g1 by R&D: p0a = 1 → (4 − 1) / 1
      });
    });
  });

  describe('other windows', () => {
    it('weekly series over [2026-02-25, 2026-03-10): first bucket is the Monday containing `from`', async () => {
      const body = await ok({ from: '2026-02-25T00:00:00Z', to: '2026-03-10T00:00:00Z', granularity: 'week' });
      expect(body.granularity).toBe('week');
      expect(body.series).toEqual([
        // week of Mon 02-23, but only [02-25, 03-02) counts: p0b(B question), p0f(B reply), p0d(G post); p0e deleted; p0a, p0c before `from`
        bucket('2026-02-23T00:00:00.000Z', { posts: 1, questions: 1, replies: 1, contributions: 3, activeMembers: 2, contributors: 2 }),
        // week of 03-02 = W exactly
        bucket('2026-03-02T00:00:00.000Z', {
          posts: 3,
          questions: 2,
          replies: 3,
          reactions: 3,
          shares: 1,
          accepts: 1,
          contributions: 9,
          activeMembers: 7,
          contributors: 6,
        }),
        // [03-09, 03-10): p4(A) only (p3 was moved away from 03-09T10:00Z by its update)
        bucket('2026-03-09T00:00:00.000Z', { posts: 1, contributions: 1, activeMembers: 1, contributors: 1 }),
      ]);
      expect(body.totals).toEqual({
        posts: 5, // p0d + (p1, p3, p2) + p4
        questions: 3, // p0b + (q1, q2)
        replies: 4, // p0f + (r1, r3, r4)
        reactions: 3, // x1, x2, x3 (p0c is before `from`)
        shares: 1, // s1
        accepts: 1, // acc1
        contributions: 13, // 3 + 9 + 1
        activeMembers: 7, // {B, G} ∪ {A, B, C, X, G, E, H} ∪ {A}
        contributors: 6, // {B, G} ∪ {A, B, X, G, C, E} ∪ {A}
        members: 7, // at 03-10: A, B, D, G, H, I, J
        participationRate: 0.8571, // 6 / 7
        contributionsPerMember: 1.8571, // 13 / 7 = 1.857142…
        growth: 5.5, // previous [02-12, 02-25) (13 days): pre1, p0a = 2 (p0c reaction) → (13 − 2) / 2
      });
    });

    it('negative growth: [2026-03-09, 2026-03-16) against W', async () => {
      const body = await ok({ from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' });
      expect(body.totals).toEqual({
        ...ZERO,
        posts: 1, // p4 at exactly `from`
        contributions: 1,
        activeMembers: 1, // A
        contributors: 1,
        members: 7, // at 03-16: A, B, D, G, H, I, J (E joins 03-20)
        participationRate: 0.1429, // 1 / 7 = 0.142857…
        contributionsPerMember: 0.1429, // 1 / 7
        growth: -0.8889, // previous = W: 9 → (1 − 9) / 9 = −0.888…
      });
      expect(body.series).toEqual([
        bucket('2026-03-09T00:00:00.000Z', { posts: 1, contributions: 1, activeMembers: 1, contributors: 1 }),
        bucket('2026-03-10T00:00:00.000Z'),
        bucket('2026-03-11T00:00:00.000Z'),
        bucket('2026-03-12T00:00:00.000Z'),
        bucket('2026-03-13T00:00:00.000Z'),
        bucket('2026-03-14T00:00:00.000Z'),
        bucket('2026-03-15T00:00:00.000Z'),
      ]);
    });

    it('null growth: [2026-02-16, 2026-02-23) has a contribution, its previous window none', async () => {
      const body = await ok({ from: '2026-02-16T00:00:00Z', to: '2026-02-23T00:00:00Z' });
      expect(body.totals).toEqual({
        ...ZERO,
        posts: 1, // pre1 at 02-22T23:59:59Z
        contributions: 1,
        activeMembers: 1, // A
        contributors: 1,
        members: 5, // at 02-23: A, G, H, I, J (B joins 03-05, D 03-09)
        participationRate: 0.2, // 1 / 5
        contributionsPerMember: 0.2, // 1 / 5
        growth: null, // previous [02-09, 02-16): 0 contributions
      });
    });

    it('an empty window long ago: zeros, null rates, never NaN', async () => {
      const res = await get({ from: '2024-01-01T00:00:00Z', to: '2024-01-08T00:00:00Z' });
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/NaN|Infinity/);
      expect(res.body.totals).toEqual({
        ...ZERO,
        members: 0, // the earliest joinedAt is 2025-01-01
        participationRate: null, // 0 / 0
        contributionsPerMember: null, // 0 / 0
        growth: null, // previous window empty too
      });
      expect(res.body.series).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((d) => bucket(`2024-01-${d}T00:00:00.000Z`)));
    });

    it('an empty window after today: members without joinedAt count from ingestion; rates are 0, not null', async () => {
      const body = await ok({ from: '2099-01-05T00:00:00Z', to: '2099-01-12T00:00:00Z', granularity: 'week' });
      expect(body.totals).toEqual({
        ...ZERO,
        members: 9, // every member record of this network: A, B, C (ingested today), D, E, G, H, I, J; not F, not X
        participationRate: 0, // 0 / 9
        contributionsPerMember: 0, // 0 / 9
        growth: null, // previous window empty
      });
      // 2099-01-05 is a Monday
      expect(body.series).toEqual([bucket('2099-01-05T00:00:00.000Z')]);
      const g1 = await ok({ from: '2099-01-05T00:00:00Z', to: '2099-01-12T00:00:00Z', group: 'g1' });
      expect(g1.totals.members).toBe(4); // A, B, I, J (C, D, G have left)
      const g2 = await ok({ from: '2099-01-05T00:00:00Z', to: '2099-01-12T00:00:00Z', group: 'g2' });
      expect(g2.totals.members).toBe(2); // B (declared leader, from ingestion), A (membership without joinedAt, from ingestion)
      expect(g2.totals.participationRate).toBe(0); // 0 / 2
      const rd = await ok({ from: '2099-01-05T00:00:00Z', to: '2099-01-12T00:00:00Z', department: 'R&D' });
      expect(rd.totals.members).toBe(5); // A, C, E, I, J
    });

    it('default window: the 28 days ending now', async () => {
      const before = Date.now();
      const body = await ok({});
      const after = Date.now();
      const from = Date.parse(body.from);
      const to = Date.parse(body.to);
      expect(body.to).toMatch(/Z$/);
      expect(to).toBeGreaterThanOrEqual(before - 1000);
      expect(to).toBeLessThanOrEqual(after + 1000);
      expect(to - from).toBe(28 * 24 * 3600 * 1000);
      // daily buckets from the day containing `from` to the last day starting before `to`
      const firstDay = Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth(), new Date(from).getUTCDate());
      const expectedBuckets = Math.ceil((to - firstDay) / (24 * 3600 * 1000));
      expect(body.series).toHaveLength(expectedBuckets);
      expect(body.series[0].start).toBe(new Date(firstDay).toISOString());
    });
  });

  describe('validation and roles', () => {
    const W = { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' };

    it('rejects bad parameters with problem+json 400', async () => {
      expectProblem(await get({ from: '2026-03-09T00:00:00Z', to: '2026-03-09T00:00:00Z' }), 400); // from = to
      expectProblem(await get({ from: '2026-03-10T00:00:00Z', to: '2026-03-09T00:00:00Z' }), 400); // from > to
      expectProblem(await get({ from: '2026-06-31T00:00:00Z', to: '2026-07-09T00:00:00Z' }), 400); // June 31st
      expectProblem(await get({ from: '2026-03-02T00:00:00', to: '2026-03-09T00:00:00Z' }), 400); // no offset
      expectProblem(await get({ from: 'yesterday', to: '2026-03-09T00:00:00Z' }), 400);
      expectProblem(await get({ ...W, group: 'no-such-group' }), 400);
      expectProblem(await get({ ...W, granularity: 'year' }), 400);
    });

    it('cno keys read indicators, integrator keys get 403, no key 401, unknown network 404', async () => {
      const createKey = async (role: string) => {
        const res = await t
          .http()
          .post('/v1/api-keys')
          .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
          .send({ name: `activity ${role}`, role });
        expect(res.status).toBe(201);
        return res.body.secret as string;
      };
      const cno = await get(W, await createKey('cno'));
      expect(cno.status).toBe(200);
      expect(cno.body.totals.contributions).toBe(9);
      expectProblem(await get(W, await createKey('integrator')), 403);
      expectProblem(await t.http().get(`/v1/networks/${net}/indicators/activity`).query(W), 401);
      expectProblem(await get(W, TEST_ADMIN_KEY, uniqueKey('no-such-network')), 404);
    });

    it('the other network sees none of these activities', async () => {
      const body = (await get({ from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }, TEST_ADMIN_KEY, other)).body;
      expect(body.totals).toMatchObject({ contributions: 0, activeMembers: 0, members: 1 }); // F only (joinedAt 2025-01-01)
    });
  });
});
