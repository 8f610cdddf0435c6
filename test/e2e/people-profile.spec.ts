import type { Response } from 'supertest';
import { ingest, newActivity, newGroup, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * Declared triptych (SPEC §2, §3.8; docs/people.md "Declared triptych" and "The people index"):
 * PUT | GET /v1/members/{externalId}/profile and GET …/profile/history.
 *
 * Members are org-wide: every member externalId starts with uniqueKey() so parallel files never
 * collide. Reads with network-limited keys only see members of those networks.
 */

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A 400 problem+json whose `errors: [{path, message}]` holds a path matching each pattern. */
function expectValidation(res: Response, paths: (RegExp | string)[], label: string): { path: string; message: string }[] {
  expectProblem(res, 400, label);
  const errors = res.body.errors as { path: string; message: string }[];
  expect({ label, isArray: Array.isArray(errors), nonEmpty: errors?.length > 0 }).toEqual({ label, isArray: true, nonEmpty: true });
  for (const e of errors) expect(e).toEqual({ path: expect.any(String), message: expect.any(String) });
  for (const pattern of paths) {
    const found = errors.some((e) => (typeof pattern === 'string' ? e.path === pattern : pattern.test(e.path)));
    expect({ label, pattern: String(pattern), found, errors }).toEqual({ label, pattern: String(pattern), found: true, errors });
  }
  return errors;
}

describe('declared profile (SPEC §2, docs/people.md)', () => {
  let t: TestApp;
  let net: string; // the members under test
  let other: string; // a network none of them was ingested through
  let p: string;
  const m = (suffix: string) => `${p}${suffix}`;
  const auth = (apiKey = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${apiKey}` });

  const put = (member: string, body: unknown, apiKey = TEST_ADMIN_KEY) =>
    t
      .http()
      .put(`/v1/members/${encodeURIComponent(member)}/profile`)
      .set(auth(apiKey))
      .send(body as object);
  const get = (member: string, apiKey = TEST_ADMIN_KEY) =>
    t
      .http()
      .get(`/v1/members/${encodeURIComponent(member)}/profile`)
      .set(auth(apiKey));
  const history = (member: string, query: Record<string, string | number> = {}, apiKey = TEST_ADMIN_KEY) =>
    t
      .http()
      .get(`/v1/members/${encodeURIComponent(member)}/profile/history`)
      .query(query)
      .set(auth(apiKey));

  async function newKey(role: string, networks?: string[]): Promise<{ id: string; secret: string }> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(auth())
      .send({ name: `people-profile ${role} ${uniqueKey('k')}`, role, ...(networks ? { networks } : {}) });
    expect(res.status).toBe(201);
    return res.body;
  }

  let hr: { id: string; secret: string };
  let integrator: { id: string; secret: string };
  let cno: { id: string; secret: string };
  let hrOther: { id: string; secret: string };
  let integratorOther: { id: string; secret: string };

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    other = await newNetwork(t);
    p = uniqueKey('pp') + ':';
    const res = await ingest(t, net, [
      ...['basic', 'written', 'levels', 'hist', 'invalid', 'facets', 'scope', 'roles', 'audit', 'gaps', 'never'].map((s) =>
        newMember(m(s), { department: 'R&D' }),
      ),
      // an activity by an unknown author: a placeholder member
      newActivity('ph-1', 'post', m('placeholder'), '2026-10-01T09:00:00Z', { text: 'bonjour' }),
    ]);
    expect(res.body.rejected).toEqual([]);
    hr = await newKey('hr', [net]);
    integrator = await newKey('integrator', [net]);
    cno = await newKey('cno', [net]);
    hrOther = await newKey('hr', [other]);
    integratorOther = await newKey('integrator', [other]);
  });
  afterAll(() => t.close());

  describe('PUT answers the declared profile', () => {
    it('with the three facets, version 1 and updatedAt', async () => {
      const body = {
        expertise: [{ topic: 'Kubernetes', level: 4 }],
        competences: [{ topic: 'Terraform', level: 2 }],
        interests: [{ topic: 'cybersécurité' }],
      };
      const before = Date.now();
      const res = await put(m('basic'), body);
      expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
        status: 200,
        contentType: expect.stringMatching(/^application\/json/),
      });
      expect(res.body).toEqual({ ...body, version: 1, updatedAt: expect.stringMatching(ISO_UTC) });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(before - 5000);
      expect(Date.parse(res.body.updatedAt)).toBeLessThanOrEqual(Date.now() + 5000);

      // GET (hr) shows the same declared triptych
      const read = await get(m('basic'), hr.secret);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ member: m('basic'), department: 'R&D', declared: res.body });
    });

    it('an absent facet is empty', async () => {
      const res = await put(m('facets'), { interests: [{ topic: 'VPN' }] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ expertise: [], competences: [], interests: [{ topic: 'VPN' }], version: 1, updatedAt: expect.stringMatching(ISO_UTC) });
    });

    it('topics are displayed as written (case, accents, punctuation kept)', async () => {
      const body = {
        expertise: [
          { topic: 'Réseaux & Télécoms', level: 3 },
          { topic: 'C++ / Rust', level: 5 },
        ],
        competences: [{ topic: 'KUBERNETES', level: 1 }],
        interests: [{ topic: 'Cybersécurité (SOC)' }, { topic: 'x'.repeat(200) }], // 200 characters: the maximum
      };
      const res = await put(m('written'), body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...body, version: 1, updatedAt: expect.any(String) });
      const read = await get(m('written'));
      expect(read.body.declared).toEqual(res.body);
    });

    it('levels 1 to 5 are accepted', async () => {
      const expertise = [1, 2, 3, 4, 5].map((level) => ({ topic: `topic level ${level}`, level }));
      const competences = [5, 4, 3, 2, 1].map((level) => ({ topic: `skill ${level}`, level }));
      const res = await put(m('levels'), { expertise, competences });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ expertise, competences, interests: [], version: 1, updatedAt: expect.any(String) });
    });

    it('the same topic in two different facets is allowed', async () => {
      const body = {
        expertise: [{ topic: 'Kubernetes', level: 4 }],
        competences: [{ topic: 'kubernetes', level: 2 }],
        interests: [{ topic: 'KUBERNETES' }],
      };
      const res = await put(m('facets'), body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...body, version: 2, updatedAt: expect.any(String) }); // version 1 was the "absent facet" PUT
    });

    it('100 topics in a facet are accepted', async () => {
      const interests = Array.from({ length: 100 }, (_, i) => ({ topic: `interest ${i}` }));
      const res = await put(m('levels'), { interests });
      expect(res.status).toBe(200);
      expect(res.body.interests).toEqual(interests);
    });

    it('a placeholder member created by ingestion will do', async () => {
      const res = await put(m('placeholder'), { interests: [{ topic: 'VPN' }] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ interests: [{ topic: 'VPN' }], version: 1 });
    });
  });

  describe('versions and history', () => {
    it('a second PUT makes version 2; history lists both, newest first, paginated with limit=1', async () => {
      const v1 = { expertise: [{ topic: 'Kubernetes', level: 3 }], competences: [], interests: [{ topic: 'Réseaux' }] };
      const v2 = { expertise: [{ topic: 'Kubernetes', level: 4 }], competences: [{ topic: 'Terraform', level: 2 }], interests: [] };
      const first = await put(m('hist'), v1);
      expect(first.body).toEqual({ ...v1, version: 1, updatedAt: expect.stringMatching(ISO_UTC) });
      const second = await put(m('hist'), v2);
      expect(second.body).toEqual({ ...v2, version: 2, updatedAt: expect.stringMatching(ISO_UTC) });
      expect(Date.parse(second.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.updatedAt));
      // the profile replaced whole: v1's interest is gone
      expect((await get(m('hist'))).body.declared).toEqual(second.body);

      // one page
      const all = await history(m('hist'), {}, hr.secret);
      expect(all.status).toBe(200);
      expect(all.body).toEqual({
        items: [
          { version: 2, changedAt: expect.stringMatching(ISO_UTC), ...v2 },
          { version: 1, changedAt: expect.stringMatching(ISO_UTC), ...v1 },
        ],
        nextCursor: null,
      });
      expect(Date.parse(all.body.items[0].changedAt)).toBeGreaterThanOrEqual(Date.parse(all.body.items[1].changedAt));

      // limit=1 and the cursor
      const page1 = await history(m('hist'), { limit: 1 }, hr.secret);
      expect(page1.status).toBe(200);
      expect(page1.body.items).toEqual([all.body.items[0]]);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await history(m('hist'), { limit: 1, cursor: page1.body.nextCursor }, hr.secret);
      expect(page2.status).toBe(200);
      expect(page2.body.items).toEqual([all.body.items[1]]);
      // the end: nextCursor null now, or one more (empty) page that ends it
      if (page2.body.nextCursor !== null) {
        const page3 = await history(m('hist'), { limit: 1, cursor: page2.body.nextCursor }, hr.secret);
        expect(page3.body).toEqual({ items: [], nextCursor: null });
      }
    });

    it('history of a member who never declared anything is empty', async () => {
      const res = await history(m('never'), {}, hr.secret);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    });

    it('bad paging parameters → 400', async () => {
      const queries: Record<string, string | number>[] = [{ limit: 0 }, { limit: 1001 }, { limit: 'abc' }, { cursor: 'not-a-cursor' }];
      for (const query of queries) {
        expectProblem(await history(m('hist'), query), 400, JSON.stringify(query));
      }
    });
  });

  describe('validation: 400 problem+json with errors [{path, message}], nothing stored', () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ topic: `interest ${i}` }));
    const cases: [string, unknown, (RegExp | string)[]][] = [
      ['level 0', { expertise: [{ topic: 'Kubernetes', level: 0 }] }, [/^expertise\[0\]\.level$/]],
      ['level 6', { competences: [{ topic: 'Terraform', level: 6 }] }, [/^competences\[0\]\.level$/]],
      ['level 2.5', { expertise: [{ topic: 'Kubernetes', level: 2.5 }] }, [/^expertise\[0\]\.level$/]],
      ['level as a string "3" (never coerced)', { expertise: [{ topic: 'Kubernetes', level: '3' }] }, [/^expertise\[0\]\.level$/]],
      ['level missing', { competences: [{ topic: 'Terraform' }] }, [/^competences\[0\]\.level$/]],
      ['topic "!!!" normalises to nothing', { interests: [{ topic: 'VPN' }, { topic: '!!!' }] }, ['interests[1].topic']],
      ['empty topic', { expertise: [{ topic: '', level: 2 }] }, [/^expertise\[0\]\.topic$/]],
      ['duplicates within a facet after normalisation', { interests: [{ topic: 'Réseaux' }, { topic: 'reseau' }] }, ['interests[1].topic']],
      [
        'duplicates within expertise (case)',
        {
          expertise: [
            { topic: 'Kubernetes', level: 2 },
            { topic: 'KUBERNETES', level: 3 },
          ],
        },
        ['expertise[1].topic'],
      ],
      ['unknown field', { expertise: [], hobbies: [{ topic: 'golf' }] }, [/^hobbies$/]],
      ['unknown field inside a topic (an interest has no level)', { interests: [{ topic: 'VPN', level: 3 }] }, [/^interests\[0\]\.level$/]],
      ['topic over 200 characters', { expertise: [{ topic: 'k'.repeat(201), level: 2 }] }, [/^expertise\[0\]\.topic$/]],
      ['101 topics in a facet', { interests: tooMany }, [/^interests$/]],
      ['a facet that is not an array', { interests: 'VPN' }, [/^interests/]],
    ];

    it.each(cases)('%s', async (label, body, paths) => {
      const before = (await get(m('invalid'))).body.declared;
      const res = await put(m('invalid'), body);
      expectValidation(res, paths, label);
      expect((await get(m('invalid'))).body.declared).toEqual(before);
    });

    it('a duplicate names both positions', async () => {
      const res = await put(m('invalid'), { interests: [{ topic: 'Réseaux' }, { topic: 'reseau' }] });
      const errors = expectValidation(res, ['interests[1].topic'], 'duplicate');
      // the pair is interests[0] and interests[1]: both are named in the answer
      expect(JSON.stringify(errors)).toContain('interests[0]');
    });

    it('a JSON array instead of an object → 400', async () => {
      expectProblem(await put(m('invalid'), [{ topic: 'VPN' }]), 400);
    });

    it('nothing stored after the refusals: never declared', async () => {
      expect((await get(m('invalid'))).body.declared).toEqual({ expertise: [], competences: [], interests: [], version: 0, updatedAt: null });
      expect((await history(m('invalid'))).body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('404', () => {
    it('an unknown member → 404 on PUT, GET and history', async () => {
      const unknown = m('never-ingested');
      expectProblem(await put(unknown, { interests: [{ topic: 'VPN' }] }), 404);
      expectProblem(await get(unknown), 404);
      expectProblem(await history(unknown), 404);
    });

    it('a member not in the networks of a key limited to another network → 404', async () => {
      const member = m('scope');
      expectProblem(await put(member, { interests: [{ topic: 'VPN' }] }, integratorOther.secret), 404, 'PUT integrator/other');
      expectProblem(await put(member, { interests: [{ topic: 'VPN' }] }, hrOther.secret), 404, 'PUT hr/other');
      expectProblem(await get(member, hrOther.secret), 404, 'GET hr/other');
      expectProblem(await history(member, {}, hrOther.secret), 404, 'history hr/other');
      // nothing was written by those
      expect((await get(member)).body.declared.version).toBe(0);
      // the same member through keys limited to its own network
      expect((await put(member, { interests: [{ topic: 'VPN' }] }, integrator.secret)).status).toBe(200);
      expect((await get(member, hr.secret)).status).toBe(200);
      expect((await history(member, {}, hr.secret)).status).toBe(200);
    });
  });

  describe('roles', () => {
    it('integrator and hr may PUT; admin too', async () => {
      const a = await put(m('roles'), { interests: [{ topic: 'one' }] }, integrator.secret);
      expect({ status: a.status, version: a.body.version }).toEqual({ status: 200, version: 1 });
      const b = await put(m('roles'), { interests: [{ topic: 'two' }] }, hr.secret);
      expect({ status: b.status, version: b.body.version }).toEqual({ status: 200, version: 2 });
      const c = await put(m('roles'), { interests: [{ topic: 'three' }] });
      expect({ status: c.status, version: c.body.version }).toEqual({ status: 200, version: 3 });
    });

    it('cno gets 403 on PUT, GET and history', async () => {
      expectProblem(await put(m('roles'), { interests: [{ topic: 'cno' }] }, cno.secret), 403, 'PUT');
      expectProblem(await get(m('roles'), cno.secret), 403, 'GET');
      expectProblem(await history(m('roles'), {}, cno.secret), 403, 'history');
      expect((await get(m('roles'))).body.declared.interests).not.toContainEqual({ topic: 'cno' });
    });

    it('integrator gets 403 on GET and history', async () => {
      expectProblem(await get(m('roles'), integrator.secret), 403, 'GET');
      expectProblem(await history(m('roles'), {}, integrator.secret), 403, 'history');
    });

    it('no key → 401', async () => {
      expectProblem(await t.http().get(`/v1/members/${m('roles')}/profile`), 401);
      expectProblem(
        await t
          .http()
          .put(`/v1/members/${m('roles')}/profile`)
          .send({}),
        401,
      );
    });
  });

  it('every read and write is in the audit log (profile.update, profile.read, profile.history.read)', async () => {
    const member = m('audit');
    const rows = () => t.db.query(`SELECT actor, action, target FROM audit_log WHERE target = $1 ORDER BY id`, [member]);
    expect(await rows()).toEqual([]);
    expect((await put(member, { interests: [{ topic: 'VPN' }] }, integrator.secret)).status).toBe(200);
    expect((await get(member, hr.secret)).status).toBe(200);
    expect((await history(member, {}, hr.secret)).status).toBe(200);
    expect((await put(member, { interests: [{ topic: 'IPv6' }] }, hr.secret)).status).toBe(200);
    expect((await history(member, { limit: 1 }, hr.secret)).status).toBe(200);
    expect((await get(member)).status).toBe(200); // the bootstrap admin
    expect(await rows()).toEqual([
      { actor: integrator.id, action: 'profile.update', target: member },
      { actor: hr.id, action: 'profile.read', target: member },
      { actor: hr.id, action: 'profile.history.read', target: member },
      { actor: hr.id, action: 'profile.update', target: member },
      { actor: hr.id, action: 'profile.history.read', target: member },
      { actor: 'bootstrap-admin', action: 'profile.read', target: member },
    ]);
  });

  it('declared vs observed: declared expertise and competence with no activity are in gaps.declaredNotObserved', async () => {
    const member = m('gaps');
    const res = await put(member, {
      expertise: [{ topic: 'Terraform', level: 4 }],
      competences: [{ topic: 'Ansible', level: 2 }],
      interests: [{ topic: 'Cloud' }],
    });
    expect(res.status).toBe(200);
    const run = await t.http().post(`/v1/networks/${net}/people-index`).set(auth());
    expect(run.status).toBe(200);
    const read = await get(member, hr.secret);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      member,
      displayName: `Member ${member}`,
      department: 'R&D',
      inferredInterests: [],
      observedExpertise: [],
      gaps: { observedNotDeclared: [] },
      computedAt: expect.stringMatching(ISO_UTC),
    });
    // declared expertise and competences only (interests are no claim of expertise), as written
    expect([...read.body.gaps.declaredNotObserved].sort()).toEqual(['Ansible', 'Terraform']);
  });

  describe('inferred interests (people index, TF-IDF)', () => {
    /**
     * Network `idx`, members A, B, C, S:
     *   gpub public, gpriv private, gconf confidential; `gph` is never declared (a placeholder group)
     *   a1 post     A gpub  10-01 "zorglub"          tags [zorglub]
     *   a2 post     A gpub  10-02 "zorglub réunion"  tags [zorglub]
     *   a3 question A gpub  10-03 "zorglub"          tags [zorglub]
     *   a4 post     A gpriv 10-04 "zorglub"          tags [zorglub]
     *   a5 post     A gpub  10-05 "zorglub réunion"  (no tag)
     *   a6 post     A —     10-06 "zorglub"          (no group, no tag)
     *   b1 post     B gpub  10-01 "réunion"
     *   b2 reply    B gpub  10-02 → a1 "réunion"
     *   c1 post     C gpriv 10-03 "réunion"
     *   c2 share    C gpub  10-04 → a2 (no text)
     *   x1 reaction B gpub  10-05 → a1 (no contribution)
     *   s1 post     A gconf 10-07 "xylophonix zorglub"  tags [xylophonix]   (confidential: left out)
     *   s2 post     C gconf 10-07 "xylophonix"                              (confidential: left out)
     *   s3 post     S gconf 10-08 "xylophonix xylophonix"                    (confidential: left out)
     *   h1 post     B gph   10-08 "quokkaphant"                              (placeholder group: left out)
     *
     * N = corpus contributions = a1..a6 (6) + b1, b2 (2) + c1, c2 (2) = 10
     *   (x1 is a reaction; s1, s2, s3 confidential; h1 in a placeholder group)
     * zorglub: df = 6 (a1..a6; a1 holds it in text and tag but counts once)
     *   A: tf = 2 (a1 tag) + 2 (a2 tag) + 2 (a3 tag) + 2 (a4 tag) + 1 (a5 text) + 1 (a6 text) = 10
     *   weight = 10 × ln(10/6) = 10 × 0.5108256 = 5.108256 → 5.1083
     *   activities: the 5 most recent of a1..a6 = a6, a5, a4, a3, a2
     * réunion: df = 5 (a2, a5, b1, b2, c1)
     *   A: tf = 1 + 1 = 2 → 2 × ln(10/5) = 2 × 0.6931472 = 1.3862944 → 1.3863, activities a5, a2
     *   B: tf = 2 → 1.3863, activities b2, b1
     *   C: tf = 1 → ln 2 = 0.6931472 → 0.6931, activities c1
     */
    let idx: string;
    const member = (s: string) => m(`idx-${s}`);

    beforeAll(async () => {
      idx = await newNetwork(t);
      const [A, B, C, S] = ['A', 'B', 'C', 'S'].map(member);
      const res = await ingest(t, idx, [
        newMember(A),
        newMember(B),
        newMember(C),
        newMember(S),
        newGroup('gpub'),
        newGroup('gpriv', { visibility: 'private' }),
        newGroup('gconf', { visibility: 'confidential' }),
        newActivity('a1', 'post', A, '2026-10-01T09:00:00Z', { group: 'gpub', text: 'zorglub', tags: ['zorglub'] }),
        newActivity('a2', 'post', A, '2026-10-02T09:00:00Z', { group: 'gpub', text: 'zorglub réunion', tags: ['zorglub'] }),
        newActivity('a3', 'question', A, '2026-10-03T09:00:00Z', { group: 'gpub', text: 'zorglub', tags: ['zorglub'] }),
        newActivity('a4', 'post', A, '2026-10-04T09:00:00Z', { group: 'gpriv', text: 'zorglub', tags: ['zorglub'] }),
        newActivity('a5', 'post', A, '2026-10-05T09:00:00Z', { group: 'gpub', text: 'zorglub réunion' }),
        newActivity('a6', 'post', A, '2026-10-06T09:00:00Z', { text: 'zorglub' }),
        newActivity('b1', 'post', B, '2026-10-01T10:00:00Z', { group: 'gpub', text: 'réunion' }),
        newActivity('b2', 'reply', B, '2026-10-02T10:00:00Z', { group: 'gpub', parent: 'a1', text: 'réunion' }),
        newActivity('c1', 'post', C, '2026-10-03T10:00:00Z', { group: 'gpriv', text: 'réunion' }),
        newActivity('c2', 'share', C, '2026-10-04T10:00:00Z', { group: 'gpub', parent: 'a2' }),
        newActivity('x1', 'reaction', B, '2026-10-05T10:00:00Z', { group: 'gpub', parent: 'a1' }),
        newActivity('s1', 'post', A, '2026-10-07T09:00:00Z', { group: 'gconf', text: 'xylophonix zorglub', tags: ['xylophonix'] }),
        newActivity('s2', 'post', C, '2026-10-07T10:00:00Z', { group: 'gconf', text: 'xylophonix' }),
        newActivity('s3', 'post', S, '2026-10-08T10:00:00Z', { group: 'gconf', text: 'xylophonix xylophonix' }),
        newActivity('h1', 'post', B, '2026-10-08T11:00:00Z', { group: 'gph', text: 'quokkaphant' }),
      ]);
      expect(res.body.rejected).toEqual([]);
      const run = await t.http().post(`/v1/networks/${idx}/people-index`).set(auth());
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ computedAt: expect.stringMatching(ISO_UTC), durationMs: expect.any(Number) });
    });

    it('the index run counts the corpus without confidential and placeholder groups (N = 10)', async () => {
      const run = await t.http().post(`/v1/networks/${idx}/people-index`).set(auth());
      expect(run.status).toBe(200);
      expect(run.body.contributions).toBe(10); // a1..a6, b1, b2, c1, c2
    });

    it('the distinctive, tagged word comes first, with its weight and the 5 most recent supporting activities', async () => {
      const res = await get(member('A'));
      expect(res.status).toBe(200);
      expect(res.body.inferredInterests).toEqual([
        { term: 'zorglub', weight: 5.1083, activities: ['a6', 'a5', 'a4', 'a3', 'a2'] }, // 10 × ln(10/6)
        { term: 'réunion', weight: 1.3863, activities: ['a5', 'a2'] }, // 2 × ln(10/5)
      ]);
    });

    it("computedAt: when the index behind the member's interests was computed, for a limited and for an unscoped key", async () => {
      const scoped = await newKey('hr', [idx]);
      const limited = await get(member('A'), scoped.secret);
      expect(limited.body.inferredInterests.map((i: { term: string }) => i.term)).toEqual(['zorglub', 'réunion']);
      expect(limited.body.computedAt).toMatch(ISO_UTC);
      // the admin key (every network) reads the same interests, built by the same index of `idx`
      // (A's only network), so the same computedAt — not null (null means: never computed)
      const unscoped = await get(member('A'));
      expect(unscoped.body.inferredInterests).toEqual(limited.body.inferredInterests);
      expect(unscoped.body.computedAt).toBe(limited.body.computedAt);
    });

    it('the others get the shared word only', async () => {
      expect((await get(member('B'))).body.inferredInterests).toEqual([{ term: 'réunion', weight: 1.3863, activities: ['b2', 'b1'] }]); // 2 × ln 2; h1 (placeholder group) left out
      expect((await get(member('C'))).body.inferredInterests).toEqual([{ term: 'réunion', weight: 0.6931, activities: ['c1'] }]); // 1 × ln 2
    });

    it("a confidential group's text never produces an inferred interest", async () => {
      for (const who of ['A', 'B', 'C', 'S']) {
        const res = await get(member(who));
        expect(res.status).toBe(200);
        expect({ who, text: res.text }).toEqual({ who, text: expect.not.stringMatching(/xylophonix|quokkaphant/i) });
      }
      expect((await get(member('S'))).body.inferredInterests).toEqual([]); // S only wrote in the confidential group
      // nor for a key limited to the network
      const scoped = await newKey('hr', [idx]);
      const res = await get(member('C'), scoped.secret);
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/xylophonix/i);
    });
  });
});
