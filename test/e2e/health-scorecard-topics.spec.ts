import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §3.10 treat-emerging-problem and cover-expertise, firing and not, on a hand-built network
 * (UTC; `at` = 3 days before today, to = the midnight after it, the emerging-topics week = [to − 7 d, to)).
 *
 * Group gT, leader lt (one post in the window, so no revive-leadership). In the last week:
 *   burnout…: questions b1, b2 by a1 and b3, b4 by a2, each tagged it and answered (no text) by r one hour later
 *     → mentions 4, authors 2, questions 4 (4·2 > 4: kind problem), baseline 0 (never before), score (4 − 0)/√1 = 4
 *     ≥ 2: treat-emerging-problem FIRES; r: 4 replies, 2 people helped → observed 4 + 2·2 = 8 ≥ 5: the suggested expert.
 *   kiosk…: question k1q by k1 and post k1p, question k2q by k2 and post k2p, the questions answered by r2
 *     → mentions 4, questions 2 (2·2 = 4, not more than 4): kind topic: does NOT fire.
 * Without a group, days 1–10 of the window:
 *   orphan…: 3 questions by o1, each answered once by a different member h1, h2, h3 (observed 1 + 2 = 3 < 5 each),
 *     nobody declares it → questions 3 ≥ 3, no expert: cover-expertise FIRES.
 *   lonely…: 2 questions, no expert → 2 < 3: does NOT fire.
 *   covered…: 3 questions answered by h4, h5, h6, and dc declares expertise 3 on it → declaredExperts 1: does NOT fire.
 * burnout has an observed expert (r: 8) and kiosk (r2: 2 replies + 2·2 = 6): no cover-expertise for them.
 * gT: contributors lt 1, a1 2, a2 2, r 4, k1 2, k2 2, r2 2 → 7, total 15, top 2 (8) ≥ 7.5 → busFactor 2: no reduce-dependency.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const TO = TODAY - 2 * DAY;
const FROM = TO - 28 * DAY;
const AT = new Date(TO - DAY).toISOString().slice(0, 10);
const C = (d: number, h = 10) => new Date(FROM + d * DAY + h * HOUR).toISOString();
const SFX = Math.random().toString(36).slice(2, 8).replace(/[0-9]/g, 'k') + 'q';
const BURNOUT = `burnout${SFX}`;
const KIOSK = `kiosk${SFX}`;
const ORPHAN = `orphan${SFX}`;
const LONELY = `lonely${SFX}`;
const COVERED = `covered${SFX}`;

