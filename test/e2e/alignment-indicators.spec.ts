import type { Response } from 'supertest';
import { ingest, newActivity, newGroup, newMember, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { networkGet, readIndicator } from '../support/indicators';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * Alignment with business objectives (SPEC §3.6, §3.7; docs/alignment.md "Matching", "Alignment",
 * "Drift"), through HTTP on the real application. Every expected number was computed by hand from
 * the contract on the fixture below; the computation is written beside it.
 *
 * Normalisation (SPEC §3.6): NFKD, combining marks dropped, lowercase, split outside [a-z0-9], a
 * token longer than 3 characters loses one final s or x. Keywords match contiguous token runs of the
 * text or of ONE tag. Contributions are post, question, reply, share.
 *
 * Network `net`, timezone UTC (default). Main window W = [2026-03-02T00:00Z, 2026-03-06T00:00Z),
 * four daily buckets (03-04 stays empty).
 *
 * Members: A, B in R&D; C, D in Sales.
 * Groups: g1 public (leaders [A]), g2 public (leaders [C]), g3 confidential (no leader).
 *
 * Objectives (all with networks: [net] unless said otherwise; keys sort a < b < c < d):
 *   OA `.a-cyber`  "Cybersécurité" active: [cybersecurite ×2, mot de passe ×1]
 *   OB `.b-reseau` "Réseaux"       active: [réseau ×1.5, bus ×0.5]
 *   OC `.c-secu`   "Sécurité"      active: [sécurité ×3]
 *   OD `.d-cafe`   "Pause café"    INACTIVE: [café ×1]
 *   OE `.e-other`  "Projets"       networks: [other] (another network): [projet ×1]
 *
 * Activities in W (after the edits and the deletion at the end of beforeAll):
 *   id  kind      author group time(Z)      text / tags                                     → matches
 *   a1  post      A      g1    03-02 09:00  "Formation Cybersécurité pour tous"              → OA cybersecurite (accents, case); NOT OC sécurité
 *   a2  question  B      g1    03-02 10:00  "Quel mot de passe choisir ?"                    → OA mot de passe
 *   a3  reply     C      g1    03-02 11:00  "Un mot fort, de passe en passe" (→ a2)          → none (mot … de passe not contiguous)
 *   a4  reaction  D      g1    03-02 12:00  "cybersécurité mot de passe" (→ a1)              → not a contribution
 *   a5  accept    B      g1    03-02 13:00  "mot de passe réseau" (→ a3)                     → not a contribution
 *   d1  post      B      –     03-02 15:00  "cybersécurité: mot de passe"                    → OA cybersecurite + mot de passe (OA once)
 *   b1  post      C      g2    03-03 09:00  "Nos réseaux sociaux internes"                   → OB réseau (plural réseaux → reseau)
 *   b2  post      D      g2    03-03 10:00  "Le bus 42 est en retard", tags ["sécurité"]     → OB bus (text), OC sécurité (tag)
 *   b3  post      A      g2    03-03 11:00  "J'ai bu un café pendant le projet"              → none active ("bu" ≠ "bus"; café: OD inactive; projet: OE other network)
 *   b4  share     B      g3    03-03 12:00  tags ["réseaux", "cybersécurité"] (→ b1)         → OB réseau (tag), OA cybersecurite (tag)
 *   b5  post      C      g3    03-03 13:00  "Rappel", tags ["mot de", "passe"]               → none (phrase split across two tags)
 *   b6  post      D      g1    03-03 14:00  "Cybersécurité et sécurité du réseau", tags ["cybersecurite"] (re-sent identical)
 *                                                                                            → OA cybersecurite (text AND tag: once), OC sécurité, OB réseau
 *   c1  post      A      g1    03-05 09:00  "Déjeuner d'équipe" EDITED to "Mot de passe oublié" → OA mot de passe
 *   c2  post      B      g2    03-05 10:00  "Incident de cybersécurité" EDITED to "Incident réglé" → none
 *   c3  post      C      g1    03-05 11:00  "Panne réseau" DELETED                            → gone
 *   c4  reply     D      g2    03-05 12:00  "Merci" (→ b2)                                    → none
 *
 * Contributions in W: 03-02 a1 a2 a3 d1 = 4; 03-03 b1..b6 = 6; 03-04 none; 03-05 c1 c2 c4 = 3 → 13.
 * Aligned: a1 a2 d1 b1 b2 b4 b6 c1 = 8.
 *
 * Drift's second window [2026-03-09, 2026-03-16) (its previous window is [03-02, 03-09) = W's data):
 *   e1  post A g1 03-10 09:00 "Déménagement des bureaux" → none
 *   e2  post B g1 03-11 09:00 "Réseaux wifi"             → OB réseau
 *   e3  post C g2 03-10 10:00 "Cybersécurité"            → OA cybersecurite
 *   e4  post D g2 03-12 10:00 "Changer son mot de passe" → OA mot de passe
 */

interface Obj {
  key: string;
  name: string;
  matches: number;
  share: number | null;
  weightedMatches: number;
  keywords: { term: string; weight: number; matches: number }[];
}

const W = { from: '2026-03-02T00:00:00Z', to: '2026-03-06T00:00:00Z' };
const bucket = (day: string, contributions: number, alignedContributions: number, alignmentRate: number | null) => ({
  start: `2026-03-${day}T00:00:00.000Z`,
  contributions,
  alignedContributions,
  alignmentRate,
});

