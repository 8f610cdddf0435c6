import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * docs/people.md — "The people index", "Expert finder", "Expertise coverage", "Future animators"
 * (SPEC §2, §3.8), on hand-built networks whose activities sit within the last year.
 *
 * Members and declared profiles are org-wide and GET /v1/experts reads every network for an
 * unscoped key, so every member id carries a uniqueKey() prefix and every topic is a made-up word
 * with a random suffix, ending in a consonant other than s/x (SPEC §3.6 drops one final s or x).
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** now, on a whole minute, so every duration below is exact */
const NOW = Math.floor(Date.now() / MIN) * MIN;
const at = (ms: number): string => new Date(ms).toISOString();
/** lowercase letters and digits, unique to this file run */
const SFX =
  Math.random()
    .toString(36)
    .slice(2, 8)
    .replace(/[^a-z0-9]/g, '') + Date.now().toString(36).slice(-3);

interface Evidence {
  acceptedAnswers: number;
  replies: number;
  reactionsReceived: number;
  peopleHelped: number;
  score: number;
}
const evidence = (acceptedAnswers: number, replies: number, reactionsReceived: number, peopleHelped: number, score: number): Evidence => ({
  acceptedAnswers,
  replies,
  reactionsReceived,
  peopleHelped,
  score,
});
const NONE = evidence(0, 0, 0, 0, 0);

/** SPEC §3.6 normalisation, tokens joined by a space: NFKD, no combining marks, lowercase, split outside [a-z0-9], one final s/x off tokens longer than 3 */
const keyOf = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((tok) => (tok.length > 3 && /[sx]$/.test(tok) ? tok.slice(0, -1) : tok))
    .join(' ');
/** observed expertise rows with their topic replaced by its key, so labels and keys compare alike */
// topic (as most often written) compared by key; topicKey must be that key
const byKey = (rows: Array<{ topic: string; topicKey: string }>) =>
  rows.map(({ topicKey, ...r }) => {
    expect(topicKey).toBe(keyOf(r.topic));
    return { ...r, topic: keyOf(r.topic) };
  });

