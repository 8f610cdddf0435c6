import type { Response } from 'supertest';
import { RawRecord, ingest, loadNetwork, newActivity, newGroup, newMember, newMembership, uniqueKey } from '../support/factories';
import { networkGet, readIndicator } from '../support/indicators';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * Responsiveness (SPEC §3.3) and the unanswered-questions list, through HTTP on the real
 * application and database. Every expected number is computed by hand from the SPEC on a small
 * purpose-built thread fixture; the computation is in the comment beside it.
 *
 * Conventions used below (SPEC §1): windows are half-open [from, to); durations in seconds;
 * percentiles continuous (PostgreSQL percentile_cont: position (n − 1)·p in the sorted values,
 * linear interpolation between the two neighbours); rates rounded to 4 decimals, null when the
 * denominator is 0; durations rounded to 3 decimals.
 */

const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-08T00:00:00Z';

/** The UTC `Z` form of an instant, with or without milliseconds. */
function utc(instant: string | number): unknown {
  const iso = new Date(instant).toISOString();
  const [base, ms] = [iso.slice(0, 19), iso.slice(20, 23)];
  return expect.stringMatching(new RegExp(`^${base}${ms === '000' ? '(\\.0+)?' : `\\.${ms}0*`}Z$`));
}

/** A window with no root at all: zeros for counts, null for every rate and duration. */
const EMPTY = {
  roots: 0,
  respondedRoots: 0,
  responseRate: null,
  medianTimeToFirstResponse: null,
  p90TimeToFirstResponse: null,
  meanTimeToFirstResponse: null,
  questions: 0,
  resolvedQuestions: 0,
  resolvedRate: null,
  medianTimeToResolution: null,
  unansweredQuestions: 0,
  leaderFirstResponseShare: null,
};

/**
 * Members (org-wide, prefixed):  A R&D, B Sales, C R&D, L Ops, M Sales.
 * Groups: g1 leaders [L] (group record); g2 leaders [C] (group record) + M (membership role leader).
 *
 * Threads (UTC in the comments; the window is [2026-03-01T00:00Z, 2026-03-08T00:00Z)):
 *   Q6   question C g1 03-01 00:00 (= from, included). Only a share by A → no response.
 *   Q1   question B g1 03-02 09:00. r1 B→Q1 09:10 (self), r2 B→r1 09:20 (self),
 *        r3 C→r2 09:30 (depth 3: FIRST RESPONSE, 1800 s), r4 A→Q1 11:00 (direct child, later).
 *        acc1 B→r3 12:00 → resolved, r3 − Q1 = 1800 s.
 *   Qs   question A g1 03-02 10:00. Reaction by B 10:01, self replies rs1 10:05, rs2 10:06 → no response.
 *   Q2   question A g1 03-03 08:00. s1 C→Q2 08:10 (600 s), s2 L→Q2 08:40 (2400 s, L leads g1).
 *        acc2a A→s1 09:00, acc2b A→s2 10:00 (sent first) → the later wins: s2, 2400 s.
 *   Q10  question B (no group) 03-03 12:00, no reply.
 *   Q3   question B g2 03-04 12:00, no reply.
 *   Pdel post A g1 03-04 08:00, reply B 08:05, then Pdel deleted → not a root.
 *   P3   post B (no group) 03-05 10:00. t0 C→P3 10:05 deleted; t1 A→P3 10:10 → 600 s.
 *   Q5   question A g1 03-06 00:00 (exactly 48 h before `to`), no reply.
 *   Q4   question C (no group) 03-06 12:00 (36 h before `to`), no reply.
 *   P2   post C g2 03-06 20:00. u1 M→P2 03-08 02:00 (after `to`, still counts): 30 h = 108000 s.
 *   Q7   question B g1 02-28 23:59:59 (before `from`), Q8 question C g1 03-08 00:00 (= to): outside.
 */
