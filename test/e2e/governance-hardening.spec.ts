import { ingest, newActivity, newGroup, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

const admin = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };

async function createKey(t: TestApp, role: string, networks?: string[]): Promise<{ id: string; secret: string }> {
  const res = await t
    .http()
    .post('/v1/api-keys')
    .set(admin)
    .send({ name: `hardening ${role}`, role, ...(networks ? { networks } : {}) });
  expect(res.status).toBe(201);
  return { id: res.body.id, secret: res.body.secret };
}

describe('rate limits per API key (SPEC §4)', () => {
  let t: TestApp;
  // the admin key's writes count too: its 3 key creations use up its write bucket
  let a: { secret: string };
  let b: { secret: string };
  let integrator: { secret: string };
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_READS: '3', RATE_LIMIT_WRITES: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    a = await createKey(t, 'cno');
    b = await createKey(t, 'cno');
    integrator = await createKey(t, 'integrator');
  });
  afterAll(() => t.close());

  it('the 4th read of a key in the window is a 429 problem+json with Retry-After; another key is unaffected', async () => {
    for (let i = 0; i < 3; i++) expect((await t.http().get('/v1/networks').set('Authorization', `Bearer ${a.secret}`)).status).toBe(200);
    const limited = await t.http().get('/v1/networks').set('Authorization', `Bearer ${a.secret}`);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too many requests' });
    // seconds until the window ends: 1..60
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await t.http().get('/v1/networks').set('Authorization', `Bearer ${b.secret}`)).status).toBe(200);
  });

  it('writes have their own bucket: the 4th write is limited while reads of the same key still pass', async () => {
    const net = uniqueKey('rl');
    const auth = { Authorization: `Bearer ${integrator.secret}` };
    expect((await t.http().post('/v1/networks').set(auth).send({ key: net, name: 'RL' })).status).toBe(201);
    for (let i = 0; i < 2; i++)
      expect(
        (
          await t
            .http()
            .post(`/v1/networks/${net}/events`)
            .set(auth)
            .send([newMember(uniqueKey('m'))])
        ).status,
      ).toBe(200);
    const fourth = await t
      .http()
      .post(`/v1/networks/${net}/events`)
      .set(auth)
      .send([newMember(uniqueKey('m'))]);
    expect(fourth.status).toBe(429);
    expect(fourth.headers['retry-after']).toBeDefined();
    expect((await t.http().get(`/v1/networks/${net}`).set(auth)).status).toBe(200);
  });

  it('health and docs are never limited', async () => {
    for (let i = 0; i < 6; i++) expect((await t.http().get('/health')).status).toBe(200);
  });
});

