import { RawRecord, ingest, loadNetwork, newActivity, newGroup, newMember, uniqueKey } from '../support/factories';
import { networkGet, readIndicator } from '../support/indicators';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * Diffusion (SPEC §3.5) through HTTP on the real application and database, numbers computed by
 * hand beside each expectation.
 *
 *   interaction = non-deleted reply or reaction in [from, to) whose parent is known (arrived, not
 *   deleted) and written by someone else; it goes from its author to the parent's author and
 *   counts only when both departments are known.
 *   E = cross-department, I = same-department; crossDepartmentRate = E / (E + I);
 *   eiIndex = (E − I) / (E + I) (Krackhardt); 4 decimals, null when there is no interaction;
 *   departments: per author department, sorted by name.
 */

const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-08T00:00:00Z';

function utc(instant: string): unknown {
  const base = new Date(instant).toISOString().slice(0, 19);
  return expect.stringMatching(new RegExp(`^${base}(\\.0+)?Z$`));
}

const EMPTY = { interactions: 0, crossDepartmentInteractions: 0, crossDepartmentRate: null, eiIndex: null, departments: [] };

/**
 * Members: A R&D, B R&D, C Sales, F Sales, D Ops, E (member without department),
 * X (never sent: a placeholder, department null). Groups g1, g2.
 *
 * Parents: pA (A, g1), pA0 (A, g1, 02-27), pC (C), pX (X, g2), pOld (D, g2, 02-15: before the window), pE (E),
 *          pDel (B, g1, deleted), `late` (referenced, never sent).
 *  #   activity                      direction            counted?
 *  1   r1  reply    B → pA  g1       R&D → R&D            I
 *  2   x1  reaction C → pA  g1       Sales → R&D          E
 *  3   r2  reply    C → r1  g1       Sales → R&D (B)      E   (reply to a reply: parent's author is B)
 *  4   r3  reply    A → pA  g1       self                 no
 *  5   x2  reaction A → pC           R&D → Sales          E
 *  6   r4  reply    A → pOld g2      R&D → Ops            E   (parent before the window: fine)
 *  7   r5  reply    B → pX  g2       R&D → null           no (placeholder parent author)
 *  8   r6  reply    X → pA  g1       null → R&D           no (placeholder author)
 *  9   r7  reply    A → late         parent unknown       no
 * 10   x3  reaction B → r1  g1       self                 no
 * 11   r8  reply    F → pC           Sales → Sales        I
 * 12   r9  reply    C → pA  g1       deleted              no
 * 13   r10 reply    C → pDel g1      parent deleted       no
 * 14   r11 reply    C → pA0 g1 at 02-28 23:59:59          no (before from)
 * 15   r12 reply    C → pA  g1 at 03-08 00:00             no (= to)
 * 16   r13 reply    B → pA0 g1 at 03-01 00:00  R&D → R&D  I  (= from)
 * 17   rE  reply    E → pA  g1       null → R&D           no
 * 18   x4  reaction A → pE           R&D → null           no
 * 19   r14 reply    D → pC           Ops → Sales          E
 *      sh1 share C of pA, acc1 accept A of r1: not interactions
 * Counted: 1 I, 2 E, 3 E, 5 E, 6 E, 11 I, 16 I, 19 E → 8 interactions, E = 5, I = 3.
 */