describe('experts, expertise coverage and future animators', () => {
  let t: TestApp;
  const keys: Record<'cno' | 'hr' | 'integrator', string> = { cno: '', hr: '', integrator: '' };

  const auth = (apiKey: string = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${apiKey}` });

  async function get(path: string, apiKey: string = TEST_ADMIN_KEY) {
    const res = await t.http().get(path).set(auth(apiKey));
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function load(network: string, records: RawRecord[]) {
    const res = await ingest(t, network, records);
    if (res.status !== 200 || res.body.rejected.length > 0) throw new Error(`ingestion refused records: ${res.status} ${JSON.stringify(res.body)}`);
  }
  async function reindex(network: string) {
    const res = await t.http().post(`/v1/networks/${network}/people-index`).set(auth());
    if (res.status !== 200) throw new Error(`people-index of ${network} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function putProfile(member: string, body: Record<string, unknown>) {
    const res = await t
      .http()
      .put(`/v1/members/${encodeURIComponent(member)}/profile`)
      .set(auth())
      .send(body);
    if (res.status !== 200) throw new Error(`PUT profile of ${member} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  async function newKey(role: string, networks?: string[]): Promise<string> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(auth())
      .send({ name: `${role} ${uniqueKey('k')}`, role, ...(networks ? { networks } : {}) });
    if (res.status !== 201) throw new Error(`cannot create key: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.secret as string;
  }
  const experts = (topic: string, apiKey?: string) => get(`/v1/experts?topic=${encodeURIComponent(topic)}`, apiKey);

  beforeAll(async () => {
    t = await startTestApp();
    keys.cno = await newKey('cno');
    keys.hr = await newKey('hr');
    keys.integrator = await newKey('integrator');
  });
  afterAll(() => t.close());

  /**
   * Expert finder on topic T = quonk<sfx>q, network N1 (all roots in public group g1 unless said).
   * t0 = now − 10 days.
   *   q1 A1 [Quonk…q]   r1 H (+10 min)  acc A1→r1  x1 R1→r1  x3 H→r1 (self reaction: not counted)
   *   q2 A2 [Quonk…q]   r2 H            acc A2→r2  x2 R2→r2
   *   q3 A3 [QUONK…Q]   r3 H            acc A3→r3
   *   q4 A4 [Quonk…qs]  r4 H            rd D (not accepted)
   *   q5 H  [Quonk…q]   r5 H (H's own thread: not counted)  x4 R1→r5 (on an uncounted reply)
   *   q9  A1 [Quonk…q] in confidential group gconf: r9 H, acc A1→r9   (left out of the corpus)
   *   q11 A2 [Quonk…q] in placeholder group gph (never declared): r11 H  (left out of the corpus)
   *   p1…p6 P posts [Quonk…q] (roots only, no reply by P)
   * H: acceptedAnswers 3 (r1, r2, r3), replies 4 (r1–r4), reactionsReceived 2 (x1, x2),
   *    peopleHelped 4 (A1–A4) → 3·3 + 4 + 0.5·2 + 2·4 = 9 + 4 + 1 + 8 = 22; nothing declared → hidden expert
   * D: declared expertise 5 and competence 3 on "Quönk…q" (higher: 5, as expertise); rd: 1 reply to A4
   *    → observed 0 + 1 + 0 + 2·1 = 3; score 3 + 2·5 = 13
   * Cm: declared competence 2, no activity → score 0 + 2·2 = 4
   * I: declared T only as an interest → no row; P: roots only → no row
   *
   * Declared topic in a root's text, T3 = "Zapquil Dronev<sfx>k" declared by E (expertise 2):
   *   q7  A1 text "… sur le zapquil dronev…k ce soir" (no tag)         rf1 F, acc A1→rf1
   *   q10 A3 tags [projet-zapquil-dronev…k] (tokens contiguous in a tag) rf2 F
   *   q8  A2 text "dronev…k puis zapquil" (not contiguous)            rg G → not on T3
   * F: acceptedAnswers 1, replies 2, reactions 0, peopleHelped 2 (A1, A3) → 3 + 2 + 0 + 4 = 9 (hidden)
   * E: observed 0, score 2·2 = 4
   */
  describe('expert finder', () => {
    let net: string;
    let cnoN1: string;
    const T = `quonk${SFX}q`;
    const Tw = `Quonk${SFX}q`;
    const T3 = `Zapquil Dronev${SFX}k`;
    const p = uniqueKey('ex');
    const [H, D, P, Cm, I, E, F, G, A1, A2, A3, A4, R1, R2] = ['h', 'd', 'p', 'cm', 'i', 'e', 'f', 'g', 'a1', 'a2', 'a3', 'a4', 'r1', 'r2'].map(
      (x) => `${p}-${x}`,
    );
    const t0 = NOW - 10 * DAY;
    const m = (minutes: number) => at(t0 + minutes * MIN);

    beforeAll(async () => {
      net = await newNetwork(t);
      const g1 = { group: 'g1' };
      const q = (id: string, author: string, minutes: number, tags: string[], extra: RawRecord = {}) =>
        newActivity(id, 'question', author, m(minutes), { ...g1, tags, ...extra });
      const r = (id: string, author: string, parent: string, minutes: number, extra: RawRecord = {}) =>
        newActivity(id, 'reply', author, m(minutes), { ...g1, parent, ...extra });
      const acc = (id: string, author: string, parent: string, minutes: number, extra: RawRecord = {}) =>
        newActivity(id, 'accept', author, m(minutes), { ...g1, parent, ...extra });
      const x = (id: string, author: string, parent: string, minutes: number) => newActivity(id, 'reaction', author, m(minutes), { ...g1, parent });
      await load(net, [
        newMember(H, { department: 'Ops' }),
        newMember(D, { department: 'R&D' }),
        newMember(P, { department: 'Sales' }),
        ...[Cm, I, E, F, G, A1, A2, A3, A4, R1, R2].map((id) => newMember(id)),
        newGroup('g1'),
        newGroup('gconf', { visibility: 'confidential' }),
        q('q1', A1, 0, [Tw]),
        r('r1', H, 'q1', 10),
        acc('acc1', A1, 'r1', 60),
        x('x1', R1, 'r1', 70),
        x('x3', H, 'r1', 75),
        q('q2', A2, 120, [Tw]),
        r('r2', H, 'q2', 130),
        acc('acc2', A2, 'r2', 180),
        x('x2', R2, 'r2', 190),
        q('q3', A3, 240, [`QUONK${SFX.toUpperCase()}Q`]),
        r('r3', H, 'q3', 250),
        acc('acc3', A3, 'r3', 300),
        q('q4', A4, 360, [`${Tw}s`]),
        r('r4', H, 'q4', 370),
        r('rd', D, 'q4', 380),
        q('q5', H, 480, [Tw]),
        r('r5', H, 'q5', 490),
        x('x4', R1, 'r5', 500),
        q('q9', A1, 600, [Tw], { group: 'gconf' }),
        r('r9', H, 'q9', 610, { group: 'gconf' }),
        acc('acc9', A1, 'r9', 620, { group: 'gconf' }),
        q('q11', A2, 720, [Tw], { group: 'gph' }),
        r('r11', H, 'q11', 730, { group: 'gph' }),
        ...[1, 2, 3, 4, 5, 6].map((i) => newActivity(`p${i}`, 'post', P, m(800 + i * 10), { ...g1, tags: [Tw], text: `quonk${SFX}q` })),
        q('q7', A1, 1000, [], { text: `Besoin d'aide sur le zapquil dronev${SFX}k ce soir` }),
        r('rf1', F, 'q7', 1010),
        acc('accf', A1, 'rf1', 1020),
        q('q10', A3, 1100, [`projet-zapquil-dronev${SFX}k`]),
        r('rf2', F, 'q10', 1110),
        q('q8', A2, 1200, [], { text: `dronev${SFX}k puis zapquil` }),
        r('rg', G, 'q8', 1210),
      ]);
      await putProfile(D, { expertise: [{ topic: `Quönk${SFX}q`, level: 5 }], competences: [{ topic: `quonk${SFX}qs`, level: 3 }] });
      await putProfile(Cm, { competences: [{ topic: Tw, level: 2 }] });
      await putProfile(I, { interests: [{ topic: Tw }] });
      await putProfile(E, { expertise: [{ topic: T3, level: 2 }] });
      await reindex(net);
      cnoN1 = await newKey('cno', [net]);
    });

    const row = (
      rank: number,
      member: string,
      department: string | null,
      score: number,
      declaredLevel: number | null,
      declaredAs: string | null,
      observed: Evidence,
      hiddenExpert: boolean,
    ) => ({
      rank,
      member,
      displayName: `Member ${member}`,
      department,
      rankedBy: score > 0 ? 'observed' : 'declared',
      score,
      declaredLevel,
      declaredAs,
      observed,
      hiddenExpert,
    });

    const expectedT = () => [
      row(1, H, 'Ops', 22, null, null, evidence(3, 4, 2, 4, 22), true), // 3·3 + 4 + 0.5·2 + 2·4 = 22, nothing declared
      row(2, D, 'R&D', 3, 5, 'expertise', evidence(0, 1, 0, 1, 3), false), // observed 1 + 2·1 = 3 (declared 5 adds nothing)
      row(3, Cm, null, 0, 2, 'competence', NONE, false), // declares only: after every observed member
    ];

    it('ranks the hidden expert H first, then the declared expert D, with exact evidence (network-limited cno key)', async () => {
      const body = await experts(T, cnoN1);
      expect(body.topic).toBe(T);
      expect(body.computedAt).not.toBeNull();
      expect(body.nextCursor).toBeNull();
      // P (roots only), I (interest only), askers and reactors have no row
      expect(body.items).toEqual(expectedT());
    });

    it('GET /v1/metrics lists the weights the observed score is computed with; the expert finder ranks by it', async () => {
      const metrics: { name: string; endpoint: string; formula: string; weights?: Record<string, number> }[] = (await get('/v1/metrics')).items;
      const observed = metrics.find((m) => m.endpoint === 'experts' && m.name === 'observedScore');
      expect(observed?.weights).toEqual({ acceptedAnswers: 3, replies: 1, reactionsReceived: 0.5, peopleHelped: 2 }); // docs/people.md
      expect(observed?.formula).toContain('3 × acceptedAnswers + replies + 0.5 × reactionsReceived + 2 × peopleHelped');
      // no score mixes the declared level in any more (SPEC §3.8: a declared level never raises a rank)
      expect(metrics.find((m) => m.name === 'expertScore')).toBeUndefined();
      // the listed weights are the ones the answers use: H and D, hand-computed from them
      const w = observed?.weights as Record<string, number>;
      const [h, d] = (await experts(T, cnoN1)).items;
      const hObserved = w.acceptedAnswers * 3 + w.replies * 4 + w.reactionsReceived * 2 + w.peopleHelped * 4; // 9 + 4 + 1 + 8 = 22
      const dObserved = w.acceptedAnswers * 0 + w.replies * 1 + w.reactionsReceived * 0 + w.peopleHelped * 1; // 0 + 1 + 0 + 2 = 3
      expect([h.observed.score, d.observed.score]).toEqual([hObserved, dObserved]);
      expect([h.score, d.score]).toEqual([hObserved, dObserved]);
    });

    it('normalises the topic: accents, case and a plural give the same list; a topic without tokens is a 400', async () => {
      const reference = (await experts(T)).items;
      expect(reference).toEqual(expectedT()); // the unscoped admin key: the topic is unique to this file
      for (const variant of [`QUÖNK${SFX.toUpperCase()}Q`, `quonk${SFX}qs`, ` Quônk${SFX}Q! `]) {
        const body = await experts(variant);
        expect({ variant, topic: body.topic, items: body.items }).toEqual({ variant, topic: variant.trim(), items: reference }); // echoed as asked
      }
      const bad = await t
        .http()
        .get(`/v1/experts?topic=${encodeURIComponent('!!!')}`)
        .set(auth());
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it("a declared topic found in a root's text (or contiguously inside a tag) is a topic of the thread", async () => {
      const body = await experts(T3);
      expect(body.items).toEqual([
        row(1, F, null, 9, null, null, evidence(1, 2, 0, 2, 9), true), // q7 (text, accepted) + q10 (tag): 3 + 2 + 0 + 2·2 = 9
        row(2, E, null, 0, 2, 'expertise', NONE, false), // declares only
      ]); // G answered q8 whose text holds the tokens but not contiguously: no row
      const variant = await experts(`zapquil-DRONEV${SFX.toUpperCase()}K`);
      expect(variant.items).toEqual(body.items);
    });

    it('the profile shows observed expertise and the gaps between declared and observed (topics compared by key)', async () => {
      const h = await get(`/v1/members/${H}/profile`);
      expect(h.member).toBe(H);
      expect(h.computedAt).not.toBeNull();
      expect(h.declared).toMatchObject({ expertise: [], competences: [], interests: [] });
      expect(byKey(h.observedExpertise)).toContainEqual({ topic: T, ...evidence(3, 4, 2, 4, 22) });
      expect(h.gaps.observedNotDeclared.map(keyOf)).toContain(T); // 22 ≥ 5, not declared: hidden expert
      expect(h.gaps.declaredNotObserved).toEqual([]);

      const d = await get(`/v1/members/${D}/profile`);
      expect(byKey(d.observedExpertise)).toContainEqual({ topic: T, ...evidence(0, 1, 0, 1, 3) });
      expect(d.gaps.observedNotDeclared.map(keyOf)).not.toContain(T); // declared (and 3 < 5)
      expect(d.gaps.declaredNotObserved.map(keyOf)).not.toContain(T); // rd is observed evidence

      const cm = await get(`/v1/members/${Cm}/profile`);
      expect(cm.observedExpertise).toEqual([]);
      expect(cm.gaps.declaredNotObserved.map(keyOf)).toEqual([T]); // competence with no evidence

      const f = await get(`/v1/members/${F}/profile`);
      expect(byKey(f.observedExpertise)).toContainEqual({ topic: keyOf(T3), ...evidence(1, 2, 0, 2, 9) }); // found in q7's text and q10's tag
      expect(f.gaps.observedNotDeclared.map(keyOf)).toContain(keyOf(T3));

      const p = await get(`/v1/members/${P}/profile`);
      expect(p.observedExpertise).toEqual([]); // posting is no evidence of expertise
    });

    it('observedExpertise[] shows the topic as its tags write it and its SPEC §3.6 key (OpenAPI ObservedExpertiseView)', async () => {
      const h = await get(`/v1/members/${H}/profile`);
      expect(h.observedExpertise.map((e: { topic: string; topicKey: string }) => e.topicKey)).toEqual([T]);
      // the question tags were written with a capital: the label keeps it
      expect(h.observedExpertise.map((e: { topic: string }) => e.topic)).toEqual([T.charAt(0).toUpperCase() + T.slice(1)]);
    });
  });

  /**
   * Issue 15: right after an import, a member who declares level 5 and shows nothing must not come
   * before the member who answered the topic's questions all summer. Topic "Kubern<sfx>tes", key
   * "kubern<sfx>te" (one final s off): the answer echoes the topic as asked.
   *   Summer S answers q1..q3 of askers A1..A3 (r1..r3, r1 accepted) → 3·1 + 3 + 0 + 2·3 = 12
   *   Light L answers q4 of A1 → 0 + 1 + 0 + 2 = 3, and declares level 1
   *   Z declares expertise 5 and Y competence 5, nothing observed → after S and L, tied at level 5, by externalId (…-y < …-z)
   */
  describe('a declared level never raises a rank', () => {
    const topic = `Kubern${SFX}tes`;
    const p = uniqueKey('exd');
    const [S, L, Y, Z, A1, A2, A3] = ['s', 'l', 'y', 'z', 'a1', 'a2', 'a3'].map((x) => `${p}-${x}`);
    const t0 = NOW - 30 * DAY;

    it('observed evidence first by observed score, declared-only after by level; the topic as asked', async () => {
      const net = await newNetwork(t);
      await load(net, [
        ...[S, L, Y, Z, A1, A2, A3].map((id) => newMember(id)),
        ...[1, 2, 3].map((i) => newActivity(`q${i}`, 'question', [A1, A2, A3][i - 1], at(t0 + i * DAY), { tags: [topic] })),
        ...[1, 2, 3].map((i) => newActivity(`r${i}`, 'reply', S, at(t0 + i * DAY + HOUR), { parent: `q${i}` })),
        newActivity('acc1', 'accept', A1, at(t0 + DAY + 2 * HOUR), { parent: 'r1' }),
        newActivity('q4', 'question', A1, at(t0 + 5 * DAY), { tags: [topic] }),
        newActivity('r4', 'reply', L, at(t0 + 5 * DAY + HOUR), { parent: 'q4' }),
      ]);
      await putProfile(Z, { expertise: [{ topic, level: 5 }] });
      await putProfile(Y, { competences: [{ topic, level: 5 }] });
      await putProfile(L, { expertise: [{ topic, level: 1 }] });
      await reindex(net);
      const body = await experts(topic);
      expect(body.topic).toBe(topic);
      expect(
        body.items.map((i: { member: string; rankedBy: string; score: number; declaredLevel: number | null; observed: { score: number } }) => [
          i.member,
          i.rankedBy,
          i.score,
          i.observed.score,
          i.declaredLevel,
        ]),
      ).toEqual([
        [S, 'observed', 12, 12, null],
        [L, 'observed', 3, 3, 1],
        [Y, 'declared', 0, 0, 5],
        [Z, 'declared', 0, 0, 5],
      ]);
    });
  });

  /**
   * What does not count, topic T2 = blorv<sfx>k, network N2 (and N2b for the scope), t0 = now − 20 days.
   *   qa S1 [T2]: rn N, xn N→rn (a reaction by the reply's author to itself)
   *   qb M  [T2]: rm M (own thread), rs2 S2, rm2 M→rs2 (own thread, reply to a reply), xm S1→rm
   *   qc S2 [T2]: rk K, acck S2→rk                      — rk is deleted later
   *   N2b: qd S3 [T2]: rk2 K2
   * K: 3·1 + 1 + 0 + 2·1 = 6 (hidden); N: 0 + 1 + 0 (self reaction) + 2·1 = 3; S2 (in M's thread): 1 + 2 = 3;
   * M: only replies in their own thread → no row. Ties at 3 are ordered by externalId.
   */
  describe('what is not evidence', () => {
    let net: string;
    let netB: string;
    let cnoN2: string;
    const T2 = `blorv${SFX}k`;
    const p = uniqueKey('exn');
    const [S1, S2, S3, M, N, K, K2] = ['s1', 's2', 's3', 'm', 'n', 'k', 'k2'].map((x) => `${p}-${x}`);
    const t0 = NOW - 20 * DAY;
    const m = (minutes: number) => at(t0 + minutes * MIN);
    const row = (rank: number, member: string, score: number, observed: Evidence, hiddenExpert: boolean) => ({
      rank,
      member,
      displayName: `Member ${member}`,
      department: null,
      rankedBy: 'observed',
      score,
      declaredLevel: null,
      declaredAs: null,
      observed,
      hiddenExpert,
    });

    beforeAll(async () => {
      net = await newNetwork(t);
      netB = await newNetwork(t);
      await load(net, [
        ...[S1, S2, M, N, K].map((id) => newMember(id)),
        newActivity('qa', 'question', S1, m(0), { tags: [T2] }),
        newActivity('rn', 'reply', N, m(5), { parent: 'qa' }),
        newActivity('xn', 'reaction', N, m(6), { parent: 'rn' }),
        newActivity('qb', 'question', M, m(60), { tags: [T2] }),
        newActivity('rm', 'reply', M, m(65), { parent: 'qb' }),
        newActivity('rs2', 'reply', S2, m(70), { parent: 'qb' }),
        newActivity('rm2', 'reply', M, m(75), { parent: 'rs2' }),
        newActivity('xm', 'reaction', S1, m(80), { parent: 'rm' }),
        newActivity('qc', 'question', S2, m(120), { tags: [T2] }),
        newActivity('rk', 'reply', K, m(125), { parent: 'qc' }),
        newActivity('acck', 'accept', S2, m(130), { parent: 'rk' }),
      ]);
      await load(netB, [
        newMember(S3),
        newMember(K2),
        newActivity('qd', 'question', S3, m(0), { tags: [T2] }),
        newActivity('rk2', 'reply', K2, m(10), { parent: 'qd' }),
      ]);
      await reindex(net);
      await reindex(netB);
      cnoN2 = await newKey('cno', [net]);
    });

    it("own-thread replies and self reactions are no evidence; a limited key sees its networks' members only", async () => {
      expect((await experts(T2, cnoN2)).items).toEqual([
        row(1, K, 6, evidence(1, 1, 0, 1, 6), true),
        row(2, N, 3, evidence(0, 1, 0, 1, 3), false), // xn is N's own reaction
        row(3, S2, 3, evidence(0, 1, 0, 1, 3), false), // rs2 in M's thread; M's rm, rm2 are in M's own thread
      ]);
      // the admin key reads N2b too: K2 (1 + 2·1 = 3) ties with N and S2, ordered by externalId (…-k2 < …-n < …-s2)
      expect((await experts(T2)).items.map((r: { member: string; score: number }) => [r.member, r.score])).toEqual([
        [K, 6],
        [K2, 3],
        [N, 3],
        [S2, 3],
      ]);
      const mProfile = await get(`/v1/members/${M}/profile`);
      expect(mProfile.observedExpertise).toEqual([]);
    });

    it('a deleted reply stops counting once the index is computed again', async () => {
      await load(net, [{ type: 'activity', externalId: 'rk', deleted: true }]);
      await reindex(net);
      expect((await experts(T2, cnoN2)).items).toEqual([row(1, N, 3, evidence(0, 1, 0, 1, 3), false), row(2, S2, 3, evidence(0, 1, 0, 1, 3), false)]);
      const k = await get(`/v1/members/${K}/profile`);
      expect(k.observedExpertise).toEqual([]);
    });
  });

  /**
   * Expertise coverage on network N3, window [now − 30 d, now − 1 d), askers Q1–Q5, in public group gpub.
   *   c0  Q1 question [Vrombz…k] now − 40 d (before `from`, not counted)
   *   c1  Q1 question [Vrombz…k] − 20 d: r X, accepted by Q1
   *   c2  Q2 question [VROMBZ…K] − 19 d: r X accepted by Q2; r Y (not accepted)
   *   c3  Q3 question [Vrombz…k] − 18 d: r X (not accepted)
   *   c4  Q4 question [Glirp…k]  − 17 d; c5 Q5 question [Glirp…k] − 16 d: nobody answers
   *   c6  Q1 question [Snarq…k]  − 15 d: r Y (not accepted)
   *   c7  Q2 POST     [Vrombz…k] − 14 d (not a question)
   *   c8  Q3 question [Murkq…k] in placeholder group gph − 13 d: r X, accepted  (left out)
   *   c9  Q4 question [Hushq…k] in confidential gconf − 12 d: r X, accepted, reaction by Q5 (left out)
   *   c10 Q5 question [Vrombz…k] now − 12 h (after `to`)
   * Declarations: Z expertise "Vrombz…k" 4, Y competence "vrombz…ks" 2 (same key), V interest only,
   *   W (member of another network only) expertise 5.
   * X on vrombz: 3·2 + 3 + 0 + 2·3 = 15 ≥ 5; Y on vrombz: 1 + 2 = 3; Y on snarq: 3.
   */
  describe('expertise coverage and confidential groups', () => {
    let net: string;
    const p = uniqueKey('cov');
    const [Q1, Q2, Q3, Q4, Q5, X, Y, Z, V, W] = ['q1', 'q2', 'q3', 'q4', 'q5', 'x', 'y', 'z', 'v', 'w'].map((x) => `${p}-${x}`);
    const vrombz = `vrombz${SFX}k`;
    const glirp = `glirp${SFX}k`;
    const snarq = `snarq${SFX}k`;
    const murkq = `murkq${SFX}k`;
    const hushq = `hushq${SFX}k`;
    const from = at(NOW - 30 * DAY);
    const to = at(NOW - DAY);
    const d = (days: number, minutes = 0) => at(NOW - days * DAY + minutes * MIN);

    beforeAll(async () => {
      net = await newNetwork(t);
      const other = await newNetwork(t);
      const gp = { group: 'gpub' };
      const q = (id: string, author: string, days: number, tag: string, extra: RawRecord = {}) =>
        newActivity(id, 'question', author, d(days), { ...gp, tags: [tag], ...extra });
      const r = (id: string, author: string, parent: string, days: number, extra: RawRecord = {}) =>
        newActivity(id, 'reply', author, d(days, 30), { ...gp, parent, ...extra });
      const acc = (id: string, author: string, parent: string, days: number, extra: RawRecord = {}) =>
        newActivity(id, 'accept', author, d(days, 60), { ...gp, parent, ...extra });
      const V1 = `Vrombz${SFX}k`;
      await load(net, [
        ...[Q1, Q2, Q3, Q4, Q5, X, Y, Z, V].map((id) => newMember(id)),
        newGroup('gpub'),
        newGroup('gconf', { visibility: 'confidential' }),
        q('c0', Q1, 40, V1),
        q('c1', Q1, 20, V1),
        r('c1r', X, 'c1', 20),
        acc('c1a', Q1, 'c1r', 20),
        q('c2', Q2, 19, `VROMBZ${SFX.toUpperCase()}K`),
        r('c2r', X, 'c2', 19),
        acc('c2a', Q2, 'c2r', 19),
        newActivity('c2y', 'reply', Y, d(19, 40), { ...gp, parent: 'c2' }),
        q('c3', Q3, 18, V1),
        r('c3r', X, 'c3', 18),
        q('c4', Q4, 17, `Glirp${SFX}k`),
        q('c5', Q5, 16, `Glirp${SFX}k`),
        q('c6', Q1, 15, `Snarq${SFX}k`),
        r('c6r', Y, 'c6', 15),
        newActivity('c7', 'post', Q2, d(14), { ...gp, tags: [V1] }),
        q('c8', Q3, 13, `Murkq${SFX}k`, { group: 'gph' }),
        r('c8r', X, 'c8', 13, { group: 'gph' }),
        acc('c8a', Q3, 'c8r', 13, { group: 'gph' }),
        q('c9', Q4, 12, `Hushq${SFX}k`, { group: 'gconf' }),
        r('c9r', X, 'c9', 12, { group: 'gconf' }),
        acc('c9a', Q4, 'c9r', 12, { group: 'gconf' }),
        newActivity('c9x', 'reaction', Q5, d(12, 90), { group: 'gconf', parent: 'c9r' }),
        newActivity('c10', 'question', Q5, at(NOW - 12 * HOUR), { ...gp, tags: [V1] }),
      ]);
      await load(other, [newMember(W)]);
      await putProfile(Z, { expertise: [{ topic: V1, level: 4 }] });
      await putProfile(Y, { competences: [{ topic: `vrombz${SFX}ks`, level: 2 }] });
      await putProfile(V, { interests: [{ topic: V1 }] });
      await putProfile(W, { expertise: [{ topic: V1, level: 5 }] });
      await reindex(net);
    });

    it('ranks question tags by questions with resolution, declared and observed experts, and flags noExpert', async () => {
      const body = await get(`/v1/networks/${net}/expertise-coverage?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      expect(body).toMatchObject({ from, to, nextCursor: null });
      expect(body.computedAt).not.toBeNull();
      expect(body.items).toEqual([
        {
          topic: `Vrombz${SFX}k`,
          topicKey: vrombz, // written so on c1 and c3, VROMBZ… on c2
          questions: 3, // c1, c2, c3 (c0 before from, c10 after to, c7 a post)
          resolvedQuestions: 2,
          resolvedRate: 0.6667, // c1, c2 accepted: 2/3
          declaredExperts: 2, // Z (expertise), Y (competence, plural form); not V (interest), not W (other network)
          observedExperts: 1, // X: 15 ≥ 5; Y: 3
          noExpert: false,
        },
        { topic: `Glirp${SFX}k`, topicKey: glirp, questions: 2, resolvedQuestions: 0, resolvedRate: 0, declaredExperts: 0, observedExperts: 0, noExpert: true }, // c4, c5: nobody declares nor answers
        { topic: `Snarq${SFX}k`, topicKey: snarq, questions: 1, resolvedQuestions: 0, resolvedRate: 0, declaredExperts: 0, observedExperts: 0, noExpert: true }, // Y's 3 < 5: no expert either
      ]); // murkq (placeholder group) and hushq (confidential group) never appear
    });

    it('confidential and placeholder groups give no expert evidence', async () => {
      expect((await experts(hushq)).items).toEqual([]);
      expect((await experts(murkq)).items).toEqual([]);
      const x = await get(`/v1/members/${X}/profile`);
      // X answered c1, c2, c3 (public) and c8, c9 (left out): only vrombz, 3·2 + 3 + 0 + 2·3 = 15
      expect(byKey(x.observedExpertise)).toEqual([{ topic: vrombz, ...evidence(2, 3, 0, 3, 15) }]);
      expect(x.gaps.observedNotDeclared.map(keyOf)).toEqual([vrombz]);
      // nor any interest term
      for (const member of [X, Q3, Q4, Q5]) {
        const terms = (await get(`/v1/members/${member}/profile`)).inferredInterests.map((i: { term: string }) => keyOf(i.term));
        expect({ member, terms }).toEqual({ member, terms: expect.not.arrayContaining([hushq, murkq]) });
      }
    });
  });

  /**
   * Future animators on network N4, t0 = now − 10 days. Groups: g1 (leader L via the group record),
   * g2 (leader L2 via a membership with role leader). Departments: A Ops, B Sales, C R&D,
   * u1 R&D, u2 R&D, u3 Sales, u4 Sales, u5 Legal, u6 none.
   *   R1 question u1 g1 t0      : A +10 min (first, 600 s), L +40, u1 accepts A's reply
   *   R2 question u2 g1 t0+2h   : A +20 (first, 1200 s), L +45, C +90
   *   R3 question u3 g2 t0+4h   : A +30 (first, 1800 s), L2 +50, u3 accepts A's reply
   *   R4 post     u4 g2 t0+6h   : L2 +5 (first), A +25
   *   R5 question u5 g2 t0+8h   : A +50 (first, 3000 s), B +80, L2 +100
   *   R6 post     u6 g1 t0+10h  : L +3 (first), A +15
   *   R7 post     A  g1 t0+12h  : A +5 (own thread: helps nobody, no first response)
   *   R8 question u4 g1 t0+14h  : C +1 (first, 60 s)
   *   PP1…PP8 posts by PP (prolific, answers nobody); R0 question u1 g1 now − 400 d: O +10 (outside the year)
   * Evidence:
   *   A: helped {u1…u6} 6, departments {R&D, Sales, Legal} 3 (u6 unknown), groups {g1, g2} 2, accepted 2,
   *      median of 600, 1200, 1800, 3000 = (1200 + 1800) / 2 = 1500 s
   *   C: helped {u2, u4} 2, departments {R&D, Sales} 2, groups {g1} 1, accepted 0, median 60 s
   *   B: helped {u5} 1, departments {Legal} 1, groups {g2} 1, accepted 0, never first → median null, s = 0
   * Interaction graph (answered → answering, all weights 1): A's in-edges (u1…u6) include every other node's,
   * so A has the highest PageRank: c_A = 1.
   * Speed: s = 1 / (1 + hours / 24): s_A = 86400 / 87900, s_C = 86400 / 86460 (the max) → s_A / s_C = 86460 / 87900.
   * score_A = 0.30 + 0.15 + 0.15 + 0.15 + 0.15·1 + 0.10 · 86460/87900 = 0.9 + 0.0983618 = 0.9983618
   * score_C = 0.30·2/6 + 0.15·2/3 + 0.15·1/2 + 0 + 0.15 c_C + 0.10·1 = 0.375 + 0.15 c_C
   * score_B = 0.30·1/6 + 0.15·1/3 + 0.15·1/2 + 0 + 0.15 c_B + 0 = 0.175 + 0.15 c_B  (≤ 0.325 < 0.375: C before B)
   */
  describe('animator candidates', () => {
    let net: string;
    const p = uniqueKey('an');
    const [A, B, C, L, L2, PP, O, u1, u2, u3, u4, u5, u6] = ['a', 'b', 'c', 'l', 'l2', 'pp', 'o', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((x) => `${p}-${x}`);
    const t0 = NOW - 10 * DAY;
    let rows: Array<{ rank: number; member: string; score: number; department: string | null; evidence: Record<string, number | null> }>;

    beforeAll(async () => {
      net = await newNetwork(t);
      const root = (id: string, kind: string, author: string, group: string, hours: number) => newActivity(id, kind, author, at(t0 + hours * HOUR), { group });
      const reply = (id: string, author: string, parent: string, group: string, hours: number, minutes: number) =>
        newActivity(id, 'reply', author, at(t0 + hours * HOUR + minutes * MIN), { group, parent });
      const accept = (id: string, author: string, parent: string, group: string, hours: number, minutes: number) =>
        newActivity(id, 'accept', author, at(t0 + hours * HOUR + minutes * MIN), { group, parent });
      await load(net, [
        newMember(A, { department: 'Ops' }),
        newMember(B, { department: 'Sales' }),
        newMember(C, { department: 'R&D' }),
        newMember(L, { department: 'Ops' }),
        newMember(L2, { department: 'Ops' }),
        newMember(PP, { department: 'Ops' }),
        newMember(O, { department: 'Ops' }),
        newMember(u1, { department: 'R&D' }),
        newMember(u2, { department: 'R&D' }),
        newMember(u3, { department: 'Sales' }),
        newMember(u4, { department: 'Sales' }),
        newMember(u5, { department: 'Legal' }),
        newMember(u6),
        newGroup('g1', { leaders: [L] }),
        newGroup('g2'),
        newMembership('g2', L2, { role: 'leader' }),
        newMembership('g1', A, { role: 'member' }),
        root('R1', 'question', u1, 'g1', 0),
        reply('R1a', A, 'R1', 'g1', 0, 10),
        reply('R1l', L, 'R1', 'g1', 0, 40),
        accept('R1x', u1, 'R1a', 'g1', 0, 60),
        root('R2', 'question', u2, 'g1', 2),
        reply('R2a', A, 'R2', 'g1', 2, 20),
        reply('R2l', L, 'R2', 'g1', 2, 45),
        reply('R2c', C, 'R2', 'g1', 2, 90),
        root('R3', 'question', u3, 'g2', 4),
        reply('R3a', A, 'R3', 'g2', 4, 30),
        reply('R3l', L2, 'R3', 'g2', 4, 50),
        accept('R3x', u3, 'R3a', 'g2', 4, 70),
        root('R4', 'post', u4, 'g2', 6),
        reply('R4l', L2, 'R4', 'g2', 6, 5),
        reply('R4a', A, 'R4', 'g2', 6, 25),
        root('R5', 'question', u5, 'g2', 8),
        reply('R5a', A, 'R5', 'g2', 8, 50),
        reply('R5b', B, 'R5', 'g2', 8, 80),
        reply('R5l', L2, 'R5', 'g2', 8, 100),
        root('R6', 'post', u6, 'g1', 10),
        reply('R6l', L, 'R6', 'g1', 10, 3),
        reply('R6a', A, 'R6', 'g1', 10, 15),
        root('R7', 'post', A, 'g1', 12),
        reply('R7a', A, 'R7', 'g1', 12, 5),
        root('R8', 'question', u4, 'g1', 14),
        reply('R8c', C, 'R8', 'g1', 14, 1),
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => root(`PP${i}`, 'post', PP, i % 2 ? 'g1' : 'g2', 16 + i)),
        newActivity('R0', 'question', u1, at(NOW - 400 * DAY), { group: 'g1' }),
        newActivity('R0o', 'reply', O, at(NOW - 400 * DAY + 10 * MIN), { group: 'g1', parent: 'R0' }),
      ]);
      const run = await reindex(net);
      expect(run.animatorCandidates).toBe(3); // A, B, C
      rows = (await get(`/v1/networks/${net}/animator-candidates`)).items;
    });

    it('ranks the helpful non-leader first with exact evidence; leaders, posters and old repliers have no row', async () => {
      expect(rows.map((r) => r.member)).toEqual([A, C, B]); // no L, L2 (leaders), PP (answers nobody), O (reply 400 days ago), no askers
      expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
      expect(rows[0]).toMatchObject({ member: A, displayName: `Member ${A}`, department: 'Ops' });
      expect(rows[0].evidence).toEqual({
        peopleHelped: 6, // u1…u6 (not A itself in R7)
        departmentsReached: 3, // R&D, Sales, Legal; u6 has no department
        groupsReached: 2, // g1, g2
        acceptedAnswers: 2, // R1a, R3a
        medianTimeToFirstResponse: 1500, // percentile_cont(0.5) of 600, 1200, 1800, 3000
        centrality: expect.any(Number),
      });
      expect(rows[1].evidence).toMatchObject({ peopleHelped: 2, departmentsReached: 2, groupsReached: 1, acceptedAnswers: 0, medianTimeToFirstResponse: 60 });
      expect(rows[2].evidence).toMatchObject({ peopleHelped: 1, departmentsReached: 1, groupsReached: 1, acceptedAnswers: 0, medianTimeToFirstResponse: null });
    });

    it('scores are in [0, 1], rank 1 has the highest, and they follow the documented formula', async () => {
      for (const r of rows) {
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        for (const field of ['peopleHelped', 'departmentsReached', 'groupsReached', 'acceptedAnswers', 'medianTimeToFirstResponse', 'centrality'])
          expect(r.evidence).toHaveProperty(field);
      }
      expect(rows[0].score).toBe(Math.max(...rows.map((r) => r.score)));
      const centralities = rows.map((r) => r.evidence.centrality as number);
      expect(rows[0].evidence.centrality).toBe(Math.max(...centralities)); // A's in-edges include every other node's
      // A: every relative signal is 1 but speed: 0.9 + 0.10 · 86460/87900
      // (scores carry 4 decimals: at most 0.00005 away from the exact value)
      expect(rows[0].score).toBeCloseTo(0.9 + (0.1 * 86460) / 87900, 4); // 0.9983618 → 0.9984
      // C and B: the centrality term lies in [0, 0.15] and equals 0.15 · centrality / max centrality
      const cRel = (r: (typeof rows)[number]) => (r.evidence.centrality as number) / centralities[0];
      const [c, b] = [rows[1], rows[2]];
      expect(c.score - 0.375).toBeGreaterThanOrEqual(-0.0001);
      expect(c.score - 0.375).toBeLessThanOrEqual(0.1501);
      // (+ 0.000001 for the 6 decimals of the centralities)
      expect(Math.abs(c.score - (0.375 + 0.15 * cRel(c)))).toBeLessThanOrEqual(0.000051);
      expect(b.score - 0.175).toBeGreaterThanOrEqual(-0.0001);
      expect(b.score - 0.175).toBeLessThanOrEqual(0.1501);
      expect(Math.abs(b.score - (0.175 + 0.15 * cRel(b)))).toBeLessThanOrEqual(0.000051);
    });

    it('GET /v1/metrics lists the weights the animator score is computed with', async () => {
      const metrics: { name: string; endpoint: string; formula: string; weights?: Record<string, number> }[] = (await get('/v1/metrics')).items;
      const animator = metrics.find((m) => m.endpoint === 'animator-candidates' && m.name === 'animatorScore');
      const w = animator?.weights as Record<string, number>;
      // docs/people.md: score = 0.30 h + 0.15 d + 0.15 g + 0.15 a + 0.15 c + 0.10 s
      expect(w).toEqual({ peopleHelped: 0.3, departmentsReached: 0.15, groupsReached: 0.15, acceptedAnswers: 0.15, centrality: 0.15, speed: 0.1 });
      expect(animator?.formula).toContain('0.3 × peopleHelped + 0.15 × departmentsReached + 0.15 × groupsReached');
      // the answers use them, hand-computed from the listed weights (maxima over A, C, B: helped 6, departments 3, groups 2,
      // accepted 2, centrality A's, speed C's: 1 / (1 + 60 / 86400) = 86400 / 86460)
      const [a, c] = [rows[0], rows[1]];
      // A: every relative signal is 1 but speed: (86400 / 87900) / (86400 / 86460) = 86460 / 87900
      const aScore = w.peopleHelped + w.departmentsReached + w.groupsReached + w.acceptedAnswers + w.centrality + (w.speed * 86460) / 87900;
      expect(a.score).toBeCloseTo(aScore, 4); // 0.9983618 → 0.9984
      // C: helped 2/6, departments 2/3, groups 1/2, accepted 0/2, centrality relative to A's, speed 1 (the fastest)
      const cRel = (c.evidence.centrality as number) / (a.evidence.centrality as number);
      const cScore = (w.peopleHelped * 2) / 6 + (w.departmentsReached * 2) / 3 + w.groupsReached / 2 + w.acceptedAnswers * 0 + w.centrality * cRel + w.speed;
      expect(Math.abs(c.score - cScore)).toBeLessThanOrEqual(0.000051); // 4 decimals of the score, 6 of the centralities
    });

    /**
     * Speed relative to the fastest candidate, on its own network N5 (t0 = now − 20 days, group g):
     *   qa ua (dept X) : V1 replies +24 h (first, 86400 s), ua accepts
     *   qb ub (dept X) : V2 replies +48 h (first, 172800 s), ub accepts
     * Both: helped 1, departments 1, groups 1, accepted 1; the graph ua → V1, ub → V2 is symmetric: equal PageRank.
     * s_V1 = 1 / (1 + 24/24) = 1/2 (the max), s_V2 = 1 / (1 + 48/24) = 1/3 → relative 1 and (1/3)/(1/2) = 2/3.
     * score_V1 = 0.30 + 0.15 + 0.15 + 0.15 + 0.15 + 0.10 · 1 = 1; score_V2 = 0.9 + 0.10 · 2/3 = 0.9667
     */
    it('speed is divided by its maximum over the candidates like every other signal', async () => {
      const n5 = await newNetwork(t);
      const q = uniqueKey('sp');
      const [V1, V2, ua, ub] = ['v1', 'v2', 'ua', 'ub'].map((x) => `${q}-${x}`);
      const s0 = NOW - 20 * DAY;
      await load(n5, [
        newMember(V1, { department: 'Y' }),
        newMember(V2, { department: 'Y' }),
        newMember(ua, { department: 'X' }),
        newMember(ub, { department: 'X' }),
        newGroup('g'),
        newActivity('qa', 'question', ua, at(s0), { group: 'g' }),
        newActivity('qa1', 'reply', V1, at(s0 + DAY), { group: 'g', parent: 'qa' }),
        newActivity('qax', 'accept', ua, at(s0 + DAY + HOUR), { group: 'g', parent: 'qa1' }),
        newActivity('qb', 'question', ub, at(s0 + 3 * DAY), { group: 'g' }),
        newActivity('qb1', 'reply', V2, at(s0 + 5 * DAY), { group: 'g', parent: 'qb' }),
        newActivity('qbx', 'accept', ub, at(s0 + 5 * DAY + HOUR), { group: 'g', parent: 'qb1' }),
      ]);
      await reindex(n5);
      const items = (await get(`/v1/networks/${n5}/animator-candidates`)).items;
      expect(items.map((r: { member: string }) => r.member)).toEqual([V1, V2]);
      expect(items[0].evidence).toMatchObject({
        peopleHelped: 1,
        departmentsReached: 1,
        groupsReached: 1,
        acceptedAnswers: 1,
        medianTimeToFirstResponse: 86400,
      });
      expect(items[1].evidence).toMatchObject({
        peopleHelped: 1,
        departmentsReached: 1,
        groupsReached: 1,
        acceptedAnswers: 1,
        medianTimeToFirstResponse: 172800,
      });
      expect(items[0].evidence.centrality).toBeCloseTo(items[1].evidence.centrality, 6);
      expect(items.map((r: { score: number }) => r.score)).toEqual([1, 0.9667]);
    });

    it('filters by group (members who replied there) and by department', async () => {
      const members = async (query: string) => (await get(`/v1/networks/${net}/animator-candidates?${query}`)).items.map((r: { member: string }) => r.member);
      expect(await members('group=g2')).toEqual([A, B]); // A (R3a, R4a, R5a), B (R5b); C replied only in g1
      expect(await members('group=g1')).toEqual([A, C]); // B replied only in g2
      expect(await members(`department=${encodeURIComponent('R&D')}`)).toEqual([C]);
      expect(await members('department=Sales')).toEqual([B]);
      expect(await members('department=Ops')).toEqual([A]); // L, L2, PP, O are Ops too but no candidates
      expect(await members('department=Nowhere')).toEqual([]);
      const unknown = await t.http().get(`/v1/networks/${net}/animator-candidates?group=no-such-group`).set(auth());
      expect(unknown.status).toBe(400);
    });

    it('roles: cno and hr may read experts, coverage and candidates; only cno runs the index; integrator may not', async () => {
      const routes: Array<{ method: 'get' | 'post'; path: string }> = [
        { method: 'get', path: `/v1/experts?topic=quonk${SFX}q` },
        { method: 'get', path: `/v1/networks/${net}/expertise-coverage` },
        { method: 'get', path: `/v1/networks/${net}/animator-candidates` },
        { method: 'post', path: `/v1/networks/${net}/people-index` },
      ];
      const seen: Array<[string, string, number]> = [];
      for (const route of routes) {
        for (const role of ['cno', 'hr', 'integrator'] as const) {
          const res = await t.http()[route.method](route.path).set(auth(keys[role]));
          seen.push([`${route.method} ${route.path}`, role, res.status]);
        }
      }
      expect(seen).toEqual(
        routes.flatMap((route) => [
          [`${route.method} ${route.path}`, 'cno', 200],
          [`${route.method} ${route.path}`, 'hr', route.method === 'post' ? 403 : 200],
          [`${route.method} ${route.path}`, 'integrator', 403],
        ]),
      );
    });
  });
});