describe('health scorecard: emerging problems and expertise coverage', () => {
  let t: TestApp;
  let net: string;
  const p = uniqueKey('ht');
  const m = (x: string) => `${p}-${x}`;
  const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };
  async function get(path: string) {
    const res = await t.http().get(path).set(auth);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    const records: RawRecord[] = [];
    const act = (id: string, kind: string, author: string, at: string, fields: RawRecord = {}) => records.push(newActivity(id, kind, m(author), at, fields));
    for (const x of ['lt', 'a1', 'a2', 'r', 'k1', 'k2', 'r2', 'o1', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dc']) records.push(newMember(m(x)));
    records.push(newGroup('gT', { leaders: [m('lt')] }), newMembership('gT', m('lt'), { role: 'leader' }));
    act('lp', 'post', 'lt', C(2), { group: 'gT' });
    [
      ['b1', 'a1'],
      ['b2', 'a1'],
      ['b3', 'a2'],
      ['b4', 'a2'],
    ].forEach(([id, author], i) => {
      act(id, 'question', author, C(22 + i), { group: 'gT', tags: [BURNOUT] });
      act(`${id}r`, 'reply', 'r', C(22 + i, 11), { group: 'gT', parent: id });
    });
    act('k1q', 'question', 'k1', C(23), { group: 'gT', tags: [KIOSK] });
    act('k1p', 'post', 'k1', C(23), { group: 'gT', tags: [KIOSK] });
    act('k2q', 'question', 'k2', C(24), { group: 'gT', tags: [KIOSK] });
    act('k2p', 'post', 'k2', C(24), { group: 'gT', tags: [KIOSK] });
    act('k1qr', 'reply', 'r2', C(23, 11), { group: 'gT', parent: 'k1q' });
    act('k2qr', 'reply', 'r2', C(24, 11), { group: 'gT', parent: 'k2q' });
    ['h1', 'h2', 'h3'].forEach((h, i) => {
      act(`or${i}`, 'question', 'o1', C(1 + i), { tags: [ORPHAN] });
      act(`or${i}r`, 'reply', h, C(1 + i, 11), { parent: `or${i}` });
    });
    for (let i = 0; i < 2; i++) {
      act(`lo${i}`, 'question', 'o1', C(4 + i), { tags: [LONELY] });
      act(`lo${i}r`, 'reply', 'h1', C(4 + i, 11), { parent: `lo${i}` });
    }
    ['h4', 'h5', 'h6'].forEach((h, i) => {
      act(`co${i}`, 'question', 'o1', C(6 + i), { tags: [COVERED] });
      act(`co${i}r`, 'reply', h, C(6 + i, 11), { parent: `co${i}` });
    });
    const res = await ingest(t, net, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    const profile = await t
      .http()
      .put(`/v1/members/${m('dc')}/profile`)
      .set(auth)
      .send({ expertise: [{ topic: COVERED, level: 3 }] });
    expect(profile.status).toBe(200);
    expect((await t.http().post(`/v1/networks/${net}/people-index`).set(auth)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('fires for the question-heavy burst and the uncovered tag only, with the endpoints’ figures', async () => {
    const h = await get(`/v1/networks/${net}/health?at=${AT}`);
    expect(h.adjustments.map((a: { id: string }) => a.id)).toEqual([`treat-emerging-problem:term:${BURNOUT}`, `cover-expertise:term:${ORPHAN}`]);
    const [problem, cover] = h.adjustments;
    expect(problem).toMatchObject({
      kind: 'treat-emerging-problem',
      priority: 'high',
      scope: { term: BURNOUT },
      evidence: { mentions: 4, authors: 2, questions: 4, baseline: 0, score: 4 },
      suggestions: [{ member: m('r'), reason: expect.stringContaining(BURNOUT) }],
    });
    expect(cover).toMatchObject({
      kind: 'cover-expertise',
      priority: 'medium',
      scope: { term: ORPHAN },
      evidence: { questions: 3, declaredExperts: 0, observedExperts: 0 },
      suggestions: [],
    });

    const emerging = (await get(`/v1/networks/${net}/emerging-topics?at=${AT}&window=7d`)).items;
    const burst = emerging.find((e: { term: string }) => e.term === BURNOUT);
    expect(problem.evidence).toEqual({
      mentions: burst.mentions,
      authors: burst.authors,
      questions: burst.questions,
      baseline: burst.baseline,
      score: burst.score,
    });
    expect(emerging.find((e: { term: string }) => e.term === KIOSK)).toMatchObject({ kind: 'topic', mentions: 4, questions: 2 });

    const window = `from=${encodeURIComponent(new Date(FROM).toISOString())}&to=${encodeURIComponent(new Date(TO).toISOString())}`;
    const coverage = (await get(`/v1/networks/${net}/expertise-coverage?${window}&limit=1000`)).items;
    const row = (key: string) => coverage.find((c: { topicKey: string }) => c.topicKey === key);
    expect(cover.evidence).toEqual({
      questions: row(ORPHAN).questions,
      declaredExperts: row(ORPHAN).declaredExperts,
      observedExperts: row(ORPHAN).observedExperts,
    });
    expect(row(LONELY)).toMatchObject({ questions: 2, noExpert: true });
    expect(row(COVERED)).toMatchObject({ questions: 3, declaredExperts: 1, noExpert: false });
  });
});