function dataset(p: string): RawRecord[] {
  const [A, B, C, F, D, E, X] = ['A', 'B', 'C', 'F', 'D', 'E', 'X'].map((x) => `${p}${x}`);
  return [
    newMember(A, { department: 'R&D' }),
    newMember(B, { department: 'R&D' }),
    newMember(C, { department: 'Sales' }),
    newMember(F, { department: 'Sales' }),
    newMember(D, { department: 'Ops' }),
    newMember(E, {}),
    newGroup('g1'),
    newGroup('g2'),
    newActivity('pA', 'post', A, '2026-03-02T10:00:00+01:00', { group: 'g1', text: 'pA' }),
    newActivity('pC', 'post', C, '2026-03-02T09:30:00Z', { text: 'pC' }),
    newActivity('pX', 'post', X, '2026-03-02T10:00:00Z', { group: 'g2', text: 'pX' }),
    newActivity('pOld', 'post', D, '2026-02-15T10:00:00Z', { group: 'g2', text: 'old' }),
    newActivity('pA0', 'post', A, '2026-02-27T10:00:00Z', { group: 'g1', text: 'pA0' }),
    newActivity('pE', 'post', E, '2026-03-02T08:00:00Z', { text: 'pE' }),
    newActivity('pDel', 'post', B, '2026-03-03T08:00:00Z', { group: 'g1', text: 'deleted' }),
    { type: 'activity', externalId: 'pDel', deleted: true },
    newActivity('r1', 'reply', B, '2026-03-02T10:00:00Z', { group: 'g1', parent: 'pA' }),
    newActivity('x1', 'reaction', C, '2026-03-02T10:05:00Z', { group: 'g1', parent: 'pA', reaction: 'like' }),
    newActivity('r2', 'reply', C, '2026-03-02T10:10:00Z', { group: 'g1', parent: 'r1' }),
    newActivity('r3', 'reply', A, '2026-03-02T10:20:00Z', { group: 'g1', parent: 'pA' }),
    newActivity('x2', 'reaction', A, '2026-03-02T11:00:00Z', { parent: 'pC', reaction: 'praise' }),
    newActivity('r4', 'reply', A, '2026-03-04T09:00:00Z', { group: 'g2', parent: 'pOld' }),
    newActivity('r5', 'reply', B, '2026-03-02T12:00:00Z', { group: 'g2', parent: 'pX' }),
    newActivity('r6', 'reply', X, '2026-03-02T12:30:00Z', { group: 'g1', parent: 'pA' }),
    newActivity('r7', 'reply', A, '2026-03-05T09:00:00Z', { parent: 'late' }),
    newActivity('x3', 'reaction', B, '2026-03-02T10:30:00Z', { group: 'g1', parent: 'r1' }),
    newActivity('r8', 'reply', F, '2026-03-03T10:00:00+01:00', { parent: 'pC' }),
    newActivity('r9', 'reply', C, '2026-03-03T10:00:00Z', { group: 'g1', parent: 'pA' }),
    { type: 'activity', externalId: 'r9', deleted: true },
    newActivity('r10', 'reply', C, '2026-03-03T09:00:00Z', { group: 'g1', parent: 'pDel' }),
    newActivity('r11', 'reply', C, '2026-02-28T23:59:59Z', { group: 'g1', parent: 'pA0' }),
    newActivity('r12', 'reply', C, '2026-03-08T01:00:00+01:00', { group: 'g1', parent: 'pA' }),
    newActivity('r13', 'reply', B, '2026-03-01T01:00:00+01:00', { group: 'g1', parent: 'pA0' }),
    newActivity('rE', 'reply', E, '2026-03-02T13:00:00Z', { group: 'g1', parent: 'pA' }),
    newActivity('x4', 'reaction', A, '2026-03-02T13:30:00Z', { parent: 'pE' }),
    newActivity('r14', 'reply', D, '2026-03-05T10:00:00Z', { parent: 'pC' }),
    newActivity('sh1', 'share', C, '2026-03-04T10:00:00Z', { group: 'g2', parent: 'pA' }),
    newActivity('acc1', 'accept', A, '2026-03-04T11:00:00Z', { group: 'g1', parent: 'r1' }),
  ];
}