function threads(p: string): RawRecord[] {
  const [A, B, C, L, M] = ['A', 'B', 'C', 'L', 'M'].map((x) => `${p}${x}`);
  return [
    newMember(A, { department: 'R&D' }),
    newMember(B, { department: 'Sales' }),
    newMember(C, { department: 'R&D' }),
    newMember(L, { department: 'Ops' }),
    newMember(M, { department: 'Sales' }),
    newGroup('g1', { leaders: [L] }),
    newGroup('g2', { leaders: [C] }),
    newMembership('g2', M, { role: 'leader' }),
    newMembership('g1', A, { role: 'member' }),
    newMembership('g1', B, { role: 'member' }),
    newActivity('Q6', 'question', C, '2026-03-01T01:00:00+01:00', { group: 'g1', text: 'q6' }),
    newActivity('sh6', 'share', A, '2026-03-01T08:00:00Z', { group: 'g1', parent: 'Q6' }),
    newActivity('Q1', 'question', B, '2026-03-02T10:00:00+01:00', { group: 'g1', text: 'q1' }),
    newActivity('r1', 'reply', B, '2026-03-02T09:10:00Z', { group: 'g1', parent: 'Q1' }),
    newActivity('r2', 'reply', B, '2026-03-02T09:20:00Z', { group: 'g1', parent: 'r1' }),
    newActivity('r3', 'reply', C, '2026-03-02T10:30:00+01:00', { group: 'g1', parent: 'r2' }),
    newActivity('r4', 'reply', A, '2026-03-02T11:00:00Z', { group: 'g1', parent: 'Q1' }),
    newActivity('acc1', 'accept', B, '2026-03-02T12:00:00Z', { group: 'g1', parent: 'r3' }),
    newActivity('Qs', 'question', A, '2026-03-02T10:00:00Z', { group: 'g1', text: 'qs' }),
    newActivity('xs1', 'reaction', B, '2026-03-02T10:01:00Z', { group: 'g1', parent: 'Qs', reaction: 'like' }),
    newActivity('rs1', 'reply', A, '2026-03-02T10:05:00Z', { group: 'g1', parent: 'Qs' }),
    newActivity('rs2', 'reply', A, '2026-03-02T10:06:00Z', { group: 'g1', parent: 'rs1' }),
    newActivity('Q2', 'question', A, '2026-03-03T09:00:00+01:00', { group: 'g1', text: 'q2' }),
    newActivity('s1', 'reply', C, '2026-03-03T08:10:00Z', { group: 'g1', parent: 'Q2' }),
    newActivity('s2', 'reply', L, '2026-03-03T08:40:00Z', { group: 'g1', parent: 'Q2' }),
    newActivity('acc2b', 'accept', A, '2026-03-03T10:00:00Z', { group: 'g1', parent: 's2' }),
    newActivity('acc2a', 'accept', A, '2026-03-03T09:00:00Z', { group: 'g1', parent: 's1' }),
    newActivity('Q10', 'question', B, '2026-03-03T12:00:00Z', { text: 'q10' }),
    newActivity('Q3', 'question', B, '2026-03-04T12:00:00Z', { group: 'g2', text: 'q3' }),
    newActivity('Pdel', 'post', A, '2026-03-04T08:00:00Z', { group: 'g1', text: 'deleted' }),
    newActivity('rdel', 'reply', B, '2026-03-04T08:05:00Z', { group: 'g1', parent: 'Pdel' }),
    { type: 'activity', externalId: 'Pdel', deleted: true },
    newActivity('P3', 'post', B, '2026-03-05T10:00:00Z', { text: 'p3' }),
    newActivity('t0', 'reply', C, '2026-03-05T10:05:00Z', { parent: 'P3' }),
    { type: 'activity', externalId: 't0', deleted: true },
    newActivity('t1', 'reply', A, '2026-03-05T11:10:00+01:00', { parent: 'P3' }),
    newActivity('Q5', 'question', A, '2026-03-06T00:00:00Z', { group: 'g1', text: 'q5' }),
    newActivity('Q4', 'question', C, '2026-03-06T13:00:00+01:00', { text: 'q4' }),
    newActivity('P2', 'post', C, '2026-03-06T20:00:00Z', { group: 'g2', text: 'p2' }),
    newActivity('u1', 'reply', M, '2026-03-08T03:00:00+01:00', { group: 'g2', parent: 'P2' }),
    newActivity('Q7', 'question', B, '2026-02-28T23:59:59Z', { group: 'g1', text: 'q7' }),
    newActivity('Q8', 'question', C, '2026-03-08T00:00:00Z', { group: 'g1', text: 'q8' }),
  ];
}

