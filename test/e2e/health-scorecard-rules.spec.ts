import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §3.10 adjustments on a hand-built network where each rule fires once, beside a twin just on
 * the other side of its threshold that does not fire (default policy). Every evidence figure is
 * checked against the hand computation and against its indicator endpoint over HTTP.
 *
 * Window: `at` = 3 days before today (UTC network), to = the midnight after `at`, from = to − 28 d,
 * previous window [from − 28 d, from). C(d, h) = from + d days + h hours, P(d, h) = previous from + d days + h hours.
 * Every member joined 10 days before the previous window (so they count as members at `to`).
 *
 * Groups (leader first; every leader but lead1 writes in the window, so only gLead is leaderInactive):
 *   gLead   leader lead1 (a post in P only) → leaderInactive: revive-leadership FIRES.
 *           members lead1, cand1, mem1 → members 3. C: mem1 post p1, cand1 reply to p1, mem1 questions ql1–ql3 tagged T
 *           (no reply, days 3–5: > 48 h before `to`) → contributions 5, unansweredQuestions 3 ≥ 3: answer-unanswered FIRES.
 *   gActive leader lead2 (a post in C) → not flagged: revive-leadership does NOT fire.
 *           P: ask1 question qa0 tagged T, exp1 reply ra0, ask1 accepts ra0 → exp1 observed on T:
 *           3·1 accepted + 1 reply + 0.5·0 + 2·1 helped = 6 ≥ 5: an observed expert on T.
 *           C: ask1 questions qa1, qa2 (no reply) → 2 unanswered < 3: does NOT fire.
 *   (no group) mem3 questions qn1–qn3 in C, no reply → 3 unanswered: answer-unanswered FIRES with scope.group null.
 *   gDecl   leader w1: 20 posts in P, 14 in C → growth (14 − 20) / 20 = −0.3 ≤ −0.3 with 20 ≥ 20: declining-activity FIRES.
 *   gFlat   leader w2: 20 in P, 15 in C → growth −0.25 > −0.3: does NOT fire.
 *   gDep    leader d0 6 posts, d1–d4 1 each (C) → contributors 5, contributions 10, top 1 holds 6 ≥ 10/2 → busFactor 1:
 *           reduce-dependency FIRES (5 ≥ 5 contributors, 1 ≤ 1).
 *   gDep4   e0 6, e1–e3 1 → contributors 4 < 5: does NOT fire (busFactor 1).
 *   gDep2   f0 4, f1 4, f2–f4 1 → total 11, top 1 = 4 < 5.5, top 2 = 8 ≥ 5.5 → busFactor 2 > 1: does NOT fire.
 *   gSilo   leader s0 (dept Silo) post ps, o0 (dept Other) post po, n0 (dept Near) post pn (C). Reactions (C):
 *           s1 (Silo) 15 on ps (I) + 5 on po (E) → Silo: interactions 20, eiIndex (5 − 15) / 20 = −0.5 ≤ −0.5: open-silo FIRES;
 *           n1 (Near) 14 on pn (I) + 6 on po (E) → Near: 20, (6 − 14) / 20 = −0.4 > −0.5: does NOT fire.
 *   gAlign  leader al1: P 20 posts, 10 with the objective's keyword → 0.5; C 20, 7 with it → 0.35; change −0.15,
 *           a drop of 0.15 ≥ 0.15 with 20 ≥ 20 contributions in both: realign-group FIRES.
 *   gAlign2 leader al2: P 20 (10 aligned, 0.5), C 20 (8 aligned, 0.4): a drop of 0.1: does NOT fire.
 * Network: contributions C = 5 + 3 + 3 + 14 + 15 + 10 + 9 + 11 + 3 + 20 + 20 = 113, P = 1 + 2 + 20 + 20 + 20 + 20 = 83 → growth 0.3614:
 * no network-wide decline. Unanswered network-wide: 3 + 2 + 3 = 8. No tag is asked ≥ 3 times without an expert (T has exp1):
 * no cover-expertise; no question-heavy burst in the last 7 days: no treat-emerging-problem.
 *
 * Order: high first (answer-unanswered gLead 3 questions, answer-unanswered no-group 3, revive-leadership gLead 3 members:
 * equal sizes, by id), then medium by size: open-silo Silo 20 interactions, realign-group gAlign 20 contributions (tie: by id),
 * reduce-dependency gDep 10 contributions, declining-activity gDecl 6 contributions lost.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const TO = TODAY - 2 * DAY;
