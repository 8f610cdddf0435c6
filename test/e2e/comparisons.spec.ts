import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §3.7 comparisons on a hand-built network (UTC), window [2026-03-02, 2026-03-09):
 *   members a (R&D), b (Sales), c (R&D), d (Sales), all joined 2026-01-01
 *   g1 public, leaders [a]; g2 confidential, leaders [b]; g3 public, no leader
 *   memberships (records, joined 2026-01-01): g1: a, c; g2: d
 *   p0 post a g1 02-25 (previous window [02-23, 03-02))
 *   q1 question c g1 03-03 10:00; r1 reply a g1 → q1 11:00 (first response, 3600 s, by g1's leader)
 *   p1 post b g2 03-04 09:00; x1 reaction d g2 → p1 10:00 (a reaction is no response)
 *   p2 post c g1 03-05 09:00 (unanswered); p3 post d g3 03-06 09:00
 */
describe('comparisons', () => {
  let t: TestApp;
  let key: string;
  const window = 'from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z';
  const zero = { shares: 0, accepts: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t);
    const p = uniqueKey('cmp') + ':';
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => p + x);
    const joined = { joinedAt: '2026-01-01T00:00:00Z' };
    const res = await ingest(t, key, [
      newMember(a, { department: 'R&D', ...joined }),
      newMember(b, { department: 'Sales', ...joined }),
      newMember(c, { department: 'R&D', ...joined }),
      newMember(d, { department: 'Sales', ...joined }),
      newGroup('g1', { leaders: [a] }),
      newGroup('g2', { visibility: 'confidential', leaders: [b] }),
      newGroup('g3'),
      newMembership('g1', a, joined),
      newMembership('g1', c, joined),
      newMembership('g2', d, joined),
      newActivity('p0', 'post', a, '2026-02-25T09:00:00Z', { group: 'g1' }),
      newActivity('q1', 'question', c, '2026-03-03T10:00:00Z', { group: 'g1' }),
      newActivity('r1', 'reply', a, '2026-03-03T11:00:00Z', { group: 'g1', parent: 'q1' }),
      newActivity('p1', 'post', b, '2026-03-04T09:00:00Z', { group: 'g2' }),
      newActivity('x1', 'reaction', d, '2026-03-04T10:00:00Z', { group: 'g2', parent: 'p1' }),
      newActivity('p2', 'post', c, '2026-03-05T09:00:00Z', { group: 'g1' }),
      newActivity('p3', 'post', d, '2026-03-06T09:00:00Z', { group: 'g3' }),
    ]);
    expect(res.body.rejected).toEqual([]);
  });
  afterAll(() => t.close());

  const get = async (path: string, apiKey = TEST_ADMIN_KEY) => {
    const res = await t.http().get(path).set('Authorization', `Bearer ${apiKey}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('groups: totals per group, responsiveness, leaderInactive and competition ranks', async () => {
    const body = await get(`/v1/networks/${key}/comparisons/groups?${window}`);
    expect(body).toMatchObject({ sort: 'contributions', order: 'desc', nextCursor: null });
    expect(body.items).toEqual([
      {
        group: 'g1',
        name: 'Group g1',
        visibility: 'public',
        // q1, r1, p2; active c, a; members a, c (records joined 01-01)
        posts: 1,
        questions: 1,
        replies: 1,
        reactions: 0,
        ...zero,
        contributions: 3,
        activeMembers: 2,
        contributors: 2,
        members: 2,
        participationRate: 1,
        contributionsPerMember: 1.5, // 2/2, 3/2
        growth: 2, // (3 − 1 [p0]) / 1
        responseRate: 0.5,
        medianTimeToFirstResponse: 3600,
        alignedContributions: 0,
        alignmentRate: 0, // q1 answered after 1 h, p2 not: 1/2
        leaderInactive: false, // a wrote r1 in g1 within [to − 28 d, to)
        rank: 1,
      },
      {
        group: 'g2',
        name: 'Group g2',
        visibility: 'confidential',
        // p1, x1; members: d (b is only a declared leader, counted from ingestion, after `to`)
        posts: 1,
        questions: 0,
        replies: 0,
        reactions: 1,
        ...zero,
        contributions: 1,
        activeMembers: 2,
        contributors: 1,
        members: 1,
        participationRate: 1,
        contributionsPerMember: 1,
        growth: null, // previous window empty
        responseRate: 0,
        medianTimeToFirstResponse: null,
        alignedContributions: 0,
        alignmentRate: 0, // a reaction is no response: 0/1
        leaderInactive: false, // b wrote p1
        rank: 2,
      },
      {
        group: 'g3',
        name: 'Group g3',
        visibility: 'public',
        posts: 1,
        questions: 0,
        replies: 0,
        reactions: 0,
        ...zero,
        contributions: 1,
        activeMembers: 1,
        contributors: 1,
        members: 0,
        participationRate: null,
        contributionsPerMember: null,
        growth: null,
        responseRate: 0,
        medianTimeToFirstResponse: null,
        alignedContributions: 0,
        alignmentRate: 0,
        leaderInactive: true, // no leader at all
        rank: 2, // ties with g2 on 1 contribution: same rank
      },
    ]);
  });

  it("hides a confidential group's name from a key not allowed to see it", async () => {
    const created = await t.http().post('/v1/api-keys').set('Authorization', `Bearer ${TEST_ADMIN_KEY}`).send({ name: 'cno', role: 'cno' });
    const body = await get(`/v1/networks/${key}/comparisons/groups?${window}`, created.body.secret);
    expect(body.items.find((r: { group: string }) => r.group === 'g2')).toMatchObject({ name: null, contributions: 1 });
  });

  it('leaders: over the groups they lead, with own contributions and first responses', async () => {
    const body = await get(`/v1/networks/${key}/comparisons/leaders?${window}&sort=ownContributions`);
    expect(body.items.map((r: Record<string, unknown>) => ({ ...r, member: String(r.member).split(':')[1] }))).toEqual([
      expect.objectContaining({ member: 'a', groupsLed: 1, ownContributions: 1, firstResponses: 1, contributions: 3, responseRate: 0.5, rank: 1 }), // r1; first response to q1
      expect.objectContaining({ member: 'b', groupsLed: 1, ownContributions: 1, firstResponses: 0, contributions: 1, responseRate: 0, rank: 1 }), // p1; ties with a
    ]);
  });

  it('departments, sorted ascending by response rate', async () => {
    const body = await get(`/v1/networks/${key}/comparisons/departments?${window}&sort=responseRate&order=asc`);
    expect(body.items).toEqual([
      {
        department: 'Sales', // p1 (b), x1 (d), p3 (d); members b, d
        posts: 2,
        questions: 0,
        replies: 0,
        reactions: 1,
        ...zero,
        contributions: 2,
        activeMembers: 2,
        contributors: 2,
        members: 2,
        participationRate: 1,
        contributionsPerMember: 1,
        growth: null,
        responseRate: 0,
        medianTimeToFirstResponse: null,
        alignedContributions: 0,
        alignmentRate: 0,
        rank: 1, // roots p1, p3: 0/2
      },
      {
        department: 'R&D', // q1 (c), r1 (a), p2 (c); members a, c; previous: p0 by a
        posts: 1,
        questions: 1,
        replies: 1,
        reactions: 0,
        ...zero,
        contributions: 3,
        activeMembers: 2,
        contributors: 2,
        members: 2,
        participationRate: 1,
        contributionsPerMember: 1.5,
        growth: 2,
        responseRate: 0.5,
        medianTimeToFirstResponse: 3600,
        alignedContributions: 0,
        alignmentRate: 0,
        rank: 2,
      },
    ]);
  });

  it('networks: one row per network the key may read', async () => {
    const created = await t
      .http()
      .post('/v1/api-keys')
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
      .send({ name: 'cno scoped', role: 'cno', networks: [key] });
    const body = await get(`/v1/comparisons/networks?${window}`, created.body.secret);
    expect(body.items).toEqual([
      {
        network: key,
        name: `Network ${key}`,
        // p1, p2, p3, q1, r1, x1 — c (q1, p2), a (r1), b (p1), d (p3)
        posts: 3,
        questions: 1,
        replies: 1,
        reactions: 1,
        ...zero,
        contributions: 5,
        activeMembers: 4,
        contributors: 4,
        members: 4,
        participationRate: 1,
        contributionsPerMember: 1.25,
        growth: 4, // (5 − 1) / 1
        responseRate: 0.25,
        medianTimeToFirstResponse: 3600,
        alignedContributions: 0,
        alignmentRate: 0, // q1 of q1, p1, p2, p3
        rank: 1,
      },
    ]);
  });

  it('rejects a sort field outside the registry and pages with limit/cursor', async () => {
    const bad = await t.http().get(`/v1/networks/${key}/comparisons/groups?${window}&sort=vanity`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(bad.status).toBe(400);
    const first = await get(`/v1/networks/${key}/comparisons/groups?${window}&limit=2`);
    expect(first.items.map((r: { group: string }) => r.group)).toEqual(['g1', 'g2']);
    const second = await get(`/v1/networks/${key}/comparisons/groups?${window}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((r: { group: string }) => r.group)).toEqual(['g3']);
    expect(second.nextCursor).toBeNull();
  });
});