describe('alignment indicators (SPEC §3.6), hand-computed', () => {
  let t: TestApp;
  let net: string;
  let other: string;
  let p: string;
  let mp: string;
  const m = (id: string) => `${mp}${id}`;
  const OA = () => `${p}.a-cyber`;
  const OB = () => `${p}.b-reseau`;
  const OC = () => `${p}.c-secu`;
  const OD = () => `${p}.d-cafe`;
  const OE = () => `${p}.e-other`;

  /** Only this file's objectives: objectives for every network made elsewhere must not disturb the numbers. */
  const mine = (objectives: Obj[]) => objectives.filter((o) => o.key.startsWith(`${p}.`));

  const putObjective = (key: string, body: object, apiKey = TEST_ADMIN_KEY) =>
    t.http().put(`/v1/objectives/${key}`).set('Authorization', `Bearer ${apiKey}`).send(body);

  /** Polls GET /v1/objectives/{key} every 50 ms (at most ~10 s) until its re-match job is done. */
  async function waitRematchDone(key: string): Promise<Record<string, unknown>> {
    let last: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      const res = await t.http().get(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
      expect(res.status).toBe(200);
      last = res.body;
      const rematch = res.body.rematch as { state: string };
      if (rematch.state === 'done') return res.body;
      if (rematch.state === 'failed') throw new Error(`re-match of ${key} failed: ${JSON.stringify(rematch)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`re-match of ${key} not done after ~10 s: ${JSON.stringify(last.rematch)}`);
  }

  async function send(records: RawRecord[], network = net) {
    const res = await ingest(t, network, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    return res.body;
  }

  const alignment = (query: Record<string, string>, network = net) => readIndicator(t, network, 'indicators/alignment', query);

  /** No re-match of this file's objectives pending; `final` says so whenever nothing else is re-matching. */
  function expectFinal(body: Record<string, unknown>): void {
    expect(Array.isArray(body.rematching)).toBe(true);
    expect((body.rematching as string[]).filter((k) => k.startsWith(`${p}.`))).toEqual([]);
    expect(body.final).toBe((body.rematching as string[]).length === 0);
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    other = await newNetwork(t);
    p = uniqueKey('al');
    mp = uniqueKey('m') + ':';

    const objectives: [string, object][] = [
      [
        OA(),
        {
          name: 'Cybersécurité',
          networks: [net],
          keywords: [
            { term: 'cybersecurite', weight: 2 },
            { term: 'mot de passe', weight: 1 },
          ],
        },
      ],
      [
        OB(),
        {
          name: 'Réseaux',
          networks: [net],
          keywords: [
            { term: 'réseau', weight: 1.5 },
            { term: 'bus', weight: 0.5 },
          ],
        },
      ],
      [OC(), { name: 'Sécurité', networks: [net], keywords: [{ term: 'sécurité', weight: 3 }] }],
      [OD(), { name: 'Pause café', active: false, networks: [net], keywords: [{ term: 'café', weight: 1 }] }],
      [OE(), { name: 'Projets', networks: [other], keywords: [{ term: 'projet', weight: 1 }] }],
    ];
    for (const [key, body] of objectives) {
      const res = await putObjective(key, body);
      expect({ key, status: res.status }).toEqual({ key, status: 201 });
    }
    for (const [key] of objectives) await waitRematchDone(key);

    // request 1: everything with the first texts
    await send([
      newMember(m('A'), { department: 'R&D' }),
      newMember(m('B'), { department: 'R&D' }),
      newMember(m('C'), { department: 'Sales' }),
      newMember(m('D'), { department: 'Sales' }),
      newGroup('g1', { leaders: [m('A')] }),
      newGroup('g2', { leaders: [m('C')] }),
      newGroup('g3', { visibility: 'confidential' }),
      newActivity('a1', 'post', m('A'), '2026-03-02T09:00:00Z', { group: 'g1', text: 'Formation Cybersécurité pour tous' }),
      newActivity('a2', 'question', m('B'), '2026-03-02T10:00:00Z', { group: 'g1', text: 'Quel mot de passe choisir ?' }),
      newActivity('a3', 'reply', m('C'), '2026-03-02T11:00:00Z', { group: 'g1', parent: 'a2', text: 'Un mot fort, de passe en passe' }),
      newActivity('a4', 'reaction', m('D'), '2026-03-02T12:00:00Z', { group: 'g1', parent: 'a1', text: 'cybersécurité mot de passe' }),
      newActivity('a5', 'accept', m('B'), '2026-03-02T13:00:00Z', { group: 'g1', parent: 'a3', text: 'mot de passe réseau' }),
      newActivity('d1', 'post', m('B'), '2026-03-02T15:00:00Z', { text: 'cybersécurité: mot de passe' }),
      newActivity('b1', 'post', m('C'), '2026-03-03T09:00:00Z', { group: 'g2', text: 'Nos réseaux sociaux internes' }),
      newActivity('b2', 'post', m('D'), '2026-03-03T10:00:00Z', { group: 'g2', text: 'Le bus 42 est en retard', tags: ['sécurité'] }),
      newActivity('b3', 'post', m('A'), '2026-03-03T11:00:00Z', { group: 'g2', text: "J'ai bu un café pendant le projet" }),
      newActivity('b4', 'share', m('B'), '2026-03-03T12:00:00Z', { group: 'g3', parent: 'b1', tags: ['réseaux', 'cybersécurité'] }),
      newActivity('b5', 'post', m('C'), '2026-03-03T13:00:00Z', { group: 'g3', text: 'Rappel', tags: ['mot de', 'passe'] }),
      newActivity('b6', 'post', m('D'), '2026-03-03T14:00:00Z', { group: 'g1', text: 'Cybersécurité et sécurité du réseau', tags: ['cybersecurite'] }),
      newActivity('c1', 'post', m('A'), '2026-03-05T09:00:00Z', { group: 'g1', text: "Déjeuner d'équipe" }),
      newActivity('c2', 'post', m('B'), '2026-03-05T10:00:00Z', { group: 'g2', text: 'Incident de cybersécurité' }),
      newActivity('c3', 'post', m('C'), '2026-03-05T11:00:00Z', { group: 'g1', text: 'Panne réseau' }),
      newActivity('c4', 'reply', m('D'), '2026-03-05T12:00:00Z', { group: 'g2', parent: 'b2', text: 'Merci' }),
      newActivity('e1', 'post', m('A'), '2026-03-10T09:00:00Z', { group: 'g1', text: 'Déménagement des bureaux' }),
      newActivity('e2', 'post', m('B'), '2026-03-11T09:00:00Z', { group: 'g1', text: 'Réseaux wifi' }),
      newActivity('e3', 'post', m('C'), '2026-03-10T10:00:00Z', { group: 'g2', text: 'Cybersécurité' }),
      newActivity('e4', 'post', m('D'), '2026-03-12T10:00:00Z', { group: 'g2', text: 'Changer son mot de passe' }),
    ]);

    // request 2: two edits that change the matches, one identical re-send (its matches must not double)
    const report = await send([
      newActivity('c1', 'post', m('A'), '2026-03-05T09:00:00Z', { group: 'g1', text: 'Mot de passe oublié' }),
      newActivity('c2', 'post', m('B'), '2026-03-05T10:00:00Z', { group: 'g2', text: 'Incident réglé' }),
      newActivity('b6', 'post', m('D'), '2026-03-03T14:00:00Z', { group: 'g1', text: 'Cybersécurité et sécurité du réseau', tags: ['cybersecurite'] }),
    ]);
    expect(report).toEqual({ received: 3, inserted: 0, updated: 2, duplicates: 1, rejected: [] });

    // request 3: a deletion
    await send([{ type: 'activity', externalId: 'c3', deleted: true }]);
  });
  afterAll(() => t.close());

  const networkObjectives = (): Obj[] => [
    {
      key: OA(),
      name: 'Cybersécurité',
      matches: 6, // a1, a2, d1, b4, b6, c1
      share: 0.4615, // 6 / 13 = 0.461538…
      weightedMatches: 11, // 2 × 4 + 1 × 3
      keywords: [
        { term: 'cybersecurite', weight: 2, matches: 4 }, // a1 (text "Cybersécurité"), d1, b4 (tag), b6 (text and tag: once); c2 edited away
        { term: 'mot de passe', weight: 1, matches: 3 }, // a2, d1, c1 (after its edit); not a3 (split), b5 (two tags), a4/a5 (not contributions)
      ],
    },
    {
      key: OB(),
      name: 'Réseaux',
      matches: 4, // b1, b2, b4, b6
      share: 0.3077, // 4 / 13 = 0.307692…
      weightedMatches: 5, // 1.5 × 3 + 0.5 × 1
      keywords: [
        { term: 'réseau', weight: 1.5, matches: 3 }, // b1 ("réseaux"), b4 (tag "réseaux"), b6; c3 deleted; a5 is an accept
        { term: 'bus', weight: 0.5, matches: 1 }, // b2 ("bus"); not b3 ("bu")
      ],
    },
    {
      key: OC(),
      name: 'Sécurité',
      matches: 2, // b2 (tag), b6 (text); never "cybersécurité" (a1, d1, b4)
      share: 0.1538, // 2 / 13 = 0.153846…
      weightedMatches: 6, // 3 × 2
      keywords: [{ term: 'sécurité', weight: 3, matches: 2 }],
    },
    // OD inactive: not listed; OE belongs to another network: not listed
  ];

  describe('network scope, window W = [2026-03-02, 2026-03-06)', () => {
    it('totals and objectives', async () => {
      const body = await alignment({ ...W });
      expect(body).toMatchObject({
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-06T00:00:00.000Z',
        contributions: 13, // 4 + 6 + 0 + 3 (see header); reactions a4 and accept a5 not counted, c3 deleted
        alignedContributions: 8, // a1, a2, d1, b1, b2, b4, b6, c1 (b3 matches only the inactive OD and OE of another network)
        alignmentRate: 0.6154, // 8 / 13 = 0.615384…
      });
      expect(mine(body.objectives as Obj[])).toEqual(networkObjectives());
      expectFinal(body);
    });

    it('contributions are the same number as the activity indicator', async () => {
      const activity = await readIndicator(t, net, 'indicators/activity', { ...W });
      expect((activity.totals as { contributions: number }).contributions).toBe(13);
    });

    it('daily series: every bucket, the empty one included', async () => {
      const body = await alignment({ ...W, granularity: 'day' });
      expect(body.series).toEqual([
        bucket('02', 4, 3, 0.75), // a1, a2, a3, d1; aligned a1, a2, d1 → 3 / 4
        bucket('03', 6, 4, 0.6667), // b1..b6; aligned b1, b2, b4, b6 → 4 / 6 = 0.6666…
        bucket('04', 0, 0, null), // empty: rate null
        bucket('05', 3, 1, 0.3333), // c1, c2, c4 (c3 deleted); aligned c1 → 1 / 3
      ]);
    });

    it('weekly series: one bucket, the Monday 2026-03-02', async () => {
      const body = await alignment({ ...W, granularity: 'week' });
      expect(body).toMatchObject({ contributions: 13, alignedContributions: 8, alignmentRate: 0.6154 });
      expect(body.series).toEqual([bucket('02', 13, 8, 0.6154)]); // the whole window
    });
  });

  describe('group and department scopes on W', () => {
    it('group g1', async () => {
      const body = await alignment({ ...W, group: 'g1' });
      expect(body).toMatchObject({
        contributions: 5, // a1, a2, a3, b6, c1 (c3 deleted)
        alignedContributions: 4, // a1, a2, b6, c1
        alignmentRate: 0.8, // 4 / 5
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        {
          key: OA(),
          name: 'Cybersécurité',
          matches: 4,
          share: 0.8, // a1, a2, b6, c1 → 4 / 5
          weightedMatches: 6, // 2 × 2 + 1 × 2
          keywords: [
            { term: 'cybersecurite', weight: 2, matches: 2 }, // a1, b6
            { term: 'mot de passe', weight: 1, matches: 2 }, // a2, c1
          ],
        },
        {
          key: OB(),
          name: 'Réseaux',
          matches: 1,
          share: 0.2, // b6 → 1 / 5
          weightedMatches: 1.5, // 1.5 × 1
          keywords: [
            { term: 'réseau', weight: 1.5, matches: 1 }, // b6 (c3 deleted)
            { term: 'bus', weight: 0.5, matches: 0 },
          ],
        },
        {
          key: OC(),
          name: 'Sécurité',
          matches: 1,
          share: 0.2, // b6 → 1 / 5
          weightedMatches: 3, // 3 × 1
          keywords: [{ term: 'sécurité', weight: 3, matches: 1 }],
        },
      ]);
      expect(body.series).toEqual([
        bucket('02', 3, 2, 0.6667), // a1, a2, a3; aligned a1, a2 → 2 / 3
        bucket('03', 1, 1, 1), // b6
        bucket('04', 0, 0, null),
        bucket('05', 1, 1, 1), // c1
      ]);
    });

    it('group g2: an objective with no match is listed with zeros', async () => {
      const body = await alignment({ ...W, group: 'g2' });
      expect(body).toMatchObject({
        contributions: 5, // b1, b2, b3, c2, c4
        alignedContributions: 2, // b1, b2
        alignmentRate: 0.4, // 2 / 5
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        {
          key: OA(),
          name: 'Cybersécurité',
          matches: 0,
          share: 0,
          weightedMatches: 0, // c2 was edited away
          keywords: [
            { term: 'cybersecurite', weight: 2, matches: 0 },
            { term: 'mot de passe', weight: 1, matches: 0 },
          ],
        },
        {
          key: OB(),
          name: 'Réseaux',
          matches: 2,
          share: 0.4, // b1, b2 → 2 / 5
          weightedMatches: 2, // 1.5 × 1 + 0.5 × 1
          keywords: [
            { term: 'réseau', weight: 1.5, matches: 1 },
            { term: 'bus', weight: 0.5, matches: 1 },
          ], // b1; b2
        },
        {
          key: OC(),
          name: 'Sécurité',
          matches: 1,
          share: 0.2, // b2 (tag) → 1 / 5
          weightedMatches: 3,
          keywords: [{ term: 'sécurité', weight: 3, matches: 1 }],
        },
      ]);
    });

    it('group g3 (confidential): keywords in tags, and a phrase split across tags', async () => {
      const body = await alignment({ ...W, group: 'g3' });
      expect(body).toMatchObject({
        contributions: 2, // b4 (share), b5
        alignedContributions: 1, // b4 via its tags; b5's "mot de" + "passe" do not make "mot de passe"
        alignmentRate: 0.5, // 1 / 2
      });
      const objectives = mine(body.objectives as Obj[]);
      expect(objectives.map((o) => [o.key, o.matches, o.keywords.map((k) => k.matches)])).toEqual([
        [OA(), 1, [1, 0]], // b4 tag "cybersécurité"; b5 split phrase no match
        [OB(), 1, [1, 0]], // b4 tag "réseaux"
        [OC(), 0, [0]],
      ]);
    });

    it('department R&D (A, B)', async () => {
      const body = await alignment({ ...W, department: 'R&D' });
      expect(body).toMatchObject({
        contributions: 7, // A: a1, b3, c1; B: a2, d1, b4, c2
        alignedContributions: 5, // a1, c1, a2, d1, b4
        alignmentRate: 0.7143, // 5 / 7 = 0.714285…
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        {
          key: OA(),
          name: 'Cybersécurité',
          matches: 5,
          share: 0.7143, // a1, c1, a2, d1, b4 → 5 / 7
          weightedMatches: 9, // 2 × 3 + 1 × 3
          keywords: [
            { term: 'cybersecurite', weight: 2, matches: 3 }, // a1, d1, b4
            { term: 'mot de passe', weight: 1, matches: 3 }, // a2, d1, c1
          ],
        },
        {
          key: OB(),
          name: 'Réseaux',
          matches: 1,
          share: 0.1429, // b4 → 1 / 7 = 0.142857…
          weightedMatches: 1.5,
          keywords: [
            { term: 'réseau', weight: 1.5, matches: 1 },
            { term: 'bus', weight: 0.5, matches: 0 },
          ],
        },
        { key: OC(), name: 'Sécurité', matches: 0, share: 0, weightedMatches: 0, keywords: [{ term: 'sécurité', weight: 3, matches: 0 }] },
      ]);
      expect(body.series).toEqual([
        bucket('02', 3, 3, 1), // a1 (A), a2, d1 (B)
        bucket('03', 2, 1, 0.5), // b3, b4; aligned b4
        bucket('04', 0, 0, null),
        bucket('05', 2, 1, 0.5), // c1, c2; aligned c1
      ]);
    });

    it('department Sales (C, D)', async () => {
      const body = await alignment({ ...W, department: 'Sales' });
      expect(body).toMatchObject({
        contributions: 6, // C: a3, b1, b5; D: b2, b6, c4
        alignedContributions: 3, // b1, b2, b6
        alignmentRate: 0.5, // 3 / 6
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        {
          key: OA(),
          name: 'Cybersécurité',
          matches: 1,
          share: 0.1667, // b6 → 1 / 6 = 0.1666…
          weightedMatches: 2, // 2 × 1
          keywords: [
            { term: 'cybersecurite', weight: 2, matches: 1 },
            { term: 'mot de passe', weight: 1, matches: 0 },
          ],
        },
        {
          key: OB(),
          name: 'Réseaux',
          matches: 3,
          share: 0.5, // b1, b2, b6 → 3 / 6
          weightedMatches: 3.5, // 1.5 × 2 + 0.5 × 1
          keywords: [
            { term: 'réseau', weight: 1.5, matches: 2 },
            { term: 'bus', weight: 0.5, matches: 1 },
          ], // b1, b6; b2
        },
        {
          key: OC(),
          name: 'Sécurité',
          matches: 2,
          share: 0.3333, // b2, b6 → 2 / 6
          weightedMatches: 6, // 3 × 2
          keywords: [{ term: 'sécurité', weight: 3, matches: 2 }],
        },
      ]);
    });

    it('group g1 and department R&D together', async () => {
      const body = await alignment({ ...W, group: 'g1', department: 'R&D' });
      expect(body).toMatchObject({
        contributions: 3, // a1 (A), a2 (B), c1 (A)
        alignedContributions: 3,
        alignmentRate: 1, // 3 / 3
      });
      expect(mine(body.objectives as Obj[]).map((o) => [o.key, o.matches, o.share, o.weightedMatches, o.keywords.map((k) => k.matches)])).toEqual([
        [OA(), 3, 1, 4, [1, 2]], // a1 cyber; a2, c1 mot de passe; 2 × 1 + 1 × 2 = 4
        [OB(), 0, 0, 0, [0, 0]],
        [OC(), 0, 0, 0, [0]],
      ]);
    });
  });

  describe('objectives of other networks, empty windows', () => {
    it('the other network lists only its own objective; no contribution → null rates', async () => {
      const body = await alignment({ ...W }, other);
      expect(body).toMatchObject({ contributions: 0, alignedContributions: 0, alignmentRate: null }); // 0 / 0
      expect(mine(body.objectives as Obj[])).toEqual([
        { key: OE(), name: 'Projets', matches: 0, share: null, weightedMatches: 0, keywords: [{ term: 'projet', weight: 1, matches: 0 }] }, // share 0 / 0
      ]);
      expect(body.series).toEqual([bucket('02', 0, 0, null), bucket('03', 0, 0, null), bucket('04', 0, 0, null), bucket('05', 0, 0, null)]);
    });

    it('an empty window of net: zeros, null rates, objectives still listed', async () => {
      const body = await alignment({ from: '2026-01-05T00:00:00Z', to: '2026-01-07T00:00:00Z' });
      expect(body).toMatchObject({ contributions: 0, alignedContributions: 0, alignmentRate: null });
      expect(mine(body.objectives as Obj[]).map((o) => [o.key, o.matches, o.share, o.weightedMatches])).toEqual([
        [OA(), 0, null, 0],
        [OB(), 0, null, 0],
        [OC(), 0, null, 0],
      ]);
      expect(body.series).toEqual([
        { start: '2026-01-05T00:00:00.000Z', contributions: 0, alignedContributions: 0, alignmentRate: null },
        { start: '2026-01-06T00:00:00.000Z', contributions: 0, alignedContributions: 0, alignmentRate: null },
      ]);
    });
  });

  describe('comparisons carry alignmentRate (SPEC §3.7)', () => {
    const rows = async (path: string, query: Record<string, string>, apiKey = TEST_ADMIN_KEY) => {
      const res = await t
        .http()
        .get(path)
        .query({ ...W, limit: '1000', ...query })
        .set('Authorization', `Bearer ${apiKey}`);
      expect({ status: res.status }).toEqual({ status: 200 });
      return res.body.items as Record<string, unknown>[];
    };

    it('groups', async () => {
      const items = await rows(`/v1/networks/${net}/comparisons/groups`, {});
      expect(
        items
          .map((r) => ({ group: r.group, contributions: r.contributions, alignmentRate: r.alignmentRate }))
          .sort((a, b) => String(a.group).localeCompare(String(b.group))),
      ).toEqual([
        { group: 'g1', contributions: 5, alignmentRate: 0.8 }, // 4 / 5
        { group: 'g2', contributions: 5, alignmentRate: 0.4 }, // 2 / 5
        { group: 'g3', contributions: 2, alignmentRate: 0.5 }, // 1 / 2
      ]);
    });

    it('groups sorted by alignmentRate', async () => {
      const items = await rows(`/v1/networks/${net}/comparisons/groups`, { sort: 'alignmentRate', order: 'desc' });
      expect(items.map((r) => [r.group, r.alignmentRate, r.rank])).toEqual([
        ['g1', 0.8, 1],
        ['g3', 0.5, 2],
        ['g2', 0.4, 3],
      ]);
    });

    it('departments', async () => {
      const items = await rows(`/v1/networks/${net}/comparisons/departments`, {});
      expect(
        items
          .map((r) => ({ department: r.department, contributions: r.contributions, alignmentRate: r.alignmentRate }))
          .sort((a, b) => String(a.department).localeCompare(String(b.department))),
      ).toEqual([
        { department: 'R&D', contributions: 7, alignmentRate: 0.7143 }, // 5 / 7
        { department: 'Sales', contributions: 6, alignmentRate: 0.5 }, // 3 / 6
      ]);
    });

    it('leaders (scope = the groups they lead)', async () => {
      const items = await rows(`/v1/networks/${net}/comparisons/leaders`, {});
      expect(items.map((r) => ({ member: r.member, alignmentRate: r.alignmentRate })).sort((a, b) => String(a.member).localeCompare(String(b.member)))).toEqual(
        [
          { member: m('A'), alignmentRate: 0.8 }, // leads g1: 4 / 5
          { member: m('C'), alignmentRate: 0.4 }, // leads g2: 2 / 5
        ],
      );
    });

    it('networks', async () => {
      const created = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
        .send({ name: 'alignment cno scoped', role: 'cno', networks: [net] });
      expect(created.status).toBe(201);
      const items = await rows('/v1/comparisons/networks', {}, created.body.secret);
      expect(items.map((r) => ({ network: r.network, contributions: r.contributions, alignmentRate: r.alignmentRate }))).toEqual([
        { network: net, contributions: 13, alignmentRate: 0.6154 }, // 8 / 13
      ]);
    });
  });

  describe('drift (docs/alignment.md "Drift")', () => {
    const drift = (query: Record<string, string>, apiKey = TEST_ADMIN_KEY) => networkGet(t, net, 'indicators/alignment/drift', query, apiKey);

    const DRIFT_MARCH_9 = [
      {
        group: 'g1',
        name: 'Group g1',
        visibility: 'public',
        contributions: 2,
        alignedContributions: 1,
        alignmentRate: 0.5, // e1, e2; aligned e2 → 1 / 2
        previousContributions: 5,
        previousAlignedContributions: 4,
        previousAlignmentRate: 0.8, // [03-02, 03-09): a1 a2 a3 b6 c1; aligned a1 a2 b6 c1
        change: -0.3, // 0.5 − 0.8: the largest drop, first
      },
      {
        group: 'g2',
        name: 'Group g2',
        visibility: 'public',
        contributions: 2,
        alignedContributions: 2,
        alignmentRate: 1, // e3, e4 both aligned → 2 / 2
        previousContributions: 5,
        previousAlignedContributions: 2,
        previousAlignmentRate: 0.4, // b1 b2 b3 c2 c4; aligned b1 b2
        change: 0.6, // 1 − 0.4: a rise
      },
      {
        group: 'g3',
        name: 'Group g3',
        visibility: 'confidential',
        contributions: 0,
        alignedContributions: 0,
        alignmentRate: null, // nothing in g3 after 03-09
        previousContributions: 2,
        previousAlignedContributions: 1,
        previousAlignmentRate: 0.5, // b4, b5; aligned b4
        change: null, // a null rate → null change, sorted last
      },
    ];

    it('[2026-03-09, 2026-03-16) against [2026-03-02, 2026-03-09): largest drop first, nulls last', async () => {
      const res = await drift({ from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' });
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/NaN|Infinity/);
      expect(res.body.items).toEqual(DRIFT_MARCH_9);
      expect(res.body.nextCursor).toBeNull();
    });

    it('pages with limit and cursor in the same order', async () => {
      const query = { from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z', limit: '1' };
      const seen: unknown[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 5; page++) {
        const res: Response = await drift(cursor ? { ...query, cursor } : query);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      expect(cursor).toBeNull();
      expect(seen).toEqual(DRIFT_MARCH_9);
    });

    it('[2026-03-02, 2026-03-09) against an empty previous window: every change null, ties by group externalId', async () => {
      const res = await drift({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
      expect(res.status).toBe(200);
      const previousEmpty = { previousContributions: 0, previousAlignedContributions: 0, previousAlignmentRate: null, change: null }; // [02-23, 03-02) holds nothing
      expect(res.body.items).toEqual([
        { group: 'g1', name: 'Group g1', visibility: 'public', contributions: 5, alignedContributions: 4, alignmentRate: 0.8, ...previousEmpty },
        { group: 'g2', name: 'Group g2', visibility: 'public', contributions: 5, alignedContributions: 2, alignmentRate: 0.4, ...previousEmpty },
        { group: 'g3', name: 'Group g3', visibility: 'confidential', contributions: 2, alignedContributions: 1, alignmentRate: 0.5, ...previousEmpty },
      ]);
    });

    it('a confidential group has no row for a key not allowed to see it (SPEC §4: its keyword counts would reveal its text)', async () => {
      const created = await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${TEST_ADMIN_KEY}`).send({ name: 'alignment cno', role: 'cno' });
      expect(created.status).toBe(201);
      const res = await drift({ from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' }, created.body.secret);
      expect(res.status).toBe(200);
      expect(DRIFT_MARCH_9.some((r) => r.group === 'g3')).toBe(true);
      expect(res.body.items).toEqual(DRIFT_MARCH_9.filter((r) => r.group !== 'g3'));
    });
  });

  /**
   * SPEC §4: for a key that may not see confidential groups (an unscoped cno key), keyword-derived
   * figures leave confidential contributions out entirely. In W, g3 (confidential) holds b4 (share,
   * matches OA cybersecurite and OB réseau through its tags) and b5 (post, no match).
   */
  describe('a key that may not see confidential groups (SPEC §4)', () => {
    let cno: string;
    beforeAll(async () => {
      const created = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
        .send({ name: 'alignment cno unscoped', role: 'cno' });
      expect(created.status).toBe(201);
      cno = created.body.secret;
    });
    const asCno = async (query: Record<string, string>, network = net) => {
      const res = await networkGet(t, network, 'indicators/alignment', query, cno);
      expect({ status: res.status }).toEqual({ status: 200 });
      return res.body as Record<string, unknown>;
    };

    it('network scope: b4 and b5 are left out of contributions and of every match count', async () => {
      const body = await asCno({ ...W, granularity: 'day' });
      expect(body).toMatchObject({
        contributions: 11, // 13 − b4 − b5
        alignedContributions: 7, // 8 − b4
        alignmentRate: 0.6364, // 7 / 11 = 0.636363…
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        {
          key: OA(),
          name: 'Cybersécurité',
          matches: 5,
          share: 0.4545, // a1, a2, d1, b6, c1 → 5 / 11 = 0.454545…
          weightedMatches: 9, // 2 × 3 + 1 × 3
          keywords: [
            { term: 'cybersecurite', weight: 2, matches: 3 }, // a1, d1, b6 (b4 withheld)
            { term: 'mot de passe', weight: 1, matches: 3 }, // a2, d1, c1
          ],
        },
        {
          key: OB(),
          name: 'Réseaux',
          matches: 3,
          share: 0.2727, // b1, b2, b6 → 3 / 11 = 0.272727…
          weightedMatches: 3.5, // 1.5 × 2 + 0.5 × 1
          keywords: [
            { term: 'réseau', weight: 1.5, matches: 2 }, // b1, b6 (b4 withheld)
            { term: 'bus', weight: 0.5, matches: 1 }, // b2
          ],
        },
        {
          key: OC(),
          name: 'Sécurité',
          matches: 2,
          share: 0.1818, // b2, b6 → 2 / 11 = 0.181818…
          weightedMatches: 6,
          keywords: [{ term: 'sécurité', weight: 3, matches: 2 }],
        },
      ]);
      expect(body.series).toEqual([
        bucket('02', 4, 3, 0.75), // unchanged: nothing confidential on 03-02
        bucket('03', 4, 3, 0.75), // b1, b2, b3, b6; aligned b1, b2, b6 → 3 / 4
        bucket('04', 0, 0, null),
        bucket('05', 3, 1, 0.3333),
      ]);
      // the activity indicator still counts them (SPEC §4: totals include confidential groups)
      const activity = await networkGet(t, net, 'indicators/activity', W, cno);
      expect(activity.body.totals.contributions).toBe(13);
    });

    it('department scope: R&D without b4', async () => {
      // R&D = A, B: a1, a2, d1, b3, b4, c1, c2 = 7 contributions, aligned a1, a2, d1, b4, c1 = 5 (admin)
      expect(await readIndicator(t, net, 'indicators/alignment', { ...W, department: 'R&D' })).toMatchObject({
        contributions: 7,
        alignedContributions: 5,
        alignmentRate: 0.7143,
      });
      expect(await asCno({ ...W, department: 'R&D' })).toMatchObject({ contributions: 6, alignedContributions: 4, alignmentRate: 0.6667 }); // 4 / 6
    });

    it('group=g3 (confidential) is a 404, as an unknown group; a public group is unchanged', async () => {
      expectProblem(await networkGet(t, net, 'indicators/alignment', { ...W, group: 'g3' }, cno), 404);
      expect(await readIndicator(t, net, 'indicators/alignment', { ...W, group: 'g3' })).toMatchObject({ contributions: 2, alignedContributions: 1 }); // admin: b4, b5
      expect(await asCno({ ...W, group: 'g1' })).toMatchObject({ contributions: 5, alignedContributions: 4, alignmentRate: 0.8 });
    });

    it('comparisons: the confidential group row carries no alignment, departments and the network leave b4 and b5 out', async () => {
      const get = async (path: string) => {
        const res = await t
          .http()
          .get(path)
          .query({ ...W, limit: '1000' })
          .set('Authorization', `Bearer ${cno}`);
        expect(res.status).toBe(200);
        return res.body.items as Record<string, unknown>[];
      };
      const groups = await get(`/v1/networks/${net}/comparisons/groups`);
      expect(
        groups
          .map((r) => ({ group: r.group, contributions: r.contributions, alignedContributions: r.alignedContributions, alignmentRate: r.alignmentRate }))
          .sort((a, b) => String(a.group).localeCompare(String(b.group))),
      ).toEqual([
        { group: 'g1', contributions: 5, alignedContributions: 4, alignmentRate: 0.8 },
        { group: 'g2', contributions: 5, alignedContributions: 2, alignmentRate: 0.4 },
        { group: 'g3', contributions: 2, alignedContributions: null, alignmentRate: null }, // counted, its keyword figures withheld
      ]);
      const departments = await get(`/v1/networks/${net}/comparisons/departments`);
      expect(
        departments
          .map((r) => ({
            department: r.department,
            contributions: r.contributions,
            alignedContributions: r.alignedContributions,
            alignmentRate: r.alignmentRate,
          }))
          .sort((a, b) => String(a.department).localeCompare(String(b.department))),
      ).toEqual([
        { department: 'R&D', contributions: 7, alignedContributions: 4, alignmentRate: 0.6667 }, // 4 / (7 − b4)
        { department: 'Sales', contributions: 6, alignedContributions: 3, alignmentRate: 0.6 }, // 3 / (6 − b5)
      ]);
      const networks = await get('/v1/comparisons/networks');
      expect(networks.find((r) => r.network === net)).toMatchObject({ contributions: 13, alignedContributions: 7, alignmentRate: 0.6364 }); // 7 / 11
    });

    /**
     * Network net4, objective OF (networks [net4]) [réseau ×1], window [2026-04-01, 2026-04-02):
     *   q1 question gc (confidential) 09:00 "réseau lent"              → OF
     *   r1 reply    no group (→ q1)   10:00 "réseau rétabli"           → OF; confidential through its root
     *   p1 post     gp (public)       11:00 "réseau du siège"          → OF
     *   r2 reply    no group (→ p1)   12:00 "bus"                      → none; public through its root
     *   r3 reply    no group (→ late) 13:00 "réseau partout"           → OF; root unknown: withheld until it arrives
     * Admin: 5 contributions, 4 aligned. Unscoped cno: p1, r2 → 2, aligned p1 → 0.5.
     * Then `late` arrives (post gp 08:00, "Bonjour"): admin 6 / 4; cno p1, r2, r3, late → 4, aligned p1, r3 → 0.5.
     */
    it('activities sent without a group follow their thread root, and wait for it', async () => {
      const net4 = await newNetwork(t);
      const OF = `${p}.f-net4`;
      expect((await putObjective(OF, { name: 'Réseau net4', networks: [net4], keywords: [{ term: 'réseau', weight: 1 }] })).status).toBe(201);
      await waitRematchDone(OF);
      const day = '2026-04-01T';
      await send(
        [
          newMember(m('A')),
          newGroup('gc', { visibility: 'confidential' }),
          newGroup('gp'),
          newActivity('q1', 'question', m('A'), `${day}09:00:00Z`, { group: 'gc', text: 'réseau lent' }),
          newActivity('r1', 'reply', m('B'), `${day}10:00:00Z`, { parent: 'q1', text: 'réseau rétabli' }),
          newActivity('p1', 'post', m('C'), `${day}11:00:00Z`, { group: 'gp', text: 'réseau du siège' }),
          newActivity('r2', 'reply', m('D'), `${day}12:00:00Z`, { parent: 'p1', text: 'bus' }),
          newActivity('r3', 'reply', m('B'), `${day}13:00:00Z`, { parent: 'late', text: 'réseau partout' }),
        ],
        net4,
      );
      const window = { from: `${day}00:00:00Z`, to: '2026-04-02T00:00:00Z' };
      expect(await readIndicator(t, net4, 'indicators/alignment', window)).toMatchObject({ contributions: 5, alignedContributions: 4, alignmentRate: 0.8 });
      expect(await asCno(window, net4)).toMatchObject({ contributions: 2, alignedContributions: 1, alignmentRate: 0.5 });
      await send([newActivity('late', 'post', m('A'), `${day}08:00:00Z`, { group: 'gp', text: 'Bonjour' })], net4);
      expect(await readIndicator(t, net4, 'indicators/alignment', window)).toMatchObject({ contributions: 6, alignedContributions: 4, alignmentRate: 0.6667 });
      expect(await asCno(window, net4)).toMatchObject({ contributions: 4, alignedContributions: 2, alignmentRate: 0.5 });
    });
  });

  describe('validation and roles', () => {
    const get = (query: Record<string, string>, apiKey = TEST_ADMIN_KEY) => networkGet(t, net, 'indicators/alignment', query, apiKey);

    it('rejects bad parameters with problem+json 400', async () => {
      expectProblem(await get({ ...W, granularity: 'year' }), 400);
      expectProblem(await get({ ...W, group: 'no-such-group' }), 400);
      expectProblem(await get({ from: W.to, to: W.from }), 400);
      expectProblem(await get({ from: '2026-02-30T00:00:00Z', to: W.to }), 400);
      expectProblem(await get({ ...W, colour: 'blue' }), 400);
    });

    it('cno reads, integrator gets 403, unknown network 404', async () => {
      const key = async (role: string) => {
        const res = await t
          .http()
          .post('/v1/api-keys')
          .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
          .send({ name: `alignment ${role}`, role });
        expect(res.status).toBe(201);
        return res.body.secret as string;
      };
      const cno = await get(W, await key('cno'));
      expect(cno.status).toBe(200);
      expect(cno.body.alignedContributions).toBe(7); // 8 − b4, in the confidential g3 (SPEC §4)
      expectProblem(await get(W, await key('integrator')), 403);
      expectProblem(await networkGet(t, uniqueKey('no-such-network'), 'indicators/alignment', W), 404);
    });
  });

  describe('re-matching (docs/alignment.md "Matching")', () => {
    /**
     * Network net3 (UTC), window [2026-03-02, 2026-03-03); activities ingested BEFORE the objective exists:
     *   r1 post     R1 09:00 "Le télétravail est apprécié"      → télétravail
     *   r2 post     R2 10:00 "Télétravail et réseaux"           → télétravail
     *   r3 question R1 11:00 "Quel VPN pour le télétravail ?"   → télétravail
     *   r4 post     R2 12:00 "Bonjour à tous"                   → (bonjour, once added)
     *   r5 reaction R1 13:00 "télétravail bonjour" (→ r4)       → not a contribution
     *   r6 post     R2 14:00 "Télé travail"                     → none ("tele travail" ≠ "teletravail")
     * Contributions: r1, r2, r3, r4, r6 = 5.
     */
    it('a new objective, a keyword added (job) and a keyword removed (at once)', async () => {
      const net3 = await newNetwork(t);
      const day = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };
      await send(
        [
          newMember(m('R1'), { department: 'R&D' }),
          newMember(m('R2'), { department: 'Sales' }),
          newActivity('r1', 'post', m('R1'), '2026-03-02T09:00:00Z', { text: 'Le télétravail est apprécié' }),
          newActivity('r2', 'post', m('R2'), '2026-03-02T10:00:00Z', { text: 'Télétravail et réseaux' }),
          newActivity('r3', 'question', m('R1'), '2026-03-02T11:00:00Z', { text: 'Quel VPN pour le télétravail ?' }),
          newActivity('r4', 'post', m('R2'), '2026-03-02T12:00:00Z', { text: 'Bonjour à tous' }),
          newActivity('r5', 'reaction', m('R1'), '2026-03-02T13:00:00Z', { parent: 'r4', text: 'télétravail bonjour' }),
          newActivity('r6', 'post', m('R2'), '2026-03-02T14:00:00Z', { text: 'Télé travail' }),
        ],
        net3,
      );
      const OR = `${p}.r-remote`;

      // 1. a new objective: a re-match job over the existing contributions
      const created = await putObjective(OR, { name: 'Télétravail', networks: [net3], keywords: [{ term: 'télétravail', weight: 1 }] });
      expect(created.status).toBe(201);
      const done1 = await waitRematchDone(OR);
      const r1 = done1.rematch as { state: string; done: number; total: number; startedAt: string; finishedAt: string };
      expect(r1.done).toBe(r1.total);
      expect(r1.startedAt).toEqual(expect.any(String));
      expect(r1.finishedAt).toEqual(expect.any(String));
      expect(Date.parse(r1.finishedAt)).toBeGreaterThanOrEqual(Date.parse(r1.startedAt));
      let body = await alignment(day, net3);
      expect(body).toMatchObject({
        contributions: 5, // r1, r2, r3, r4, r6
        alignedContributions: 3, // r1, r2, r3
        alignmentRate: 0.6, // 3 / 5
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        { key: OR, name: 'Télétravail', matches: 3, share: 0.6, weightedMatches: 3, keywords: [{ term: 'télétravail', weight: 1, matches: 3 }] }, // 3 / 5; 1 × 3
      ]);
      expectFinal(body);

      // 2. a keyword added: a new job; the new keyword's matches appear once it is done
      const grown = await putObjective(OR, {
        name: 'Télétravail',
        networks: [net3],
        keywords: [
          { term: 'télétravail', weight: 1 },
          { term: 'bonjour', weight: 2 },
        ],
      });
      expect(grown.status).toBe(200);
      const done2 = await waitRematchDone(OR);
      const r2 = done2.rematch as { done: number; total: number };
      expect(r2.done).toBe(r2.total);
      body = await alignment(day, net3);
      expect(body).toMatchObject({
        contributions: 5,
        alignedContributions: 4, // r1, r2, r3 + r4 (bonjour); r5 is a reaction
        alignmentRate: 0.8, // 4 / 5
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        {
          key: OR,
          name: 'Télétravail',
          matches: 4,
          share: 0.8, // 4 / 5
          weightedMatches: 5, // 1 × 3 + 2 × 1
          keywords: [
            { term: 'télétravail', weight: 1, matches: 3 }, // unchanged
            { term: 'bonjour', weight: 2, matches: 1 }, // r4
          ],
        },
      ]);
      expectFinal(body);

      // 3. a keyword removed: its matches disappear in the PUT itself (no waiting)
      const shrunk = await putObjective(OR, { name: 'Télétravail', networks: [net3], keywords: [{ term: 'bonjour', weight: 2 }] });
      expect(shrunk.status).toBe(200);
      body = await alignment(day, net3);
      expect(body).toMatchObject({
        contributions: 5,
        alignedContributions: 1, // r4 only
        alignmentRate: 0.2, // 1 / 5
      });
      expect(mine(body.objectives as Obj[])).toEqual([
        { key: OR, name: 'Télétravail', matches: 1, share: 0.2, weightedMatches: 2, keywords: [{ term: 'bonjour', weight: 2, matches: 1 }] }, // 2 × 1
      ]);

      // 4. the same keyword spelled differently with another weight re-matches nothing: its matches carry over at once
      const respelled = await putObjective(OR, { name: 'Télétravail', networks: [net3], keywords: [{ term: 'BONJOUR', weight: 3 }] });
      expect(respelled.status).toBe(200);
      body = await alignment(day, net3);
      expect(body).toMatchObject({ contributions: 5, alignedContributions: 1, alignmentRate: 0.2 });
      expect(mine(body.objectives as Obj[])).toEqual([
        { key: OR, name: 'Télétravail', matches: 1, share: 0.2, weightedMatches: 3, keywords: [{ term: 'BONJOUR', weight: 3, matches: 1 }] }, // 3 × 1
      ]);

      // 5. an activity ingested after the objective is matched at ingestion
      await send([newActivity('r7', 'reply', m('R1'), '2026-03-02T15:00:00Z', { parent: 'r4', text: 'Bonjours !' })], net3); // "bonjours" → "bonjour"
      body = await alignment(day, net3);
      expect(body).toMatchObject({ contributions: 6, alignedContributions: 2, alignmentRate: 0.3333 }); // r4, r7 → 2 / 6
    });
  });

  describe('more of the matching contract, each in its own network', () => {
    it('a change of kind to a non-contribution removes the matches; changing it back re-matches', async () => {
      const n4 = await newNetwork(t);
      const OK = `${p}.k-kind`;
      expect((await putObjective(OK, { name: 'Kinds', networks: [n4], keywords: [{ term: 'réseau', weight: 1 }] })).status).toBe(201);
      await waitRematchDone(OK);
      const day = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };
      await send(
        [
          newMember(m('K1')),
          newActivity('k0', 'post', m('K1'), '2026-03-02T09:00:00Z', { text: 'Bonjour' }),
          newActivity('k1', 'reply', m('K1'), '2026-03-02T10:00:00Z', { parent: 'k0', text: 'Le réseau' }),
        ],
        n4,
      );
      let body = await alignment(day, n4);
      expect(body).toMatchObject({ contributions: 2, alignedContributions: 1, alignmentRate: 0.5 }); // k0, k1; k1 aligned → 1 / 2

      // k1 becomes a reaction (same text): no longer a contribution, its match is gone
      await send([newActivity('k1', 'reaction', m('K1'), '2026-03-02T10:00:00Z', { parent: 'k0', text: 'Le réseau' })], n4);
      body = await alignment(day, n4);
      expect(body).toMatchObject({ contributions: 1, alignedContributions: 0, alignmentRate: 0 }); // k0 only → 0 / 1
      expect(mine(body.objectives as Obj[])).toEqual([
        { key: OK, name: 'Kinds', matches: 0, share: 0, weightedMatches: 0, keywords: [{ term: 'réseau', weight: 1, matches: 0 }] },
      ]);

      // and back to a reply: matched again
      await send([newActivity('k1', 'reply', m('K1'), '2026-03-02T10:00:00Z', { parent: 'k0', text: 'Le réseau' })], n4);
      body = await alignment(day, n4);
      expect(body).toMatchObject({ contributions: 2, alignedContributions: 1, alignmentRate: 0.5 }); // k0, k1 → 1 / 2
    });

    it("series buckets follow the network's time zone (Europe/Paris, UTC+1 in early March)", async () => {
      const n5 = await newNetwork(t, { timezone: 'Europe/Paris' });
      const OT = `${p}.t-tz`;
      expect((await putObjective(OT, { name: 'TZ', networks: [n5], keywords: [{ term: 'réseau', weight: 1 }] })).status).toBe(201);
      await waitRematchDone(OT);
      await send(
        [
          newMember(m('T1')),
          newActivity('t1', 'post', m('T1'), '2026-03-01T23:30:00Z', { text: 'réseau' }), // 03-02 00:30 Paris
          newActivity('t2', 'post', m('T1'), '2026-03-02T22:30:00Z', { text: 'Bonjour' }), // 03-02 23:30 Paris
          newActivity('t3', 'post', m('T1'), '2026-03-02T23:30:00Z', { text: 'Réseaux' }), // 03-03 00:30 Paris
        ],
        n5,
      );
      // [03-02 00:00 Paris, 03-04 00:00 Paris)
      const body = await alignment({ from: '2026-03-02T00:00:00+01:00', to: '2026-03-04T00:00:00+01:00', granularity: 'day' }, n5);
      expect(body).toMatchObject({ contributions: 3, alignedContributions: 2, alignmentRate: 0.6667 }); // t1, t3 of t1..t3 → 2 / 3
      expect(body.series).toEqual([
        { start: '2026-03-01T23:00:00.000Z', contributions: 2, alignedContributions: 1, alignmentRate: 0.5 }, // Paris 03-02: t1, t2
        { start: '2026-03-02T23:00:00.000Z', contributions: 1, alignedContributions: 1, alignmentRate: 1 }, // Paris 03-03: t3
      ]);
    });

    it('an objective gaining a network re-matches it (job); losing it or being deleted removes the matches at once', async () => {
      const home = await newNetwork(t);
      const gained = await newNetwork(t);
      const day = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };
      await send(
        [
          newMember(m('N1')),
          newActivity('n1', 'post', m('N1'), '2026-03-02T09:00:00Z', { text: 'Nouveau réseau' }),
          newActivity('n2', 'post', m('N1'), '2026-03-02T10:00:00Z', { text: 'Bonjour' }),
        ],
        gained,
      );
      const ON = `${p}.n-networks`;
      const body = (networks: string[]) => ({ name: 'Networks', networks, keywords: [{ term: 'réseau', weight: 1 }] });
      expect((await putObjective(ON, body([home]))).status).toBe(201);
      await waitRematchDone(ON);
      let res = await alignment(day, gained);
      expect(res).toMatchObject({ contributions: 2, alignedContributions: 0, alignmentRate: 0 }); // the objective is not for `gained` yet
      expect(mine(res.objectives as Obj[])).toEqual([]);

      // gains `gained`: a job matches n1
      expect((await putObjective(ON, body([home, gained]))).status).toBe(200);
      const done = await waitRematchDone(ON);
      expect((done.rematch as { done: number }).done).toBe((done.rematch as { total: number }).total);
      res = await alignment(day, gained);
      expect(res).toMatchObject({ contributions: 2, alignedContributions: 1, alignmentRate: 0.5 }); // n1 → 1 / 2
      expect(mine(res.objectives as Obj[])).toEqual([
        { key: ON, name: 'Networks', matches: 1, share: 0.5, weightedMatches: 1, keywords: [{ term: 'réseau', weight: 1, matches: 1 }] },
      ]);

      // loses it: at once
      expect((await putObjective(ON, body([home]))).status).toBe(200);
      res = await alignment(day, gained);
      expect(res).toMatchObject({ contributions: 2, alignedContributions: 0, alignmentRate: 0 });
      expect(mine(res.objectives as Obj[])).toEqual([]);

      // gains it again (job), then the objective is deleted: at once
      expect((await putObjective(ON, body([home, gained]))).status).toBe(200);
      await waitRematchDone(ON);
      expect(await alignment(day, gained)).toMatchObject({ alignedContributions: 1 });
      expect((await t.http().delete(`/v1/objectives/${ON}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)).status).toBe(204);
      res = await alignment(day, gained);
      expect(res).toMatchObject({ contributions: 2, alignedContributions: 0, alignmentRate: 0 });
      expect(mine(res.objectives as Obj[])).toEqual([]);
    });
  });

  describe('active switch (matched at ingestion, active or not)', () => {
    it('activating the inactive objective lists and counts it at once; deactivating removes it again', async () => {
      const on = await putObjective(OD(), { name: 'Pause café', active: true, networks: [net], keywords: [{ term: 'café', weight: 1 }] });
      expect(on.status).toBe(200);
      try {
        const body = await alignment({ ...W });
        expect(body).toMatchObject({
          contributions: 13,
          alignedContributions: 9, // the 8 + b3 ("café")
          alignmentRate: 0.6923, // 9 / 13 = 0.692307…
        });
        expect(mine(body.objectives as Obj[])).toEqual([
          ...networkObjectives(),
          { key: OD(), name: 'Pause café', matches: 1, share: 0.0769, weightedMatches: 1, keywords: [{ term: 'café', weight: 1, matches: 1 }] }, // b3; 1 / 13 = 0.076923…
        ]);
      } finally {
        const off = await putObjective(OD(), { name: 'Pause café', active: false, networks: [net], keywords: [{ term: 'café', weight: 1 }] });
        expect(off.status).toBe(200);
      }
      const after = await alignment({ ...W });
      expect(after).toMatchObject({ contributions: 13, alignedContributions: 8, alignmentRate: 0.6154 });
      expect(mine(after.objectives as Obj[])).toEqual(networkObjectives());
    });
  });
});