const FROM = TO - 28 * DAY;
const PREV = FROM - 28 * DAY;
const AT = new Date(TO - DAY).toISOString().slice(0, 10);
const C = (d: number, h = 10) => new Date(FROM + d * DAY + h * HOUR).toISOString();
const P = (d: number, h = 10) => new Date(PREV + d * DAY + h * HOUR).toISOString();
const JOINED = new Date(PREV - 10 * DAY).toISOString();
const SFX = Math.random().toString(36).slice(2, 8).replace(/[0-9]/g, 'k') + 'q';
const T = `vpnquota${SFX}`;
const KEYWORD = `zorblatt${SFX}`;

describe('health scorecard: every adjustment rule, firing and just not firing', () => {
  let t: TestApp;
  let net: string;
  const p = uniqueKey('hs');
  const m = (x: string) => `${p}-${x}`;
  const SILO = `Silo-${SFX}`;
  const NEAR = `Near-${SFX}`;
  const OTHER = `Other-${SFX}`;
  const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };

  async function get(path: string) {
    const res = await t.http().get(path).set(auth);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const win = () => `from=${encodeURIComponent(new Date(FROM).toISOString())}&to=${encodeURIComponent(new Date(TO).toISOString())}`;
  const prevWin = () => `from=${encodeURIComponent(new Date(PREV).toISOString())}&to=${encodeURIComponent(new Date(FROM).toISOString())}`;

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    const objective = await t
      .http()
      .put(`/v1/objectives/${uniqueKey('obj')}`)
      .set(auth)
      .send({ name: 'Zorblatt', keywords: [{ term: KEYWORD, weight: 1 }], networks: [net] });
    expect(objective.status).toBe(201);

    const records: RawRecord[] = [];
    const member = (x: string, fields: RawRecord = {}) => records.push(newMember(m(x), { joinedAt: JOINED, ...fields }));
    const group = (g: string, leader: string, members: string[] = []) => {
      records.push(newGroup(g, { leaders: [m(leader)] }));
      for (const x of [leader, ...members]) records.push(newMembership(g, m(x), { role: x === leader ? 'leader' : 'member', joinedAt: JOINED }));
    };
    const act = (id: string, kind: string, author: string, at: string, fields: RawRecord = {}) => records.push(newActivity(id, kind, m(author), at, fields));
    const posts = (prefix: string, g: string, author: string, n: number, at: (i: number) => string, text?: (i: number) => string | undefined) => {
      for (let i = 0; i < n; i++) act(`${prefix}${i}`, 'post', author, at(i), { group: g, ...(text?.(i) ? { text: text(i) } : {}) });
    };

    for (const x of ['lead1', 'cand1', 'mem1', 'lead2', 'ask1', 'exp1', 'mem3', 'w1', 'w2', 'd0', 'd1', 'd2', 'd3', 'd4', 'e0', 'e1', 'e2', 'e3']) member(x);
    for (const x of ['f0', 'f1', 'f2', 'f3', 'f4', 'al1', 'al2']) member(x);
    member('s0', { department: SILO });
    member('s1', { department: SILO });
    member('o0', { department: OTHER });
    member('n0', { department: NEAR });
    member('n1', { department: NEAR });

    group('gLead', 'lead1', ['cand1', 'mem1']);
    act('lp0', 'post', 'lead1', P(5), { group: 'gLead' });
    act('p1', 'post', 'mem1', C(2), { group: 'gLead' });
    act('r1', 'reply', 'cand1', C(2, 12), { group: 'gLead', parent: 'p1' });
    for (let i = 1; i <= 3; i++) act(`ql${i}`, 'question', 'mem1', C(2 + i), { group: 'gLead', tags: [T] });

    group('gActive', 'lead2', ['ask1', 'exp1']);
    act('pa0', 'post', 'lead2', C(4), { group: 'gActive' });
    act('qa0', 'question', 'ask1', P(3), { group: 'gActive', tags: [T] });
    act('ra0', 'reply', 'exp1', P(3, 12), { group: 'gActive', parent: 'qa0' });
    act('aa0', 'accept', 'ask1', P(3, 14), { group: 'gActive', parent: 'ra0' });
    act('qa1', 'question', 'ask1', C(6), { group: 'gActive' });
    act('qa2', 'question', 'ask1', C(7), { group: 'gActive' });

    for (let i = 1; i <= 3; i++) act(`qn${i}`, 'question', 'mem3', C(8 + i));

    group('gDecl', 'w1');
    posts('decl-p', 'gDecl', 'w1', 20, (i) => P(1 + (i % 20)));
    posts('decl-c', 'gDecl', 'w1', 14, (i) => C(1 + (i % 20)));
    group('gFlat', 'w2');
    posts('flat-p', 'gFlat', 'w2', 20, (i) => P(1 + (i % 20)));
    posts('flat-c', 'gFlat', 'w2', 15, (i) => C(1 + (i % 20)));

    group('gDep', 'd0', ['d1', 'd2', 'd3', 'd4']);
    posts('dep-d0-', 'gDep', 'd0', 6, (i) => C(1 + i));
    for (const x of ['d1', 'd2', 'd3', 'd4']) act(`dep-${x}`, 'post', x, C(10), { group: 'gDep' });
    group('gDep4', 'e0', ['e1', 'e2', 'e3']);
    posts('dep4-e0-', 'gDep4', 'e0', 6, (i) => C(1 + i));
    for (const x of ['e1', 'e2', 'e3']) act(`dep4-${x}`, 'post', x, C(10), { group: 'gDep4' });
    group('gDep2', 'f0', ['f1', 'f2', 'f3', 'f4']);
    posts('dep2-f0-', 'gDep2', 'f0', 4, (i) => C(1 + i));
    posts('dep2-f1-', 'gDep2', 'f1', 4, (i) => C(1 + i));
    for (const x of ['f2', 'f3', 'f4']) act(`dep2-${x}`, 'post', x, C(10), { group: 'gDep2' });

    group('gSilo', 's0', ['s1', 'o0', 'n0', 'n1']);
    act('ps', 'post', 's0', C(3), { group: 'gSilo' });
    act('po', 'post', 'o0', C(3), { group: 'gSilo' });
    act('pn', 'post', 'n0', C(3), { group: 'gSilo' });
    for (let i = 0; i < 15; i++) act(`xs-s${i}`, 'reaction', 's1', C(4), { group: 'gSilo', parent: 'ps' });
    for (let i = 0; i < 5; i++) act(`xs-o${i}`, 'reaction', 's1', C(4), { group: 'gSilo', parent: 'po' });
    for (let i = 0; i < 14; i++) act(`xn-n${i}`, 'reaction', 'n1', C(4), { group: 'gSilo', parent: 'pn' });
    for (let i = 0; i < 6; i++) act(`xn-o${i}`, 'reaction', 'n1', C(4), { group: 'gSilo', parent: 'po' });

    const aligned = (n: number) => (i: number) => (i < n ? `on ${KEYWORD} today` : `nothing to say ${i}`);
    group('gAlign', 'al1');
    posts('al1-p', 'gAlign', 'al1', 20, (i) => P(1 + (i % 20)), aligned(10));
    posts('al1-c', 'gAlign', 'al1', 20, (i) => C(1 + (i % 20)), aligned(7));
    group('gAlign2', 'al2');
    posts('al2-p', 'gAlign2', 'al2', 20, (i) => P(1 + (i % 20)), aligned(10));
    posts('al2-c', 'gAlign2', 'al2', 20, (i) => C(1 + (i % 20)), aligned(8));

    const res = await ingest(t, net, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    const index = await t.http().post(`/v1/networks/${net}/people-index`).set(auth);
    expect(index.status).toBe(200);
  });
  afterAll(() => t.close());

  it('emits exactly the adjustments that fire, in priority and size order, with hand-computed evidence', async () => {
    const h = await get(`/v1/networks/${net}/health?at=${AT}`);
    expect(h.from).toBe(new Date(FROM).toISOString());
    expect(h.to).toBe(new Date(TO).toISOString());
    expect(h.previousFrom).toBe(new Date(PREV).toISOString());
    const byId = new Map(h.adjustments.map((a: { id: string }) => [a.id, a]));
    expect(h.adjustments.map((a: { id: string }) => a.id)).toEqual([
      'answer-unanswered:group:gLead',
      'answer-unanswered:no-group',
      'revive-leadership:group:gLead',
      `open-silo:department:${SILO}`,
      'realign-group:group:gAlign',
      'reduce-dependency:group:gDep',
      'declining-activity:group:gDecl',
    ]);
    expect(byId.get('revive-leadership:group:gLead')).toMatchObject({
      kind: 'revive-leadership',
      priority: 'high',
      scope: { group: 'gLead' },
      evidence: { leaderInactive: true, members: 3, contributions: 5 },
      // cand1 helped mem1 (a reply) and is a member of gLead who does not lead it
      suggestions: [{ member: m('cand1'), reason: expect.stringContaining('Member of Group gLead') }],
    });
    expect(byId.get('answer-unanswered:group:gLead')).toMatchObject({
      priority: 'high',
      scope: { group: 'gLead' },
      evidence: { unansweredQuestions: 3, oldestUnanswered: 'ql1', oldestUnansweredAt: C(3) },
      // exp1: observed score 6 on T (the questions' tag)
      suggestions: [{ member: m('exp1'), reason: expect.stringContaining(T) }],
    });
    expect(byId.get('answer-unanswered:no-group')).toMatchObject({
      scope: { group: null },
      evidence: { unansweredQuestions: 3, oldestUnanswered: 'qn1', oldestUnansweredAt: C(9) },
      suggestions: [],
    });
    expect(byId.get('declining-activity:group:gDecl')).toMatchObject({
      priority: 'medium',
      evidence: { contributions: 14, previousContributions: 20, growth: -0.3 },
    });
    expect(byId.get('reduce-dependency:group:gDep')).toMatchObject({ evidence: { contributors: 5, contributions: 10, busFactor: 1 } });
    expect(byId.get(`open-silo:department:${SILO}`)).toMatchObject({ scope: { department: SILO }, evidence: { interactions: 20, eiIndex: -0.5 } });
    expect(byId.get('realign-group:group:gAlign')).toMatchObject({
      evidence: { alignmentRate: 0.35, previousAlignmentRate: 0.5, change: -0.15, contributions: 20, previousContributions: 20 },
      suggestions: [],
    });
    for (const a of h.adjustments) {
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.detail.length).toBeGreaterThan(0);
    }
  });

  it('each evidence figure equals its indicator endpoint over the same window', async () => {
    const h = await get(`/v1/networks/${net}/health?at=${AT}`);
    const ev = (id: string) => h.adjustments.find((a: { id: string }) => a.id === id).evidence;

    const groups = (await get(`/v1/networks/${net}/comparisons/groups?${win()}&limit=1000`)).items;
    const gLead = groups.find((g: { group: string }) => g.group === 'gLead');
    expect(ev('revive-leadership:group:gLead')).toEqual({ leaderInactive: gLead.leaderInactive, members: gLead.members, contributions: gLead.contributions });

    const unanswered = (await get(`/v1/networks/${net}/questions/unanswered?${win()}&limit=1000`)).items;
    const inLead = unanswered.filter((q: { group: string | null }) => q.group === 'gLead');
    expect(ev('answer-unanswered:group:gLead')).toEqual({
      unansweredQuestions: inLead.length,
      oldestUnanswered: inLead[0].externalId,
      oldestUnansweredAt: inLead[0].occurredAt,
    });
    expect(ev('answer-unanswered:no-group').unansweredQuestions).toBe(unanswered.filter((q: { group: string | null }) => q.group === null).length);

    const decl = (await get(`/v1/networks/${net}/indicators/activity?${win()}&group=gDecl&granularity=month`)).totals;
    const declBefore = (await get(`/v1/networks/${net}/indicators/activity?${prevWin()}&group=gDecl&granularity=month`)).totals;
    expect(ev('declining-activity:group:gDecl')).toEqual({
      contributions: decl.contributions,
      previousContributions: declBefore.contributions,
      growth: decl.growth,
    });

    const dep = await get(`/v1/networks/${net}/indicators/concentration?${win()}&group=gDep`);
    expect(ev('reduce-dependency:group:gDep')).toEqual({ contributors: dep.contributors, contributions: dep.contributions, busFactor: dep.busFactor });

    const silo = (await get(`/v1/networks/${net}/indicators/diffusion?${win()}`)).departments.find((d: { department: string }) => d.department === SILO);
    expect(ev(`open-silo:department:${SILO}`)).toEqual({ interactions: silo.interactions, eiIndex: silo.eiIndex });

    const align = await get(`/v1/networks/${net}/indicators/alignment?${win()}&group=gAlign&granularity=month`);
    const alignBefore = await get(`/v1/networks/${net}/indicators/alignment?${prevWin()}&group=gAlign&granularity=month`);
    expect(ev('realign-group:group:gAlign')).toMatchObject({
      alignmentRate: align.alignmentRate,
      previousAlignmentRate: alignBefore.alignmentRate,
      contributions: align.contributions,
      previousContributions: alignBefore.contributions,
    });

    // suggestions of reduce-dependency: no candidate is a member of gDep, so the best of the network (never d0, its leader)
    const candidates = (await get(`/v1/networks/${net}/animator-candidates?limit=1000`)).items.map((c: { member: string }) => c.member);
    const dependency = h.adjustments.find((a: { id: string }) => a.id === 'reduce-dependency:group:gDep');
    expect(dependency.suggestions.map((s: { member: string }) => s.member)).toEqual(candidates.filter((c: string) => c !== m('d0')).slice(0, 3));
  });

  it('dimension values equal the indicators of the network and of each group', async () => {
    const h = await get(`/v1/networks/${net}/health?at=${AT}`);
    const dim = (dims: { key: string }[], key: string) =>
      dims.find((d) => d.key === key) as unknown as { value: number | null; status: string; previous: number | null };
    const activity = (await get(`/v1/networks/${net}/indicators/activity?${win()}&granularity=month`)).totals;
    const responsiveness = await get(`/v1/networks/${net}/indicators/responsiveness?${win()}`);
    const concentration = await get(`/v1/networks/${net}/indicators/concentration?${win()}`);
    const diffusion = await get(`/v1/networks/${net}/indicators/diffusion?${win()}`);
    const alignment = await get(`/v1/networks/${net}/indicators/alignment?${win()}&granularity=month`);
    // growth (113 − 83) / 83 = 0.3614; unanswered 8; eiIndex (11 − 29) / 40 = −0.45
    expect(dim(h.dimensions, 'activity').value).toBe(0.3614);
    expect(dim(h.dimensions, 'activity').value).toBe(activity.growth);
    expect(dim(h.dimensions, 'participation').value).toBe(activity.participationRate);
    expect(dim(h.dimensions, 'responsiveness').value).toBe(responsiveness.medianTimeToFirstResponse);
    expect(dim(h.dimensions, 'unanswered')).toMatchObject({ value: 8, status: 'act' });
    expect(dim(h.dimensions, 'unanswered').value).toBe(responsiveness.unansweredQuestions);
    // now only gLead; before, the groups whose leaders wrote only in this window: gActive, gDep, gDep4, gDep2, gSilo
    expect(dim(h.dimensions, 'leadership')).toMatchObject({ value: 1, previous: 5, status: 'act' });
    expect(dim(h.dimensions, 'concentration').value).toBe(concentration.busFactor);
    expect(dim(h.dimensions, 'diffusion').value).toBe(-0.45);
    expect(dim(h.dimensions, 'diffusion').value).toBe(diffusion.eiIndex);
    expect(dim(h.dimensions, 'alignment').value).toBe(alignment.alignmentRate);
    expect(h.status).toBe('act');

    const group = (g: string) => h.groups.find((x: { group: string }) => x.group === g).dimensions;
    for (const g of ['gLead', 'gDep', 'gDep4', 'gDep2', 'gSilo', 'gAlign', 'gDecl']) {
      const conc = await get(`/v1/networks/${net}/indicators/concentration?${win()}&group=${g}`);
      const diff = await get(`/v1/networks/${net}/indicators/diffusion?${win()}&group=${g}`);
      const resp = await get(`/v1/networks/${net}/indicators/responsiveness?${win()}&group=${g}`);
      const act = (await get(`/v1/networks/${net}/indicators/activity?${win()}&group=${g}&granularity=month`)).totals;
      expect({ g, v: dim(group(g), 'concentration').value }).toEqual({ g, v: conc.busFactor });
      expect({ g, v: dim(group(g), 'diffusion').value }).toEqual({ g, v: diff.eiIndex });
      expect({ g, v: dim(group(g), 'unanswered').value }).toEqual({ g, v: resp.unansweredQuestions });
      expect({ g, v: dim(group(g), 'responsiveness').value }).toEqual({ g, v: resp.medianTimeToFirstResponse });
      expect({ g, v: dim(group(g), 'activity').value }).toEqual({ g, v: act.growth });
      expect({ g, v: dim(group(g), 'participation').value }).toEqual({ g, v: act.participationRate });
    }
    // gDep: busFactor 1 over 5 contributors (≥ minContributors): act; gDep4: 4 contributors, not judged: good
    expect(dim(group('gDep'), 'concentration')).toMatchObject({ value: 1, status: 'act' });
    expect(dim(group('gDep4'), 'concentration')).toMatchObject({ value: 1, status: 'good' });
    expect(dim(group('gLead'), 'leadership')).toMatchObject({ value: 1, previous: 0, status: 'act' });
    // the worst groups first
    expect(h.groups[0].status).toBe('act');
  });
});