describe('diffusion indicators (hand-computed fixtures)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const load = (records: RawRecord[]) => loadNetwork(t, records);

  const get = (network: string, query: Record<string, string> = {}, apiKey?: string) => networkGet(t, network, 'indicators/diffusion', query, apiKey);
  const diffusion = (network: string, query: Record<string, string> = {}) => readIndicator(t, network, 'indicators/diffusion', query);

  describe('the interaction fixture', () => {
    let net: string;
    beforeAll(async () => {
      net = await load(dataset(uniqueKey('m') + ':'));
    });

    it('network scope: cross vs same department, exclusions, per-department E-I', async () => {
      expect(await diffusion(net, { from: FROM, to: TO })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        interactions: 8, // #1 #2 #3 #5 #6 #11 #16 #19
        crossDepartmentInteractions: 5, // #2 #3 #5 #6 #19
        crossDepartmentRate: 0.625, // 5 / 8
        eiIndex: 0.25, // (5 − 3) / 8
        departments: [
          { department: 'Ops', interactions: 1, eiIndex: 1 }, // D: #19 E → (1 − 0) / 1
          { department: 'R&D', interactions: 4, eiIndex: 0 }, // A: #5 E #6 E; B: #1 I #16 I → (2 − 2) / 4
          { department: 'Sales', interactions: 3, eiIndex: 0.3333 }, // C: #2 E #3 E; F: #11 I → (2 − 1) / 3
        ],
      });
    });

    it('group filter keeps the interactions made in that group', async () => {
      expect(await diffusion(net, { from: FROM, to: TO, group: 'g1' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        interactions: 4, // #1 I, #2 E, #3 E, #16 I
        crossDepartmentInteractions: 2,
        crossDepartmentRate: 0.5, // 2 / 4
        eiIndex: 0, // (2 − 2) / 4
        departments: [
          { department: 'R&D', interactions: 2, eiIndex: -1 }, // B: #1 I, #16 I → (0 − 2) / 2
          { department: 'Sales', interactions: 2, eiIndex: 1 }, // C: #2 E, #3 E → (2 − 0) / 2
        ],
      });
      expect(await diffusion(net, { from: FROM, to: TO, group: 'g2' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        interactions: 1, // #6 (A → D); #7 has a placeholder parent author
        crossDepartmentInteractions: 1,
        crossDepartmentRate: 1,
        eiIndex: 1,
        departments: [{ department: 'R&D', interactions: 1, eiIndex: 1 }],
      });
    });

    it('department filter keeps the interactions whose author is in it', async () => {
      expect(await diffusion(net, { from: FROM, to: TO, department: 'R&D' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        interactions: 4, // #1 I, #5 E, #6 E, #16 I
        crossDepartmentInteractions: 2,
        crossDepartmentRate: 0.5,
        eiIndex: 0,
        departments: [{ department: 'R&D', interactions: 4, eiIndex: 0 }],
      });
      expect(await diffusion(net, { from: FROM, to: TO, department: 'Sales' })).toEqual({
        from: utc(FROM),
        to: utc(TO),
        interactions: 3, // #2 E, #3 E, #11 I
        crossDepartmentInteractions: 2,
        crossDepartmentRate: 0.6667, // 2 / 3
        eiIndex: 0.3333, // (2 − 1) / 3
        departments: [{ department: 'Sales', interactions: 3, eiIndex: 0.3333 }],
      });
    });

    it('an empty window gives zeros, nulls and no departments, never NaN', async () => {
      const from = '2025-01-01T00:00:00+01:00';
      const to = '2025-02-01T00:00:00+01:00';
      expect(await diffusion(net, { from, to })).toEqual({ from: utc(from), to: utc(to), ...EMPTY });
      expect(await diffusion(net, { from, to, group: 'g1' })).toEqual({ from: utc(from), to: utc(to), ...EMPTY });
      // a department nobody belongs to
      expect(await diffusion(net, { from: FROM, to: TO, department: 'Legal' })).toEqual({ from: utc(FROM), to: utc(TO), ...EMPTY });
    });

    it('validates the query and the caller', async () => {
      expectProblem(await get(net, { from: TO, to: TO }), 400);
      expectProblem(await get(net, { from: TO, to: FROM }), 400);
      expectProblem(await get(net, { from: '2026-02-29T00:00:00Z', to: TO }), 400); // 2026 is not a leap year
      expectProblem(await get(net, { from: 'garbage', to: TO }), 400);
      expectProblem(await get(net, { from: FROM, to: TO, group: 'no-such-group' }), 400);
      const key = async (role: string) =>
        (
          await t
            .http()
            .post('/v1/api-keys')
            .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
            .send({ name: `diffusion ${role}`, role })
        ).body.secret as string;
      expect((await get(net, { from: FROM, to: TO }, await key('cno'))).status).toBe(200);
      expectProblem(await get(net, { from: FROM, to: TO }, await key('integrator')), 403);
    });
  });

  it('a placeholder completed later and a parent that arrives later are counted then', async () => {
    const p = uniqueKey('m') + ':';
    const net = await load(dataset(p));
    expect(await diffusion(net, { from: FROM, to: TO })).toMatchObject({ interactions: 8, crossDepartmentInteractions: 5 });

    // X's member record arrives: #7 B → X and #8 X → A become R&D → R&D
    expect((await ingest(t, net, [newMember(`${p}X`, { department: 'R&D' })])).body.rejected).toEqual([]);
    expect(await diffusion(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      interactions: 10, // 8 + #7 + #8
      crossDepartmentInteractions: 5,
      crossDepartmentRate: 0.5, // 5 / 10
      eiIndex: 0, // (5 − 5) / 10
      departments: [
        { department: 'Ops', interactions: 1, eiIndex: 1 },
        // A: #5 E #6 E; B: #1 I #16 I #7 I; X: #8 I → 6 interactions, (2 − 4) / 6 = −0.3333…
        { department: 'R&D', interactions: 6, eiIndex: -0.3333 },
        { department: 'Sales', interactions: 3, eiIndex: 0.3333 },
      ],
    });

    // the parent `late` arrives, written by C (Sales): #9 A → C becomes cross-department
    expect((await ingest(t, net, [newActivity('late', 'post', `${p}C`, '2026-03-04T00:00:00Z', { text: 'late' })])).body.rejected).toEqual([]);
    expect(await diffusion(net, { from: FROM, to: TO })).toEqual({
      from: utc(FROM),
      to: utc(TO),
      interactions: 11,
      crossDepartmentInteractions: 6,
      crossDepartmentRate: 0.5455, // 6 / 11 = 0.54545…
      eiIndex: 0.0909, // (6 − 5) / 11 = 0.090909…
      departments: [
        { department: 'Ops', interactions: 1, eiIndex: 1 },
        { department: 'R&D', interactions: 7, eiIndex: -0.1429 }, // E 3 (#5 #6 #9), I 4 → −1 / 7 = −0.142857…
        { department: 'Sales', interactions: 3, eiIndex: 0.3333 },
      ],
    });

    // deleting a counted reaction removes it: #2 x1 (C → A, E)
    expect((await ingest(t, net, [{ type: 'activity', externalId: 'x1', deleted: true }])).body.rejected).toEqual([]);
    expect(await diffusion(net, { from: FROM, to: TO })).toMatchObject({
      interactions: 10,
      crossDepartmentInteractions: 5,
      crossDepartmentRate: 0.5, // 5 / 10
      eiIndex: 0,
      departments: [
        { department: 'Ops', interactions: 1, eiIndex: 1 },
        { department: 'R&D', interactions: 7, eiIndex: -0.1429 },
        { department: 'Sales', interactions: 2, eiIndex: 0 }, // C: #3 E; F: #11 I → 0 / 2
      ],
    });
  });
});
