import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §4: a key limited to networks may create members and add an existing member to its network,
 * but a `member` record that would change a member who also belongs to a network outside the key's
 * scope (or who was written org-wide, in no network) is rejected with its line. An identical record
 * is not a change: it adds the member to the key's network.
 */
describe('member records sent with a network-limited key (SPEC §4)', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let scopedA: string;
  let unscoped: string;
  let hrA: string;
  const p = uniqueKey('smw');
  const REFUSED =
    'this key is limited to networks and this member also belongs to a network outside them (or was written org-wide): a limited key may add an existing member to its network with an unchanged record, but may not change the member';
  const original = {
    displayName: 'Bea Original',
    email: 'bea@example.com',
    department: 'Finance',
    site: 'Paris',
    jobTitle: 'Controller',
    joinedAt: '2025-01-06T09:00:00Z',
  };

  async function createKey(role: string, networks?: string[]): Promise<string> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
      .send({ name: `scoped member writes ${role}`, role, ...(networks ? { networks } : {}) });
    expect(res.status).toBe(201);
    return res.body.secret as string;
  }

  /** The stored member's fields and the networks it belongs to. */
  async function stored(externalId: string): Promise<{ fields: Record<string, unknown>; networks: string[] }> {
    const [fields] = await t.db.query(
      `SELECT display_name AS "displayName", email, department, site, job_title AS "jobTitle", to_char(joined_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "joinedAt"
       FROM members WHERE external_id = $1`,
      [externalId],
    );
    const networks: { key: string }[] = await t.db.query(
      `SELECT n.key FROM network_members nm JOIN networks n ON n.id = nm.network_id JOIN members m ON m.id = nm.member_id WHERE m.external_id = $1 ORDER BY n.key`,
      [externalId],
    );
    return { fields, networks: networks.map((n) => n.key) };
  }

  /** A member ingested through network B only, with `original` fields. */
  async function memberOfB(): Promise<string> {
    const id = uniqueKey(`${p}-b`);
    const res = await ingest(t, b, [newMember(id, original)]);
    expect(res.body).toEqual({ received: 1, inserted: 1, updated: 0, duplicates: 0, rejected: [] });
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    // keys sort a before b, so `networks` lists come out [a, b]
    a = await newNetwork(t, { key: `${p}-a` });
    b = await newNetwork(t, { key: `${p}-b` });
    scopedA = await createKey('integrator', [a]);
    unscoped = await createKey('integrator');
    hrA = await createKey('hr', [a]);
  });
  afterAll(() => t.close());

  it.each(['ndjson', 'json'] as const)(
    "a changing record for a member of another network is rejected with its line (%s); the member is unchanged and does not join the key's network",
    async (format) => {
      const x = await memberOfB();
      const res = await ingest(
        t,
        a,
        [newMember(x, { ...original, displayName: 'Mallory', email: 'mallory@example.com', department: 'Ops', site: 'Nowhere', jobTitle: 'Owner' })],
        { format, apiKey: scopedA },
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: 1, inserted: 0, updated: 0, duplicates: 0, rejected: [{ line: 1, externalId: x, error: REFUSED }] });
      expect(await stored(x)).toEqual({ fields: original, networks: [b] });
      // the hr twin of the key cannot reach the member (and so not B's texts) through A
      const exported = await t.http().get(`/v1/members/${x}/export`).set('Authorization', `Bearer ${hrA}`);
      expect(exported.status).toBe(404);
      // changing a single field is a change too
      const one = await ingest(t, a, [newMember(x, { ...original, jobTitle: 'Owner' })], { format, apiKey: scopedA });
      expect(one.body.rejected).toEqual([{ line: 1, externalId: x, error: REFUSED }]);
      expect(await stored(x)).toEqual({ fields: original, networks: [b] });
    },
  );

  it("an identical record adds the member to the key's network (counted as updated once, a duplicate afterwards); changes stay refused", async () => {
    const x = await memberOfB();
    const first = await ingest(t, a, [newMember(x, original)], { apiKey: scopedA });
    // joining a network is a change of state (as for any key): updated, not a rejection
    expect(first.body).toEqual({ received: 1, inserted: 0, updated: 1, duplicates: 0, rejected: [] });
    expect(await stored(x)).toEqual({ fields: original, networks: [a, b] });
    const again = await ingest(t, a, [newMember(x, original)], { format: 'json', apiKey: scopedA });
    expect(again.body).toEqual({ received: 1, inserted: 0, updated: 0, duplicates: 1, rejected: [] });
    // still a member of B too: a change is refused even though the member is now in A
    const change = await ingest(t, a, [newMember(x, { ...original, email: 'mallory@example.com' })], { apiKey: scopedA });
    expect(change.body).toEqual({ received: 1, inserted: 0, updated: 0, duplicates: 0, rejected: [{ line: 1, externalId: x, error: REFUSED }] });
    expect(await stored(x)).toEqual({ fields: original, networks: [a, b] });
  });

  it("new members, placeholders and members of the key's networks only are created and changed as before", async () => {
    const fresh = uniqueKey(`${p}-new`);
    const created = await ingest(t, a, [newMember(fresh, { displayName: 'New One' })], { apiKey: scopedA });
    expect(created.body).toEqual({ received: 1, inserted: 1, updated: 0, duplicates: 0, rejected: [] });
    const changed = await ingest(t, a, [newMember(fresh, { displayName: 'New One', department: 'R&D' })], { format: 'json', apiKey: scopedA });
    expect(changed.body).toEqual({ received: 1, inserted: 0, updated: 1, duplicates: 0, rejected: [] });
    expect(await stored(fresh)).toEqual({
      fields: { displayName: 'New One', email: null, department: 'R&D', site: null, jobTitle: null, joinedAt: null },
      networks: [a],
    });

    // known only as the author of an activity of B: a placeholder, which any key may fill in
    const stub = uniqueKey(`${p}-stub`);
    expect((await ingest(t, b, [newActivity(uniqueKey('act'), 'post', stub, '2026-03-02T10:00:00Z', { text: 'hello' })])).body.inserted).toBe(1);
    const filled = await ingest(t, a, [newMember(stub, { displayName: 'Stub Filled' })], { apiKey: scopedA });
    expect(filled.body).toEqual({ received: 1, inserted: 1, updated: 0, duplicates: 0, rejected: [] });
    expect(await stored(stub)).toEqual({
      fields: { displayName: 'Stub Filled', email: null, department: null, site: null, jobTitle: null, joinedAt: null },
      networks: [a],
    });
  });

  it('an org-wide member (written by PUT /v1/members, in no network) is outside the scope too', async () => {
    const org = uniqueKey(`${p}-org`);
    const put = await t.http().put(`/v1/members/${org}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`).send({ displayName: 'Org Wide', department: 'HR' });
    expect(put.status).toBe(200);
    const change = await ingest(t, a, [newMember(org, { displayName: 'Taken Over', department: 'HR' })], { apiKey: scopedA });
    expect(change.body.rejected).toEqual([{ line: 1, externalId: org, error: REFUSED }]);
    expect(await stored(org)).toEqual({
      fields: { displayName: 'Org Wide', email: null, department: 'HR', site: null, jobTitle: null, joinedAt: null },
      networks: [],
    });
    const same = await ingest(t, a, [newMember(org, { displayName: 'Org Wide', department: 'HR' })], { apiKey: scopedA });
    expect(same.body).toEqual({ received: 1, inserted: 0, updated: 1, duplicates: 0, rejected: [] });
    expect((await stored(org)).networks).toEqual([a]);
  });

  it('an unscoped integrator and an admin may still change any member', async () => {
    const x = await memberOfB();
    const byIntegrator = await ingest(t, a, [newMember(x, { ...original, displayName: 'Bea Renamed' })], { apiKey: unscoped });
    expect(byIntegrator.body).toEqual({ received: 1, inserted: 0, updated: 1, duplicates: 0, rejected: [] });
    expect(await stored(x)).toEqual({ fields: { ...original, displayName: 'Bea Renamed' }, networks: [a, b] });
    const byAdmin = await ingest(t, a, [newMember(x, { ...original, site: 'Lyon' })], { format: 'json' });
    expect(byAdmin.body).toEqual({ received: 1, inserted: 0, updated: 1, duplicates: 0, rejected: [] });
    expect(await stored(x)).toEqual({ fields: { ...original, site: 'Lyon' }, networks: [a, b] });
  });

  it.each(['ndjson', 'json'] as const)('a batch mixing good and refused member records keeps the good ones (%s)', async (format) => {
    const x = await memberOfB();
    const y = await memberOfB();
    const fresh = uniqueKey(`${p}-mix`);
    const post = uniqueKey('post');
    const res = await ingest(
      t,
      a,
      [
        newMember(fresh, { displayName: 'Fresh' }),
        newMember(x, { ...original, displayName: 'Mallory' }),
        newMember(y, original), // identical: joins A
        newActivity(post, 'post', x, '2026-03-03T10:00:00Z', { text: 'an activity of A may name any member as author' }),
        newMember(y, { ...original, department: 'Ops' }), // a later record for y in the same body: refused too
      ],
      { format, apiKey: scopedA },
    );
    expect(res.body).toEqual({
      received: 5,
      inserted: 2,
      updated: 1,
      duplicates: 0,
      rejected: [
        { line: 2, externalId: x, error: REFUSED },
        { line: 5, externalId: y, error: REFUSED },
      ],
    });
    expect(await stored(fresh)).toEqual({
      fields: { displayName: 'Fresh', email: null, department: null, site: null, jobTitle: null, joinedAt: null },
      networks: [a],
    });
    expect(await stored(x)).toEqual({ fields: original, networks: [b] });
    expect(await stored(y)).toEqual({ fields: original, networks: [a, b] });
    const [activity] = await t.db.query(
      `SELECT m.external_id AS author FROM activities ac JOIN members m ON m.id = ac.author_id JOIN networks n ON n.id = ac.network_id WHERE n.key = $1 AND ac.external_id = $2`,
      [a, post],
    );
    expect(activity).toEqual({ author: x });
  });
});
