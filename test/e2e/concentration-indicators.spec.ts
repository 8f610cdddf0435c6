import { RawRecord, ingest, loadNetwork, newActivity, newGroup, newMember, newMembership, uniqueKey } from '../support/factories';
import { networkGet, readIndicator } from '../support/indicators';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * Concentration (SPEC §3.4) through HTTP on the real application and database, with numbers
 * computed by hand beside each expectation.
 *
 *   contributions = post, question, reply, share whose occurredAt is in [from, to), not deleted
 *   gini = Σi Σj |ci − cj| / (2 n² · mean), 0 when n ≤ 1
 *   top10PercentShare = share of the top ⌈0.1 n⌉ contributors
 *   busFactor = smallest k whose top-k hold ≥ 50 % of contributions
 *   leaderShare = contributions written by a leader of the group where they were made / contributions
 * Rates rounded to 4 decimals; empty window → contributors 0, contributions 0, gini 0, busFactor 0, null shares.
 */

const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-08T00:00:00Z';

function utc(instant: string): unknown {
  const base = new Date(instant).toISOString().slice(0, 19);
  return expect.stringMatching(new RegExp(`^${base}(\\.0+)?Z$`));
}

const EMPTY = { contributors: 0, contributions: 0, gini: 0, top10PercentShare: null, busFactor: 0, leaderShare: null };

/**
 * Members: A R&D, B Sales, C R&D, D Sales, E Ops. Groups: g1 leaders [A] (group record);
 * g2 leader B (membership role leader).
 * Contributions in [03-01, 03-08):
 *   A ×5: a1 post g1 (at `from`), a2 question g1, a3 reply g1 (to a2, own thread: still a contribution),
 *         a4 share of a1 made in g2, a5 post g2                         → leader in g1 only: a1 a2 a3
 *   B ×3: b1 post g2 (leads g2), b2 reply g1, b3 reply g1              → leader: b1
 *   C ×1: c1 question, no group
 *   D ×1: d1 reply g1
 * Not contributions: reactions (E ×3, C ×3, B ×1), an accept by A, D's deleted post, C's post at
 * 02-28 23:59:59 (before from) and D's post at 03-08 00:00 (= to).
 */
function dataset(p: string): RawRecord[] {
  const [A, B, C, D, E] = ['A', 'B', 'C', 'D', 'E'].map((x) => `${p}${x}`);
  return [
    newMember(A, { department: 'R&D' }),
    newMember(B, { department: 'Sales' }),
    newMember(C, { department: 'R&D' }),
    newMember(D, { department: 'Sales' }),
    newMember(E, { department: 'Ops' }),
    newGroup('g1', { leaders: [A] }),
    newGroup('g2', { leaders: [] }),
    newMembership('g2', B, { role: 'leader' }),
    newMembership('g1', B, { role: 'member' }),
    newActivity('a1', 'post', A, '2026-03-01T01:00:00+01:00', { group: 'g1', text: 'a1' }),
    newActivity('a2', 'question', A, '2026-03-02T10:00:00Z', { group: 'g1', text: 'a2' }),
    newActivity('a3', 'reply', A, '2026-03-02T10:30:00Z', { group: 'g1', parent: 'a2' }),
    newActivity('a4', 'share', A, '2026-03-03T09:00:00Z', { group: 'g2', parent: 'a1' }),
    newActivity('a5', 'post', A, '2026-03-04T09:00:00Z', { group: 'g2', text: 'a5' }),
    newActivity('b1', 'post', B, '2026-03-02T11:00:00Z', { group: 'g2', text: 'b1' }),
    newActivity('b2', 'reply', B, '2026-03-02T12:00:00Z', { group: 'g1', parent: 'a1' }),
    newActivity('b3', 'reply', B, '2026-03-03T10:00:00+01:00', { group: 'g1', parent: 'a2' }),
    newActivity('c1', 'question', C, '2026-03-05T09:00:00Z', { text: 'c1' }),
    newActivity('d1', 'reply', D, '2026-03-06T09:00:00-05:00', { group: 'g1', parent: 'a1' }),
    // noise
    newActivity('e1', 'reaction', E, '2026-03-02T13:00:00Z', { group: 'g1', parent: 'a1' }),
    newActivity('e2', 'reaction', E, '2026-03-02T13:00:00Z', { group: 'g2', parent: 'b1' }),
    newActivity('e3', 'reaction', E, '2026-03-05T13:00:00Z', { parent: 'c1' }),
    newActivity('cx1', 'reaction', C, '2026-03-02T14:00:00Z', { group: 'g1', parent: 'a1' }),
    newActivity('cx2', 'reaction', C, '2026-03-02T14:00:00Z', { group: 'g1', parent: 'a2' }),
    newActivity('cx3', 'reaction', C, '2026-03-02T14:00:00Z', { group: 'g2', parent: 'b1' }),
    newActivity('bx1', 'reaction', B, '2026-03-02T14:00:00Z', { group: 'g2', parent: 'a5' }),
    newActivity('acc', 'accept', A, '2026-03-03T12:00:00Z', { group: 'g1', parent: 'b3' }),
    newActivity('d2', 'post', D, '2026-03-04T12:00:00Z', { group: 'g1', text: 'gone' }),
    { type: 'activity', externalId: 'd2', deleted: true },
    newActivity('c0', 'post', C, '2026-02-28T23:59:59Z', { text: 'before' }),
    newActivity('d3', 'post', D, '2026-03-08T01:00:00+01:00', { group: 'g1', text: 'at to' }),
  ];
}

