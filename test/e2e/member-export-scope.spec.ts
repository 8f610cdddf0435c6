import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * GET /v1/members/{id}/export (SPEC §4): a key limited to networks exports only what lies in them;
 * confidential content follows the one definition of a confidential activity (a groupless reply or
 * reaction in a confidential group's thread included); the audit section holds the entries about the
 * member only.
 */
const admin = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };

interface ExportedActivity {
  network: string;
  externalId: string;
  kind: string;
  group: string | null;
  parent: string | null;
  text: string | null;
  tags: string[] | null;
  reaction: string | null;
  confidential: boolean;
}

describe("member export limited to the key's networks (SPEC §4)", () => {
  let t: TestApp;
  let netA: string;
  let netB: string;
  let hrA: { Authorization: string };
  let hrAll: { Authorization: string };
  const p = uniqueKey('mx');
  const mia = `${p}-mia`;
  const oli = `${p}-oli`;
  const stamp = Date.now().toString(36);
  // words planted in one place each, looked for in the raw answers
  const SECRET_B = `zorglubium${stamp}`; // every text, tag and group name of network B
  const CONF_A = `alphaconfidential${stamp}`; // the confidential thread of network A
  const CONF_B = `betaconfidential${stamp}`; // the confidential thread of network B
  // within the animator window (the year before the people index run)
  const base = Date.now() - 20 * 86_400_000;
  const at = (hour: number) => new Date(base + hour * 3_600_000).toISOString();

  /** One network's records: public, private and confidential groups, and a groupless reply and reaction in the confidential thread. */
  function records(prefix: 'a' | 'b', word: string, conf: string) {
    return [
      newMember(mia, { displayName: 'Mia Keller', email: 'mia@example.com', department: 'R&D', site: 'Lyon', jobTitle: 'Engineer' }),
      newMember(oli, { displayName: 'Oli Brandt', department: 'Sales' }),
      newGroup(`${prefix}-pub`, { name: `Public ${word}`, visibility: 'public' }),
      newGroup(`${prefix}-priv`, { name: `Private ${word}`, visibility: 'private' }),
      newGroup(`${prefix}-conf`, { name: `Board ${word} ${conf}`, visibility: 'confidential' }),
      newMembership(`${prefix}-pub`, mia),
      newMembership(`${prefix}-conf`, mia),
      newActivity(`${prefix}-q1`, 'question', oli, at(0), { group: `${prefix}-pub`, text: `Which cloud region for ${word}?`, tags: ['cloud'] }),
      newActivity(`${prefix}-r1`, 'reply', mia, at(1), {
        group: `${prefix}-pub`,
        parent: `${prefix}-q1`,
        text: `The cloud region of Paris ${word}`,
        tags: ['cloud', word],
      }),
      newActivity(`${prefix}-x1`, 'accept', oli, at(2), { group: `${prefix}-pub`, parent: `${prefix}-r1` }),
      newActivity(`${prefix}-p2`, 'post', mia, at(3), { group: `${prefix}-priv`, text: `Private notes on budgets ${word}` }),
      newActivity(`${prefix}-q3`, 'question', oli, at(4), { group: `${prefix}-conf`, text: `Merger question ${word} ${conf}` }),
      newActivity(`${prefix}-p3`, 'post', mia, at(5), { group: `${prefix}-conf`, text: `Merger plan ${word} ${conf}`, tags: [conf] }),
      newActivity(`${prefix}-r4`, 'reply', mia, at(6), { parent: `${prefix}-q3`, text: `Groupless answer ${word} ${conf}`, tags: [conf] }),
      newActivity(`${prefix}-l4`, 'reaction', mia, at(7), { parent: `${prefix}-q3`, reaction: conf }),
    ];
  }

  async function key(role: string, networks?: string[]): Promise<{ Authorization: string }> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(admin)
      .send({ name: `export scope ${role}`, role, ...(networks ? { networks } : {}) });
    expect(res.status).toBe(201);
    return { Authorization: `Bearer ${res.body.secret}` };
  }

  const exportAs = async (auth: { Authorization: string }) => {
    const res = await t.http().get(`/v1/members/${mia}/export`).set(auth);
    expect(res.status).toBe(200);
    return res;
  };
  const ids = (activities: ExportedActivity[]) => activities.map((a) => a.externalId);
  const networksOf = (rows: { network: string }[]) => [...new Set(rows.map((r) => r.network))];

  beforeAll(async () => {
    t = await startTestApp();
    netA = await newNetwork(t, { key: uniqueKey('mxa') });
    netB = await newNetwork(t, { key: uniqueKey('mxb') });
    for (const [net, prefix, conf] of [
      [netA, 'a', CONF_A],
      [netB, 'b', CONF_B],
    ] as const) {
      const res = await ingest(t, net, records(prefix, prefix === 'b' ? SECRET_B : 'alpha', conf));
      expect(res.status).toBe(200);
      expect(res.body.rejected).toEqual([]);
      expect((await t.http().post(`/v1/networks/${net}/people-index`).set(admin)).status).toBe(200);
    }
    // an objective named like the member: its audit entries are not about her
    expect(
      (
        await t
          .http()
          .put(`/v1/objectives/${mia}`)
          .set(admin)
          .send({ name: 'Cloud', keywords: [{ term: 'cloud', weight: 1 }] })
      ).status,
    ).toBe(201);
    expect(
      (
        await t
          .http()
          .put(`/v1/members/${mia}/profile`)
          .set(admin)
          .send({ expertise: [{ topic: 'Cloud', level: 4 }] })
      ).status,
    ).toBe(200);
    hrA = await key('hr', [netA]);
    hrAll = await key('hr');
    expect((await t.http().get(`/v1/members/${mia}/profile`).set(hrA)).status).toBe(200);
  });
  afterAll(async () => {
    await t.http().delete(`/v1/objectives/${mia}`).set(admin);
    await t.close();
  });

  // the three exports run in this order: each sees the member.export entries of the ones before

  it('an admin key exports everything, in both networks, confidential content included; audit entries about the member only', async () => {
    const res = await exportAs(admin);
    expect(res.body.member).toMatchObject({ externalId: mia, displayName: 'Mia Keller', email: 'mia@example.com', site: 'Lyon', jobTitle: 'Engineer' });
    expect(res.body.networks.map((n: { network: string }) => n.network)).toEqual([netA, netB]);
    expect(res.body.memberships.map((m: { network: string; group: string; groupName: string }) => [m.network, m.group, m.groupName])).toEqual([
      [netA, 'a-conf', `Board alpha ${CONF_A}`],
      [netA, 'a-pub', 'Public alpha'],
      [netB, 'b-conf', `Board ${SECRET_B} ${CONF_B}`],
      [netB, 'b-pub', `Public ${SECRET_B}`],
    ]);
    const activities: ExportedActivity[] = res.body.activities;
    expect(activities.map((a) => [a.network, a.externalId, a.confidential])).toEqual([
      [netA, 'a-r1', false],
      [netA, 'a-p2', false],
      [netA, 'a-p3', true],
      [netA, 'a-r4', true],
      [netA, 'a-l4', true],
      [netB, 'b-r1', false],
      [netB, 'b-p2', false],
      [netB, 'b-p3', true],
      [netB, 'b-r4', true],
      [netB, 'b-l4', true],
    ]);
    expect(activities.find((a) => a.externalId === 'a-r4')).toMatchObject({
      group: null,
      parent: 'a-q3',
      text: `Groupless answer alpha ${CONF_A}`,
      tags: [CONF_A],
    });
    expect(activities.find((a) => a.externalId === 'b-l4')).toMatchObject({ group: null, parent: 'b-q3', reaction: CONF_B });
    expect(networksOf(res.body.inferredInterests)).toEqual([netA, netB]);
    expect(networksOf(res.body.expertiseEvidence)).toEqual([netA, netB]);
    expect(networksOf(res.body.animatorScores)).toEqual([netA, netB]);
    expect(res.body.profile).toEqual([{ facet: 'expertise', topic: 'Cloud', level: 4 }]);
    expect(res.body.profileHistory).toHaveLength(1);
    // not the objective's objective.create
    expect(res.body.auditEntries.map((e: { action: string; details: unknown }) => [e.action, e.details])).toEqual([
      ['profile.update', { version: 1 }],
      ['profile.read', null],
    ]);
  });

  it('an hr key limited to network A exports only A: its confidential content, and nothing of B anywhere', async () => {
    const res = await exportAs(hrA);
    // nothing of network B in the raw answer: no text, tag, group name, group, activity or network key
    for (const absent of [SECRET_B, CONF_B, netB, 'b-pub', 'b-conf', 'b-r1', 'b-p2']) expect(res.text).not.toContain(absent);
    // the key is scoped to A: A's confidential content is shown (SPEC §4)
    expect(res.text).toContain(CONF_A);
    // org-wide member fields and the declared profile, as GET /v1/members/{id}/profile shows them to this key
    expect(res.body.member).toMatchObject({ externalId: mia, displayName: 'Mia Keller', email: 'mia@example.com', site: 'Lyon', jobTitle: 'Engineer' });
    expect(res.body.profile).toEqual([{ facet: 'expertise', topic: 'Cloud', level: 4 }]);
    expect(res.body.profileHistory).toHaveLength(1);
    expect(res.body.networks.map((n: { network: string }) => n.network)).toEqual([netA]);
    expect(res.body.memberships.map((m: { group: string; groupName: string }) => [m.group, m.groupName])).toEqual([
      ['a-conf', `Board alpha ${CONF_A}`],
      ['a-pub', 'Public alpha'],
    ]);
    const activities: ExportedActivity[] = res.body.activities;
    expect(ids(activities)).toEqual(['a-r1', 'a-p2', 'a-p3', 'a-r4', 'a-l4']);
    expect(activities.map((a) => a.text)).toEqual([
      'The cloud region of Paris alpha',
      'Private notes on budgets alpha',
      `Merger plan alpha ${CONF_A}`,
      `Groupless answer alpha ${CONF_A}`,
      null,
    ]);
    expect(activities.find((a) => a.externalId === 'a-l4')).toMatchObject({ reaction: CONF_A, confidential: true });
    expect(res.body.inferredInterests.length).toBeGreaterThan(0);
    expect(networksOf(res.body.inferredInterests)).toEqual([netA]);
    expect(networksOf(res.body.expertiseEvidence)).toEqual([netA]);
    expect(networksOf(res.body.animatorScores)).toEqual([netA]);
    // entries about the member, without their details (which may count other networks' rows)
    expect(res.body.auditEntries.map((e: { action: string; details: unknown }) => [e.action, e.details])).toEqual([
      ['profile.update', null],
      ['profile.read', null],
      ['member.export', null],
    ]);
  });

  it('an unscoped hr key exports both networks with confidential content redacted, the groupless reply and reaction included', async () => {
    const res = await exportAs(hrAll);
    for (const absent of [CONF_A, CONF_B]) expect(res.text).not.toContain(absent);
    expect(res.body.networks.map((n: { network: string }) => n.network)).toEqual([netA, netB]);
    expect(res.body.memberships.map((m: { network: string; group: string; groupName: string | null }) => [m.network, m.group, m.groupName])).toEqual([
      [netA, 'a-conf', null],
      [netA, 'a-pub', 'Public alpha'],
      [netB, 'b-conf', null],
      [netB, 'b-pub', `Public ${SECRET_B}`],
    ]);
    const activities: ExportedActivity[] = res.body.activities;
    expect(activities.map((a) => [a.externalId, a.group, a.parent, a.text, a.tags, a.reaction, a.confidential])).toEqual([
      ['a-r1', 'a-pub', 'a-q1', 'The cloud region of Paris alpha', ['cloud', 'alpha'], null, false],
      ['a-p2', 'a-priv', null, 'Private notes on budgets alpha', null, null, false],
      ['a-p3', 'a-conf', null, null, null, null, true],
      ['a-r4', null, 'a-q3', null, null, null, true],
      ['a-l4', null, 'a-q3', null, null, null, true],
      ['b-r1', 'b-pub', 'b-q1', `The cloud region of Paris ${SECRET_B}`, ['cloud', SECRET_B], null, false],
      ['b-p2', 'b-priv', null, `Private notes on budgets ${SECRET_B}`, null, null, false],
      ['b-p3', 'b-conf', null, null, null, null, true],
      ['b-r4', null, 'b-q3', null, null, null, true],
      ['b-l4', null, 'b-q3', null, null, null, true],
    ]);
    expect(networksOf(res.body.inferredInterests)).toEqual([netA, netB]);
    expect(networksOf(res.body.expertiseEvidence)).toEqual([netA, netB]);
    expect(networksOf(res.body.animatorScores)).toEqual([netA, netB]);
    expect(res.body.auditEntries.map((e: { action: string; details: unknown }) => [e.action, e.details])).toEqual([
      ['profile.update', { version: 1 }],
      ['profile.read', null],
      ['member.export', { activities: 10 }],
      ['member.export', { activities: 5 }],
    ]);
  });
});