describe('responsiveness indicators (hand-computed fixtures)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const load = (records: RawRecord[]) => loadNetwork(t, records);

  const get = (network: string, path: string, query: Record<string, string | number> = {}, apiKey?: string) => networkGet(t, network, path, query, apiKey);
  const responsiveness = (network: string, query: Record<string, string> = {}) => readIndicator(t, network, 'indicators/responsiveness', query);

  describe('the thread fixture', () => {
    let net: string;
    let p: string;
    beforeAll(async () => {
      p = uniqueKey('m') + ':';
      net = await load(threads(p));
    });

    it('network scope: roots, first responses (nested, after `to`, deleted skipped), resolution, unanswered, leaders', async () => {
      expect(await responsiveness(net, { from: FROM, to: TO })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        // Q6 Q1 Qs Q2 Q10 Q3 P3 Q5 Q4 P2 (Q7 before from, Q8 at to, Pdel deleted)
        roots: 10,
        // Q1 (r3 nested), Q2 (s1), P3 (t1; t0 deleted), P2 (u1 after `to`); Q6 share only, Qs self/reaction only
        respondedRoots: 4,
        responseRate: 0.4, // 4 / 10
        // sorted TTFR [600 (Q2), 600 (P3, tie), 1800 (Q1), 108000 (P2)]; pos 0.5·3 = 1.5 → 600 + 0.5·(1800 − 600) = 1200
        medianTimeToFirstResponse: 1200,
        // pos 0.9·3 = 2.7 → 1800 + 0.7·(108000 − 1800) = 1800 + 74340 = 76140
        p90TimeToFirstResponse: 76140,
        meanTimeToFirstResponse: 27750, // (600 + 600 + 1800 + 108000) / 4 = 111000 / 4
        questions: 8, // Q6 Q1 Qs Q2 Q10 Q3 Q5 Q4
        resolvedQuestions: 2, // Q1 (acc1 → r3), Q2 (latest accept acc2b → s2)
        resolvedRate: 0.25, // 2 / 8
        // Q1: r3 09:30 − 09:00 = 1800; Q2: s2 08:40 − 08:00 = 2400 (not s1's 600: the later accept wins); median = 2100
        medianTimeToResolution: 2100,
        // no first response and > 48 h before to=03-08 00:00: Q6 (7 d), Qs (5 d 14 h), Q10 (4 d 12 h), Q3 (3 d 12 h);
        // Q5 is exactly 48 h (not more), Q4 36 h
        unansweredQuestions: 4,
        // first responders: Q1 C (g1 leaders {L}) no, Q2 C no, P3 A (no group) no, P2 M (g2 membership leader) yes → 1 / 4
        leaderFirstResponseShare: 0.25,
      });
    });

    it('group g1: two values interpolate linearly for p90', async () => {
      expect(await responsiveness(net, { from: FROM, to: TO, group: 'g1' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        roots: 5, // Q6 Q1 Qs Q2 Q5
        respondedRoots: 2, // Q1 1800, Q2 600
        responseRate: 0.4, // 2 / 5
        medianTimeToFirstResponse: 1200, // [600, 1800]: pos 0.5 → 600 + 0.5·1200
        p90TimeToFirstResponse: 1680, // pos 0.9 → 600 + 0.9·1200 = 600 + 1080
        meanTimeToFirstResponse: 1200, // (600 + 1800) / 2
        questions: 5, // Q6 Q1 Qs Q2 Q5
        resolvedQuestions: 2, // Q1, Q2
        resolvedRate: 0.4, // 2 / 5
        medianTimeToResolution: 2100, // [1800, 2400]
        unansweredQuestions: 2, // Q6, Qs (Q5 exactly 48 h)
        leaderFirstResponseShare: 0, // C answered both; g1's leader is L → 0 / 2
      });
    });

    it('group g2: a single value is its own median, p90 and mean', async () => {
      expect(await responsiveness(net, { from: FROM, to: TO, group: 'g2' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        roots: 2, // Q3, P2
        respondedRoots: 1, // P2 (reply 30 h later, after `to`)
        responseRate: 0.5, // 1 / 2
        medianTimeToFirstResponse: 108000, // 03-08 02:00 − 03-06 20:00 = 30 h = 108000 s, one value
        p90TimeToFirstResponse: 108000, // one value: pos 0 → that value
        meanTimeToFirstResponse: 108000,
        questions: 1, // Q3
        resolvedQuestions: 0,
        resolvedRate: 0, // 0 / 1 (denominator not 0 → 0, not null)
        medianTimeToResolution: null, // nothing resolved
        unansweredQuestions: 1, // Q3: 3 d 12 h
        leaderFirstResponseShare: 1, // M leads g2 through a leader membership → 1 / 1
      });
    });

    it('department filter keeps the roots whose author is in it; their responses may come from anywhere', async () => {
      expect(await responsiveness(net, { from: FROM, to: TO, department: 'Sales' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        roots: 4, // B's roots: Q1, Q10, Q3, P3
        respondedRoots: 2, // Q1 (by C, R&D) 1800, P3 (by A, R&D) 600
        responseRate: 0.5, // 2 / 4
        medianTimeToFirstResponse: 1200, // [600, 1800]
        p90TimeToFirstResponse: 1680, // 600 + 0.9·1200
        meanTimeToFirstResponse: 1200,
        questions: 3, // Q1, Q10, Q3
        resolvedQuestions: 1, // Q1
        resolvedRate: 0.3333, // 1 / 3 = 0.33333…
        medianTimeToResolution: 1800, // Q1 only
        unansweredQuestions: 2, // Q10, Q3
        leaderFirstResponseShare: 0, // C in g1 (not its leader), A without group → 0 / 2
      });
      expect(await responsiveness(net, { from: FROM, to: TO, department: 'R&D' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        roots: 6, // A: Qs Q2 Q5; C: Q6 Q4 P2
        respondedRoots: 2, // Q2 600, P2 108000
        responseRate: 0.3333, // 2 / 6
        medianTimeToFirstResponse: 54300, // (600 + 108000) / 2
        p90TimeToFirstResponse: 97260, // 600 + 0.9·(108000 − 600) = 600 + 96660
        meanTimeToFirstResponse: 54300,
        questions: 5, // Q6 Qs Q2 Q5 Q4
        resolvedQuestions: 1, // Q2
        resolvedRate: 0.2, // 1 / 5
        medianTimeToResolution: 2400, // Q2 → s2
        unansweredQuestions: 2, // Q6, Qs
        leaderFirstResponseShare: 0.5, // Q2 by C (not g1 leader), P2 by M (g2 leader) → 1 / 2
      });
      // Ops (L) wrote replies but no root
      expect(await responsiveness(net, { from: FROM, to: TO, department: 'Ops' })).toEqual({ from: utc(FROM), to: utc(TO), ...EMPTY });
    });

    it('group and department filters combine', async () => {
      expect(await responsiveness(net, { from: FROM, to: TO, group: 'g1', department: 'R&D' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        roots: 4, // Q6 (C), Qs, Q2, Q5 (A)
        respondedRoots: 1, // Q2
        responseRate: 0.25, // 1 / 4
        medianTimeToFirstResponse: 600,
        p90TimeToFirstResponse: 600,
        meanTimeToFirstResponse: 600,
        questions: 4,
        resolvedQuestions: 1, // Q2
        resolvedRate: 0.25,
        medianTimeToResolution: 2400,
        unansweredQuestions: 2, // Q6, Qs
        leaderFirstResponseShare: 0, // C is not g1's leader
      });
    });

    it('an empty window gives zeros and nulls, never NaN', async () => {
      const from = '2025-01-01T00:00:00+01:00';
      const to = '2025-02-01T00:00:00+01:00';
      expect(await responsiveness(net, { from, to })).toEqual({ from: utc(from), to: utc(to), ...EMPTY });
      expect(await responsiveness(net, { from, to, group: 'g1' })).toEqual({ from: utc(from), to: utc(to), ...EMPTY });
    });

    it('the window is half-open: a root at `from` is in, a root at `to` is out', async () => {
      // [02-28 23:59:59, 03-01 00:00:00): only Q7 (Q6 at 03-01 00:00 is out); Q7 is 1 s old at `to` → not unanswered
      const a = await responsiveness(net, { from: '2026-02-28T23:59:59Z', to: '2026-03-01T00:00:00Z' });
      expect(a).toMatchObject({
        roots: 1,
        questions: 1,
        respondedRoots: 0,
        responseRate: 0,
        resolvedRate: 0,
        unansweredQuestions: 0,
        leaderFirstResponseShare: null,
      });
      // [03-08 00:00, 03-09 00:00): only Q8 (u1, a reply, is no root); 24 h old at to = 03-09 → not unanswered
      const b = await responsiveness(net, { from: '2026-03-08T00:00:00Z', to: '2026-03-09T00:00:00Z' });
      expect(b).toMatchObject({ roots: 1, questions: 1, respondedRoots: 0, responseRate: 0, unansweredQuestions: 0 });
      // [02-26 00:00, 03-03 00:00): Q7, Q6, Q1, Qs. At to (2026: no Feb 29th): Q7 is 48 h 0 min 1 s old → unanswered;
      // Q6 exactly 48 h → not; Q1 responded; Qs 38 h → not
      const c = await responsiveness(net, { from: '2026-02-26T00:00:00Z', to: '2026-03-03T00:00:00Z' });
      expect(c).toMatchObject({ roots: 4, questions: 4, respondedRoots: 1, unansweredQuestions: 1 });
      const list = await get(net, 'questions/unanswered', { from: '2026-02-26T00:00:00Z', to: '2026-03-03T00:00:00Z' });
      expect(list.body).toEqual({
        items: [{ externalId: 'Q7', author: expect.stringMatching(/:B$/), group: 'g1', occurredAt: utc('2026-02-28T23:59:59Z') }],
        nextCursor: null,
      });
    });

    describe('GET questions/unanswered', () => {
      const item = (externalId: string, author: string, group: string | null, occurredAt: string) => ({
        externalId,
        author: `${p}${author}`,
        group,
        occurredAt: utc(occurredAt),
      });
      // the 4 counted by unansweredQuestions, oldest first
      const all = () => [
        item('Q6', 'C', 'g1', '2026-03-01T00:00:00Z'),
        item('Qs', 'A', 'g1', '2026-03-02T10:00:00Z'),
        item('Q10', 'B', null, '2026-03-03T12:00:00Z'),
        item('Q3', 'B', 'g2', '2026-03-04T12:00:00Z'),
      ];

      it('lists the unanswered questions of the window, oldest first', async () => {
        const res = await get(net, 'questions/unanswered', { from: FROM, to: TO });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ items: all(), nextCursor: null });
      });

      it('pages with limit and cursor without gaps or repeats', async () => {
        const first = await get(net, 'questions/unanswered', { from: FROM, to: TO, limit: 3 });
        expect(first.status).toBe(200);
        expect(first.body).toEqual({ items: all().slice(0, 3), nextCursor: expect.any(String) });
        const second = await get(net, 'questions/unanswered', { from: FROM, to: TO, limit: 3, cursor: first.body.nextCursor });
        expect(second.status).toBe(200);
        expect(second.body).toEqual({ items: all().slice(3), nextCursor: null });

        // one at a time
        const seen: unknown[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 10; page++) {
          const res: Response = await get(net, 'questions/unanswered', { from: FROM, to: TO, limit: 1, ...(cursor ? { cursor } : {}) });
          expect(res.status).toBe(200);
          expect(res.body.items.length).toBeLessThanOrEqual(1);
          seen.push(...res.body.items);
          cursor = res.body.nextCursor;
          if (cursor === null) break;
        }
        expect(cursor).toBeNull();
        expect(seen).toEqual(all());
      });

      it('applies the group and department filters', async () => {
        const g1 = await get(net, 'questions/unanswered', { from: FROM, to: TO, group: 'g1' });
        expect(g1.body).toEqual({ items: [item('Q6', 'C', 'g1', '2026-03-01T00:00:00Z'), item('Qs', 'A', 'g1', '2026-03-02T10:00:00Z')], nextCursor: null });
        const sales = await get(net, 'questions/unanswered', { from: FROM, to: TO, department: 'Sales' });
        expect(sales.body).toEqual({
          items: [item('Q10', 'B', null, '2026-03-03T12:00:00Z'), item('Q3', 'B', 'g2', '2026-03-04T12:00:00Z')],
          nextCursor: null,
        });
        const empty = await get(net, 'questions/unanswered', { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
        expect(empty.body).toEqual({ items: [], nextCursor: null });
      });

      it('rejects bad paging and windows', async () => {
        expectProblem(await get(net, 'questions/unanswered', { from: FROM, to: TO, limit: 0 }), 400);
        expectProblem(await get(net, 'questions/unanswered', { from: FROM, to: TO, limit: 1001 }), 400);
        expectProblem(await get(net, 'questions/unanswered', { from: FROM, to: TO, cursor: 'not-a-cursor' }), 400);
        expectProblem(await get(net, 'questions/unanswered', { from: TO, to: FROM }), 400);
        expectProblem(await get(net, 'questions/unanswered', { from: FROM, to: TO, group: 'no-such-group' }), 400);
      });
    });

    it('validates the query: from ≥ to, malformed dates, unknown group', async () => {
      expectProblem(await get(net, 'indicators/responsiveness', { from: TO, to: TO }), 400); // from = to
      expectProblem(await get(net, 'indicators/responsiveness', { from: TO, to: FROM }), 400); // from > to
      expectProblem(await get(net, 'indicators/responsiveness', { from: '2026-06-31T00:00:00Z', to: '2026-07-02T00:00:00Z' }), 400); // no June 31st
      expectProblem(await get(net, 'indicators/responsiveness', { from: FROM, to: 'yesterday' }), 400);
      expectProblem(await get(net, 'indicators/responsiveness', { from: '2026-03-01T24:30:00Z', to: TO }), 400);
      expectProblem(await get(net, 'indicators/responsiveness', { from: FROM, to: TO, group: 'no-such-group' }), 400);
    });

    it('cno and admin keys read it; an integrator key gets 403, no key 401, an unknown network 404', async () => {
      const createKey = async (role: string) => {
        const res = await t
          .http()
          .post('/v1/api-keys')
          .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
          .send({ name: `responsiveness ${role}`, role });
        expect(res.status).toBe(201);
        return res.body.secret as string;
      };
      const cno = await createKey('cno');
      const integrator = await createKey('integrator');
      for (const path of ['indicators/responsiveness', 'questions/unanswered']) {
        expect((await get(net, path, { from: FROM, to: TO }, cno)).status).toBe(200);
        expect((await get(net, path, { from: FROM, to: TO })).status).toBe(200);
        expectProblem(await get(net, path, { from: FROM, to: TO }, integrator), 403);
        expectProblem(await t.http().get(`/v1/networks/${net}/${path}`), 401);
        expectProblem(await get(uniqueKey('nope'), path, { from: FROM, to: TO }), 404);
      }
    });
  });

  it("deleting a thread's first response moves the time to first response to the next reply", async () => {
    const p = uniqueKey('m') + ':';
    const net = await load(threads(p));
    const before = await responsiveness(net, { from: FROM, to: TO });
    expect(before).toMatchObject({ respondedRoots: 4, medianTimeToFirstResponse: 1200, leaderFirstResponseShare: 0.25 });

    const del = await ingest(t, net, [{ type: 'activity', externalId: 's1', deleted: true }]);
    expect(del.status).toBe(200);
    expect(del.body.rejected).toEqual([]);

    expect(await responsiveness(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      roots: 10,
      respondedRoots: 4, // Q2 is still answered, by s2
      responseRate: 0.4,
      // Q2's first response is now s2 (L, 08:40 − 08:00 = 2400): sorted [600 (P3), 1800 (Q1), 2400 (Q2), 108000 (P2)]
      medianTimeToFirstResponse: 2100, // pos 1.5 → 1800 + 0.5·600
      p90TimeToFirstResponse: 76320, // pos 2.7 → 2400 + 0.7·(108000 − 2400) = 2400 + 73920
      meanTimeToFirstResponse: 28200, // (600 + 1800 + 2400 + 108000) / 4 = 112800 / 4
      questions: 8,
      resolvedQuestions: 2, // the latest accept (acc2b → s2) still stands
      resolvedRate: 0.25,
      medianTimeToResolution: 2100, // [1800, 2400]
      unansweredQuestions: 4,
      // L (g1 leader by group record) for Q2 and M for P2 → 2 / 4
      leaderFirstResponseShare: 0.5,
    });
    expect(await responsiveness(net, { from: FROM, to: TO, group: 'g1' })).toMatchObject({
      respondedRoots: 2,
      medianTimeToFirstResponse: 2100, // [1800, 2400]
      p90TimeToFirstResponse: 2340, // 1800 + 0.9·600
      meanTimeToFirstResponse: 2100,
      leaderFirstResponseShare: 0.5, // L answered Q2 → 1 / 2
    });
  });

  it('fractional durations are kept (seconds, 3 decimals)', async () => {
    const p = uniqueKey('m') + ':';
    const [A, B] = [`${p}A`, `${p}B`];
    const net = await load([
      newMember(A, { department: 'R&D' }),
      newMember(B, { department: 'R&D' }),
      newActivity('F1', 'post', A, '2026-03-02T10:00:00Z'),
      newActivity('F1r', 'reply', B, '2026-03-02T10:00:00.500Z', { parent: 'F1' }), // 0.5 s
      newActivity('F2', 'post', A, '2026-03-02T11:00:00Z'),
      newActivity('F2r', 'reply', B, '2026-03-02T12:00:01+01:00', { parent: 'F2' }), // 1 s
      newActivity('F3', 'question', A, '2026-03-02T12:00:00Z'),
      newActivity('F3r', 'reply', B, '2026-03-02T12:00:02Z', { parent: 'F3' }), // 2 s
      newActivity('F3a', 'accept', A, '2026-03-02T12:05:00Z', { parent: 'F3r' }),
    ]);
    expect(await responsiveness(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      roots: 3,
      respondedRoots: 3,
      responseRate: 1,
      medianTimeToFirstResponse: 1, // [0.5, 1, 2]: pos 1
      p90TimeToFirstResponse: 1.8, // pos 1.8 → 1 + 0.8·(2 − 1)
      meanTimeToFirstResponse: 1.167, // 3.5 / 3 = 1.1666… → 3 decimals
      questions: 1,
      resolvedQuestions: 1,
      resolvedRate: 1,
      medianTimeToResolution: 2, // F3r − F3
      unansweredQuestions: 0,
      leaderFirstResponseShare: 0, // no group, so no leader → 0 / 3
    });
  });

  it('unanswered age is measured at min(to, now) when the window ends in the future; the default window is the 28 days ending now', async () => {
    const p = uniqueKey('m') + ':';
    const [A, B] = [`${p}A`, `${p}B`];
    const now = Math.floor(Date.now() / 1000) * 1000;
    const ago = (hours: number) => new Date(now - hours * 3600_000).toISOString();
    const net = await load([
      newMember(A, { department: 'R&D' }),
      newMember(B, { department: 'Sales' }),
      newActivity('QA', 'question', A, ago(72)), // 72 h old now → unanswered
      newActivity('QC', 'question', A, ago(40)), // 40 h old now (but 88 h at `to`) → not yet
      newActivity('QB', 'question', A, ago(24)), // 24 h old now (72 h at `to`) → not yet
      newActivity('QD', 'question', A, ago(100)),
      newActivity('QDr', 'reply', B, ago(99), { parent: 'QD' }), // answered after 3600 s
    ]);
    const from = new Date(now - 7 * 86400_000).toISOString();
    const to = new Date(now + 2 * 86400_000).toISOString(); // in the future: min(to, now) = now
    const expected = {
      roots: 4,
      respondedRoots: 1, // QD
      responseRate: 0.25,
      medianTimeToFirstResponse: 3600,
      p90TimeToFirstResponse: 3600,
      meanTimeToFirstResponse: 3600,
      questions: 4,
      resolvedQuestions: 0,
      resolvedRate: 0,
      medianTimeToResolution: null,
      unansweredQuestions: 1, // QA only (measured at now, not at `to`)
      leaderFirstResponseShare: 0,
    };
    expect(await responsiveness(net, { from, to })).toEqual({ from: utc(from), to: utc(to), ...expected });
    const list = await get(net, 'questions/unanswered', { from, to });
    expect(list.body).toEqual({ items: [{ externalId: 'QA', author: A, group: null, occurredAt: utc(ago(72)) }], nextCursor: null });

    // default window: [now − 28 d, now), the same four roots
    const byDefault = await responsiveness(net);
    expect(byDefault).toEqual({ from: expect.any(String), to: expect.any(String), ...expected });
    expect(Date.parse(byDefault.to as string) - Date.parse(byDefault.from as string)).toBe(28 * 86400_000);
    expect(Math.abs(Date.parse(byDefault.to as string) - Date.now())).toBeLessThan(5 * 60_000);
    expect((await get(net, 'questions/unanswered')).body).toEqual({ items: [expect.objectContaining({ externalId: 'QA' })], nextCursor: null });
  });
});