describe('concentration indicators (hand-computed fixtures)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const load = (records: RawRecord[]) => loadNetwork(t, records);

  const get = (network: string, query: Record<string, string> = {}, apiKey?: string) => networkGet(t, network, 'indicators/concentration', query, apiKey);
  const concentration = (network: string, query: Record<string, string> = {}) => readIndicator(t, network, 'indicators/concentration', query);

  describe('counts 5, 3, 1, 1', () => {
    let net: string;
    beforeAll(async () => {
      net = await load(dataset(uniqueKey('m') + ':'));
    });

    it('network scope', async () => {
      expect(await concentration(net, { from: FROM, to: TO })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        contributors: 4, // A B C D (E only reacted)
        contributions: 10, // 5 + 3 + 1 + 1
        // mean 2.5; unordered |ci − cj|: 5-3 2, 5-1 4, 5-1 4, 3-1 2, 3-1 2, 1-1 0 = 14 → ordered 28;
        // 28 / (2 · 16 · 2.5) = 28 / 80
        gini: 0.35,
        top10PercentShare: 0.5, // ⌈0.4⌉ = 1 contributor: 5 / 10
        busFactor: 1, // top-1 = 5 / 10 = 50 % ≥ 50 %
        leaderShare: 0.4, // A's a1 a2 a3 in g1 (leads g1) + B's b1 in g2 (leads g2) = 4 / 10
      });
    });

    it('group g1', async () => {
      expect(await concentration(net, { from: FROM, to: TO, group: 'g1' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        contributors: 3, // A (a1 a2 a3), B (b2 b3), D (d1)
        contributions: 6,
        // counts 3, 2, 1, mean 2; unordered 1 + 2 + 1 = 4 → 8; 8 / (2 · 9 · 2) = 8 / 36 = 0.2222…
        gini: 0.2222,
        top10PercentShare: 0.5, // ⌈0.3⌉ = 1: 3 / 6
        busFactor: 1, // 3 / 6 = 50 %
        leaderShare: 0.5, // A leads g1: 3 / 6
      });
    });

    it('group g2: a share counts in the group where it was made', async () => {
      expect(await concentration(net, { from: FROM, to: TO, group: 'g2' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        contributors: 2, // A (a4 share, a5), B (b1)
        contributions: 3,
        // counts 2, 1, mean 1.5; ordered Σ = 2 · 1 = 2; 2 / (2 · 4 · 1.5) = 2 / 12 = 0.1666…
        gini: 0.1667,
        top10PercentShare: 0.6667, // ⌈0.2⌉ = 1: 2 / 3
        busFactor: 1, // 2 / 3 ≥ 50 %
        leaderShare: 0.3333, // only B leads g2 (A's share into g2 is not a leader's): 1 / 3
      });
    });

    it('department filter keeps the contributions whose author is in it', async () => {
      expect(await concentration(net, { from: FROM, to: TO, department: 'Sales' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        contributors: 2, // B 3, D 1
        contributions: 4,
        gini: 0.25, // mean 2; ordered Σ = 2 · 2 = 4; 4 / (2 · 4 · 2) = 4 / 16
        top10PercentShare: 0.75, // ⌈0.2⌉ = 1: 3 / 4
        busFactor: 1,
        leaderShare: 0.25, // b1: 1 / 4
      });
      expect(await concentration(net, { from: FROM, to: TO, department: 'R&D' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        contributors: 2, // A 5, C 1
        contributions: 6,
        gini: 0.3333, // mean 3; ordered Σ = 2 · 4 = 8; 8 / (2 · 4 · 3) = 8 / 24
        top10PercentShare: 0.8333, // 5 / 6
        busFactor: 1,
        leaderShare: 0.5, // a1 a2 a3: 3 / 6
      });
      // E (Ops) only reacted
      expect(await concentration(net, { from: FROM, to: TO, department: 'Ops' })).toEqual({ from: utc(FROM), to: utc(TO), ...EMPTY });
    });

    it('an empty window gives zeros and null shares, never NaN', async () => {
      const from = '2025-01-01T00:00:00+01:00';
      const to = '2025-02-01T00:00:00+01:00';
      expect(await concentration(net, { from, to })).toEqual({ from: utc(from), to: utc(to), ...EMPTY });
      expect(await concentration(net, { from, to, group: 'g2' })).toEqual({ from: utc(from), to: utc(to), ...EMPTY });
    });

    it('validates the query and the caller', async () => {
      expectProblem(await get(net, { from: TO, to: TO }), 400);
      expectProblem(await get(net, { from: TO, to: FROM }), 400);
      expectProblem(await get(net, { from: '2026-02-30T00:00:00Z', to: TO }), 400);
      expectProblem(await get(net, { from: FROM, to: '2026-03-08' + 'T99:00:00Z' }), 400);
      expectProblem(await get(net, { from: FROM, to: TO, group: 'no-such-group' }), 400);
      const key = async (role: string) =>
        (
          await t
            .http()
            .post('/v1/api-keys')
            .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
            .send({ name: `concentration ${role}`, role })
        ).body.secret as string;
      expect((await get(net, { from: FROM, to: TO }, await key('cno'))).status).toBe(200);
      expectProblem(await get(net, { from: FROM, to: TO }, await key('integrator')), 403);
    });
  });

  it('deleting a contribution removes it: counts 4, 3, 1, 1', async () => {
    const net = await load(dataset(uniqueKey('m') + ':'));
    const del = await ingest(t, net, [{ type: 'activity', externalId: 'a1', deleted: true }]);
    expect(del.body.rejected).toEqual([]);
    expect(await concentration(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      contributors: 4,
      contributions: 9, // A 4 (a2 a3 a4 a5), B 3, C 1, D 1; replies to a1 still count
      // mean 2.25; unordered 4-3 1, 4-1 3, 4-1 3, 3-1 2, 3-1 2, 1-1 0 = 11 → 22; 22 / (2 · 16 · 2.25) = 22 / 72 = 0.30555…
      gini: 0.3056,
      top10PercentShare: 0.4444, // 4 / 9
      busFactor: 2, // top-1 4 / 9 = 44 % < 50 %; top-2 7 / 9 ≥ 50 %
      leaderShare: 0.3333, // a2 a3 (A in g1) + b1 (B in g2) = 3 / 9
    });
  });

  it('ties: counts 3, 3, 1, 1, 1', async () => {
    const p = uniqueKey('m') + ':';
    const ids = ['P', 'Q', 'R', 'S', 'T'].map((x) => `${p}${x}`);
    const counts = [3, 3, 1, 1, 1];
    const records: RawRecord[] = ids.map((id) => newMember(id, { department: 'R&D' }));
    counts.forEach((n, i) => {
      for (let k = 0; k < n; k++) records.push(newActivity(`t${i}-${k}`, 'post', ids[i], `2026-03-0${k + 2}T08:00:00+02:00`));
    });
    const net = await load(records);
    expect(await concentration(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      contributors: 5,
      contributions: 9,
      // mean 1.8; each (3, 1) ordered pair differs by 2: 2 threes × 3 ones × 2 orders = 12 pairs → 24;
      // 24 / (2 · 25 · 1.8) = 24 / 90 = 0.2666…
      gini: 0.2667,
      top10PercentShare: 0.3333, // ⌈0.5⌉ = 1: 3 / 9 (whichever of the tied two)
      busFactor: 2, // top-1 3 / 9 = 33 %; top-2 6 / 9 = 67 %
      leaderShare: 0, // no group, no leader: 0 / 9
    });
  });

  it('11 contributors: the top 10 % are ⌈1.1⌉ = 2 people', async () => {
    const p = uniqueKey('m') + ':';
    const ids = Array.from({ length: 11 }, (_, i) => `${p}c${i}`);
    const counts = [10, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const records: RawRecord[] = [...ids.map((id) => newMember(id, { department: 'Ops' })), newGroup('g1', { leaders: [ids[0]] })];
    counts.forEach((n, i) => {
      for (let k = 0; k < n; k++)
        records.push(newActivity(`c${i}-${k}`, k % 2 ? 'question' : 'post', ids[i], `2026-03-03T${String(k).padStart(2, '0')}:00:00Z`, { group: 'g1' }));
    });
    const net = await load(records);
    expect(await concentration(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      contributors: 11,
      contributions: 24, // 10 + 5 + 9
      // unordered: 10-5 5; 10-1 9 × 9 = 81; 5-1 4 × 9 = 36; 1-1 0 → 122, ordered 244;
      // mean 24 / 11; 2 · 121 · 24 / 11 = 528; 244 / 528 = 0.46212…
      gini: 0.4621,
      top10PercentShare: 0.625, // top 2: (10 + 5) / 24
      busFactor: 2, // 10 / 24 = 41.7 % < 50 %; 15 / 24 = 62.5 %
      leaderShare: 0.4167, // c0 leads g1: 10 / 24 = 0.41666…
    });
  });

  it('a single contributor: gini 0, busFactor 1, top share 1', async () => {
    const p = uniqueKey('m') + ':';
    const S = `${p}S`;
    const net = await load([
      newMember(S, { department: 'R&D' }),
      newGroup('g1', { leaders: [S] }),
      newActivity('s1', 'post', S, '2026-03-02T08:00:00Z', { group: 'g1' }),
      newActivity('s2', 'reply', S, '2026-03-02T09:00:00Z', { group: 'g1', parent: 's1' }),
      newActivity('s3', 'share', S, '2026-03-02T10:00:00Z', { parent: 's1' }), // no group → not a leader's contribution
      newActivity('s4', 'reaction', S, '2026-03-02T11:00:00Z', { group: 'g1', parent: 's1' }), // not a contribution
    ]);
    expect(await concentration(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      contributors: 1,
      contributions: 3,
      gini: 0, // n ≤ 1
      top10PercentShare: 1, // ⌈0.1⌉ = 1: 3 / 3
      busFactor: 1,
      leaderShare: 0.6667, // s1 s2 in g1 (S leads it): 2 / 3
    });
  });
});