describe('CORS (configurable)', () => {
  it('answers preflights only for the configured origins', async () => {
    const t = await startTestApp({ CORS_ORIGINS: 'https://dash.example.com' });
    try {
      const ok = await t.http().options('/v1/networks').set('Origin', 'https://dash.example.com').set('Access-Control-Request-Method', 'GET');
      expect(ok.headers['access-control-allow-origin']).toBe('https://dash.example.com');
      const other = await t.http().options('/v1/networks').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'GET');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('sends no CORS header by default', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http().get('/health').set('Origin', 'https://dash.example.com');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('GDPR erasure and export, audit log (SPEC §4)', () => {
  let t: TestApp;
  let net: string;
  const p = uniqueKey('gd');
  const ana = `${p}-ana`;
  const bob = `${p}-bob`;
  const window = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
  const INDICATORS = [
    'indicators/activity',
    'indicators/responsiveness',
    'indicators/concentration',
    'indicators/diffusion',
    'indicators/alignment',
    'comparisons/groups',
    'comparisons/departments',
    'comparisons/leaders',
  ];

  async function snapshot(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const path of INDICATORS) {
      const res = await t.http().get(`/v1/networks/${net}/${path}`).query(window).set(admin);
      expect(res.status).toBe(200);
      out[path] = res.body;
    }
    const engagement = await t.http().get(`/v1/networks/${net}/indicators/engagement`).query({ at: '2026-03-20' }).set(admin);
    out.engagement = engagement.body;
    return out;
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t, { timezone: 'Europe/Paris' });
    const put = await t
      .http()
      .put(`/v1/objectives/${p}-obj`)
      .set(admin)
      .send({ name: 'Cloud', keywords: [{ term: 'cloud', weight: 1 }], networks: [net] });
    expect(put.status).toBe(201);
    const res = await ingest(t, net, [
      newMember(ana, { displayName: 'Ana Ruiz', email: 'ana@example.com', department: 'R&D', site: 'Lyon', jobTitle: 'Architect' }),
      newMember(bob, { displayName: 'Bob Stone', department: 'Sales' }),
      newGroup('g1', { leaders: [bob] }),
      newActivity('q1', 'question', bob, '2026-03-02T10:00:00+01:00', { group: 'g1', text: 'Which cloud region?', tags: ['cloud'] }),
      newActivity('r1', 'reply', ana, '2026-03-02T11:00:00+01:00', {
        group: 'g1',
        parent: 'q1',
        text: 'The cloud region of Paris, says Ana',
        tags: ['cloud', 'paris'],
      }),
      newActivity('x1', 'accept', bob, '2026-03-02T12:00:00+01:00', { group: 'g1', parent: 'r1' }),
      newActivity('p1', 'post', ana, '2026-03-05T09:00:00+01:00', { group: 'g1', text: "Ana's notes on cloud costs" }),
      newActivity('l1', 'reaction', bob, '2026-03-05T10:00:00+01:00', { group: 'g1', parent: 'p1' }),
    ]);
    expect(res.body.rejected).toEqual([]);
    const profile = await t
      .http()
      .put(`/v1/members/${ana}/profile`)
      .set(admin)
      .send({ expertise: [{ topic: 'Cloud', level: 4 }], interests: [{ topic: 'FinOps' }] });
    expect(profile.status).toBe(200);
    expect((await t.http().post(`/v1/networks/${net}/people-index`).set(admin)).status).toBe(200);
  });
  afterAll(async () => {
    await t.http().delete(`/v1/objectives/${p}-obj`).set(admin);
    await t.close();
  });

  it('export returns everything held about the member, and is audited', async () => {
    const res = await t.http().get(`/v1/members/${ana}/export`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({
      externalId: ana,
      displayName: 'Ana Ruiz',
      email: 'ana@example.com',
      site: 'Lyon',
      jobTitle: 'Architect',
      erasedAt: null,
    });
    expect(res.body.networks).toEqual([expect.objectContaining({ network: net })]);
    expect(res.body.activities.map((a: { externalId: string; text: string }) => [a.externalId, a.text])).toEqual([
      ['r1', 'The cloud region of Paris, says Ana'],
      ['p1', "Ana's notes on cloud costs"],
    ]);
    expect(res.body.profile).toEqual([
      { facet: 'expertise', topic: 'Cloud', level: 4 },
      { facet: 'interest', topic: 'FinOps', level: null },
    ]);
    expect(res.body.profileHistory).toHaveLength(1);
    expect(res.body.inferredInterests.length).toBeGreaterThan(0);
    expect(res.body.expertiseEvidence).toEqual([expect.objectContaining({ topic: 'cloud', acceptedAnswers: 1, replies: 1 })]);
    const audit = await t.http().get('/v1/audit').query({ action: 'member.export', target: ana }).set(admin);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'member.export', target: ana, actor: 'bootstrap-admin' })]);
  });

  it('erasure removes personal data and every indicator stays exactly the same', async () => {
    const before = await snapshot();
    const erased = await t.http().delete(`/v1/members/${ana}`).set(admin);
    expect(erased.status).toBe(200);
    // texts of r1 and p1; 1 version, 2 topics, 1 profile; evidence on "cloud"
    expect(erased.body).toMatchObject({ member: ana, erased: { activityTexts: 2, profileVersions: 1, profileTopics: 2, profiles: 1, expertiseEvidence: 1 } });
    expect(erased.body.erased.inferredInterests).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);

    const exported = (await t.http().get(`/v1/members/${ana}/export`).set(admin)).body;
    expect(exported.member).toMatchObject({
      externalId: ana,
      displayName: null,
      email: null,
      site: null,
      jobTitle: null,
      department: 'R&D',
      erasedAt: expect.any(String),
    });
    expect(exported.activities.map((a: { text: string | null; tags: string[] | null }) => [a.text, a.tags])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect([exported.profile, exported.profileHistory, exported.inferredInterests, exported.expertiseEvidence, exported.animatorScores]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    // nothing of her texts is left in the database (other files' activities share it: scoped to her)
    const stored = await t.db.query(
      `SELECT count(*)::int AS n FROM activities a JOIN members m ON m.id = a.author_id WHERE m.external_id = $1 AND (a.text IS NOT NULL OR a.tags IS NOT NULL)`,
      [ana],
    );
    expect(stored[0].n).toBe(0);
  });

  it('later records cannot bring erased data back, and the next people index leaves the member out', async () => {
    const res = await ingest(t, net, [
      newMember(ana, { displayName: 'Ana Ruiz', email: 'ana@example.com', department: 'R&D', site: 'Lyon' }),
      newActivity('p2', 'post', ana, '2026-03-06T09:00:00+01:00', { group: 'g1', text: 'Ana is back on cloud topics' }),
    ]);
    expect(res.body.rejected).toEqual([]);
    const member = (await t.http().get(`/v1/members/${ana}`).set(admin)).body;
    expect(member).toMatchObject({ displayName: null, email: null, site: null, department: 'R&D' });
    const [p2] = await t.db.query(`SELECT text, tags FROM activities WHERE external_id = 'p2' AND network_id = (SELECT id FROM networks WHERE key = $1)`, [
      net,
    ]);
    expect(p2).toEqual({ text: null, tags: null });
    expect((await t.http().post(`/v1/networks/${net}/people-index`).set(admin)).status).toBe(200);
    const experts = await t.http().get('/v1/experts').query({ topic: 'cloud' }).set(admin);
    expect(experts.body.items.map((e: { member: string }) => e.member)).not.toContain(ana);
  });

  it('erasure is admin only, 404 for an unknown member, audited; the audit log is admin only, filterable and paginated', async () => {
    const hr = await createKey(t, 'hr');
    expect((await t.http().delete(`/v1/members/${bob}`).set('Authorization', `Bearer ${hr.secret}`)).status).toBe(403);
    expect((await t.http().get('/v1/audit').set('Authorization', `Bearer ${hr.secret}`)).status).toBe(403);
    expect((await t.http().get(`/v1/members/${bob}/export`).set('Authorization', `Bearer ${hr.secret}`)).status).toBe(200);
    expect(
      (
        await t
          .http()
          .delete(`/v1/members/${uniqueKey('nobody')}`)
          .set(admin)
      ).status,
    ).toBe(404);

    const erasures = await t.http().get('/v1/audit').query({ action: 'member.erase', target: ana }).set(admin);
    expect(erasures.body.items).toEqual([
      expect.objectContaining({ action: 'member.erase', target: ana, details: expect.objectContaining({ activityTexts: 2 }) }),
    ]);
    const keys = await t.http().get('/v1/audit').query({ action: 'api-key.create', target: hr.id }).set(admin);
    expect(keys.body.items).toHaveLength(1);
    // newest first, one per page
    const first = await t.http().get('/v1/audit').query({ limit: 1 }).set(admin);
    const second = await t.http().get('/v1/audit').query({ limit: 1, cursor: first.body.nextCursor }).set(admin);
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[0].id));
    expect((await t.http().get('/v1/audit').query({ from: 'yesterday' }).set(admin)).status).toBe(400);
  });
});
