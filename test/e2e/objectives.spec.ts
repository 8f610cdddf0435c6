import type { Response } from 'supertest';
import { newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * Business objectives (SPEC §2, docs/alignment.md "Objectives"): PUT | GET | DELETE /v1/objectives/{key}
 * and GET /v1/objectives.
 *
 * Objectives are organisation-wide: every key below starts with uniqueKey() so that parallel files
 * never collide, and every objective names `networks: [net]` (an objective with no `networks`
 * applies to EVERY network and would leak into other files' alignment numbers) except the one test
 * of the absent case, which deletes its objective at once.
 */

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const OBJECTIVE_FIELDS = ['active', 'createdAt', 'key', 'keywords', 'name', 'networks', 'rematch', 'updatedAt'];
const REMATCH_FIELDS = ['done', 'finishedAt', 'startedAt', 'state', 'total'];

/** A 400 problem+json whose `errors: [{path, message}]` holds a path matching each pattern. */
function expectValidation(res: Response, paths: RegExp[], label: string): { path: string; message: string }[] {
  expect({ label, status: res.status, contentType: res.headers['content-type'] }).toEqual({
    label,
    status: 400,
    contentType: expect.stringMatching(/^application\/problem\+json(;|$)/),
  });
  expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) });
  const errors = res.body.errors as { path: string; message: string }[];
  expect({ label, isArray: Array.isArray(errors), length: errors?.length > 0 }).toEqual({ label, isArray: true, length: true });
  for (const e of errors) expect(e).toEqual({ path: expect.any(String), message: expect.any(String) });
  for (const pattern of paths) {
    expect({ label, pattern: String(pattern), found: errors.some((e) => pattern.test(e.path)), errors }).toEqual({
      label,
      pattern: String(pattern),
      found: true,
      errors,
    });
  }
  return errors;
}

/** The `rematch` block: a state of the documented life cycle, counters and nullable times. */
function expectRematchShape(rematch: Record<string, unknown>): void {
  expect(Object.keys(rematch).sort()).toEqual(REMATCH_FIELDS);
  expect(['pending', 'running', 'done', 'failed']).toContain(rematch.state);
  expect(typeof rematch.done).toBe('number');
  expect(typeof rematch.total === 'number' || rematch.total === null).toBe(true);
  for (const field of ['startedAt', 'finishedAt'] as const) {
    expect(rematch[field] === null || (typeof rematch[field] === 'string' && ISO_UTC.test(rematch[field]))).toBe(true);
  }
}

describe('objectives (SPEC §2, docs/alignment.md)', () => {
  let t: TestApp;
  let net: string;
  let net2: string;
  let p: string;
  const okey = (suffix: string) => `${p}.${suffix}`;
  const auth = (apiKey = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${apiKey}` });

  const put = (key: string, body: unknown, apiKey = TEST_ADMIN_KEY) =>
    t
      .http()
      .put(`/v1/objectives/${encodeURIComponent(key)}`)
      .set(auth(apiKey))
      .send(body as object);
  const get = (key: string, apiKey = TEST_ADMIN_KEY) =>
    t
      .http()
      .get(`/v1/objectives/${encodeURIComponent(key)}`)
      .set(auth(apiKey));
  const del = (key: string, apiKey = TEST_ADMIN_KEY) =>
    t
      .http()
      .delete(`/v1/objectives/${encodeURIComponent(key)}`)
      .set(auth(apiKey));

  async function createKey(role: string, networks?: string[]): Promise<string> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(auth())
      .send({ name: `objectives ${role}`, role, ...(networks ? { networks } : {}) });
    expect(res.status).toBe(201);
    return res.body.secret as string;
  }

  /** Every objective the key can list, following nextCursor. */
  async function listAll(apiKey = TEST_ADMIN_KEY): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response = await t
        .http()
        .get('/v1/objectives')
        .query({ limit: 1000, ...(cursor ? { cursor } : {}) })
        .set(auth(apiKey));
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
      expect(Array.isArray(res.body.items)).toBe(true);
      expect(res.body.nextCursor === null || typeof res.body.nextCursor === 'string').toBe(true);
      out.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return out;
  }

  const valid = () => ({
    name: 'Cybersécurité',
    networks: [net],
    keywords: [
      { term: 'cybersécurité', weight: 2 },
      { term: 'mot de passe', weight: 1 },
    ],
  });

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    net2 = await newNetwork(t);
    p = uniqueKey('obj');
  });
  afterAll(() => t.close());

  describe('PUT, GET, DELETE', () => {
    it('PUT creates (201) with the objective as GET shows it, then replaces (200)', async () => {
      const key = okey('cyber');
      const created = await put(key, { ...valid(), active: true });
      expect(created.status).toBe(201);
      expect(created.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(created.body).sort()).toEqual(OBJECTIVE_FIELDS);
      expect(created.body).toEqual({
        key,
        name: 'Cybersécurité',
        active: true,
        networks: [net],
        keywords: [
          { term: 'cybersécurité', weight: 2 },
          { term: 'mot de passe', weight: 1 },
        ], // in the order declared, spelled as declared
        createdAt: expect.stringMatching(ISO_UTC),
        updatedAt: expect.stringMatching(ISO_UTC),
        rematch: expect.any(Object),
      });
      expectRematchShape(created.body.rematch);

      const read = await get(key);
      expect(read.status).toBe(200);
      expect(Object.keys(read.body).sort()).toEqual(OBJECTIVE_FIELDS);
      expect(read.body).toEqual({ ...created.body, rematch: expect.any(Object) });
      expectRematchShape(read.body.rematch);

      const replaced = await put(key, { name: 'Cyber 2', active: false, networks: [net, net2], keywords: [{ term: 'phishing', weight: 0.5 }] });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toEqual({
        key,
        name: 'Cyber 2',
        active: false,
        networks: [net, net2],
        keywords: [{ term: 'phishing', weight: 0.5 }],
        createdAt: created.body.createdAt, // replacing keeps the creation time
        updatedAt: expect.stringMatching(ISO_UTC),
        rematch: expect.any(Object),
      });
      expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));
      expectRematchShape(replaced.body.rematch);
      const again = await get(key);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...replaced.body, rematch: expect.any(Object) });
    });

    it('active defaults to true; a weight of exactly 1000 and a 200-character term are accepted', async () => {
      const key = okey('defaults');
      const term = 'a'.repeat(200);
      const res = await put(key, { name: 'Defaults', networks: [net], keywords: [{ term, weight: 1000 }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ key, active: true, networks: [net], keywords: [{ term, weight: 1000 }] });
    });

    it('a key of 200 characters of A–Z a–z 0–9 . _ - is accepted', async () => {
      const base = `${p}.Key_OK-`;
      const key = base + 'x'.repeat(200 - base.length);
      expect(key.length).toBe(200);
      const res = await put(key, valid());
      expect(res.status).toBe(201);
      expect(res.body.key).toBe(key);
      expect((await get(key)).status).toBe(200);
    });

    it('GET and DELETE of an unknown key answer 404 problem+json', async () => {
      expectProblem(await get(okey('never-created')), 404);
      expectProblem(await del(okey('never-created')), 404);
    });

    it('DELETE answers 204 with no body; then GET is 404 and a second DELETE is 404', async () => {
      const key = okey('to-delete');
      expect((await put(key, valid())).status).toBe(201);
      const res = await del(key);
      expect(res.status).toBe(204);
      expect(res.text ?? '').toBe('');
      expectProblem(await get(key), 404);
      expectProblem(await del(key), 404);
      // the key can be created again afterwards
      expect((await put(key, valid())).status).toBe(201);
    });

    it('GET /v1/objectives lists objectives with their full view, paginated', async () => {
      const key = okey('listed');
      const created = await put(key, valid());
      expect(created.status).toBe(201);
      const all = await listAll();
      const mine = all.find((o) => o.key === key);
      expect(mine).toEqual({ ...created.body, rematch: expect.any(Object) });
      expectRematchShape(mine!.rematch as Record<string, unknown>);
      // limit / cursor walk through the list one at a time without repeats
      const first = await t.http().get('/v1/objectives').query({ limit: 1 }).set(auth());
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(typeof first.body.nextCursor).toBe('string'); // this file alone created several objectives
      const second = await t.http().get('/v1/objectives').query({ limit: 1, cursor: first.body.nextCursor }).set(auth());
      expect(second.status).toBe(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].key).not.toBe(first.body.items[0].key);
    });

    it('networks absent: the objective applies to every network (networks: null); deleted at once', async () => {
      const key = okey('everywhere');
      // a term no fixture text contains, so that even while it exists it matches nothing elsewhere
      const res = await put(key, { name: 'Everywhere', keywords: [{ term: 'zqxjkvabsentnetworks', weight: 1 }] });
      try {
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ key, networks: null, active: true });
        const nullNetworks = await put(key, { name: 'Everywhere', networks: null, keywords: [{ term: 'zqxjkvabsentnetworks', weight: 1 }] });
        expect(nullNetworks.status).toBe(200);
        expect(nullNetworks.body.networks).toBeNull();
      } finally {
        expect((await del(key)).status).toBe(204);
      }
    });
  });

  describe('validation: 400 problem+json with errors[{path, message}], nothing stored', () => {
    const cases: [string, (v: ReturnType<typeof valid>) => unknown, RegExp[]][] = [
      ['an empty keyword list', (v) => ({ ...v, keywords: [] }), [/^keywords/]],
      ['no keywords at all', (v) => ({ name: v.name, networks: v.networks }), [/^keywords/]],
      ['a term that normalises to no token ("---")', (v) => ({ ...v, keywords: [{ term: '---', weight: 1 }] }), [/^keywords\[0\]\.term$/]],
      ['an empty term', (v) => ({ ...v, keywords: [{ term: '', weight: 1 }] }), [/^keywords\[0\]\.term$/]],
      ['a term over 200 characters', (v) => ({ ...v, keywords: [{ term: 'a'.repeat(201), weight: 1 }] }), [/^keywords\[0\]\.term$/]],
      ['weight 0', (v) => ({ ...v, keywords: [{ term: 'vpn', weight: 0 }] }), [/^keywords\[0\]\.weight$/]],
      ['weight -1', (v) => ({ ...v, keywords: [{ term: 'vpn', weight: -1 }] }), [/^keywords\[0\]\.weight$/]],
      ['weight over 1000', (v) => ({ ...v, keywords: [{ term: 'vpn', weight: 1000.5 }] }), [/^keywords\[0\]\.weight$/]],
      ['a weight given as a string', (v) => ({ ...v, keywords: [{ term: 'vpn', weight: '2' }] }), [/^keywords\[0\]\.weight$/]],
      ['a missing weight (second keyword)', (v) => ({ ...v, keywords: [{ term: 'vpn', weight: 1 }, { term: 'wifi' }] }), [/^keywords\[1\]\.weight$/]],
      ['an unknown field in a keyword', (v) => ({ ...v, keywords: [{ term: 'vpn', weight: 1, colour: 'red' }] }), [/^keywords\[0\]\.colour$/]],
      ['an unknown network key', (v) => ({ ...v, networks: [v.networks[0], uniqueKey('no-such-network')] }), [/^networks/]],
      ['networks: []', (v) => ({ ...v, networks: [] }), [/^networks/]],
      ['a repeated network', (v) => ({ ...v, networks: [v.networks[0], v.networks[0]] }), [/^networks/]],
      ['networks not an array', (v) => ({ ...v, networks: v.networks[0] }), [/^networks/]],
      ['an unknown field', (v) => ({ ...v, colour: 'blue' }), [/^colour$/]],
      ['a blank name', (v) => ({ ...v, name: '   ' }), [/^name$/]],
      ['an empty name', (v) => ({ ...v, name: '' }), [/^name$/]],
      ['a missing name', (v) => ({ keywords: v.keywords, networks: v.networks }), [/^name$/]],
      ['a name over 500 characters', (v) => ({ ...v, name: 'n'.repeat(501) }), [/^name$/]],
      ['active not a boolean', (v) => ({ ...v, active: 'yes' }), [/^active$/]],
    ];

    it.each(cases)('%s', async (label, build, paths) => {
      const key = okey(`invalid-${cases.findIndex((c) => c[0] === label)}`);
      expectValidation(await put(key, build(valid())), paths, label);
      expectProblem(await get(key), 404); // nothing was created
    });

    it('two terms with the same normalised tokens ("Réseaux" and "reseau") are duplicates naming both positions', async () => {
      const key = okey('dup');
      const res = await put(key, {
        ...valid(),
        keywords: [
          { term: 'Réseaux', weight: 1 },
          { term: 'reseau', weight: 2 },
        ],
      });
      const errors = expectValidation(res, [/^keywords/], 'duplicate terms');
      const text = JSON.stringify(errors);
      expect(text).toContain('keywords[0]');
      expect(text).toContain('keywords[1]');
      expectProblem(await get(key), 404);
    });

    it('duplicates are found whatever the distance between them ("Mot de passe" at 0, "mots-de-passe" at 2)', async () => {
      const key = okey('dup2');
      // "Mot de passe" → mot de passe; "mots-de-passe" → mot (plural rule) de passe
      const res = await put(key, {
        ...valid(),
        keywords: [
          { term: 'Mot de passe', weight: 1 },
          { term: 'vpn', weight: 1 },
          { term: 'mots-de-passe', weight: 1 },
        ],
      });
      const errors = expectValidation(res, [/^keywords/], 'distant duplicates');
      const text = JSON.stringify(errors);
      expect(text).toContain('keywords[0]');
      expect(text).toContain('keywords[2]');
    });

    it('a key outside A–Z a–z 0–9 . _ - or over 200 characters is a 400', async () => {
      expectProblem(await put(`${p}.bad key!`, valid()), 400);
      expectProblem(await put(`${p}.é`, valid()), 400);
      expectProblem(await put(`${p}.`.padEnd(201, 'x'), valid()), 400);
    });

    it('an invalid replacement leaves the stored objective as it was', async () => {
      const key = okey('kept');
      const created = await put(key, valid());
      expect(created.status).toBe(201);
      expectValidation(await put(key, { ...valid(), name: 'Changed', keywords: [{ term: 'vpn', weight: 0 }] }), [/^keywords\[0\]\.weight$/], 'invalid replace');
      const read = await get(key);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ name: 'Cybersécurité', keywords: valid().keywords, updatedAt: created.body.updatedAt });
    });
  });

  describe('roles', () => {
    let existing: string;

    beforeAll(async () => {
      existing = okey('roles-existing');
      expect((await put(existing, valid())).status).toBe(201);
    });

    it.each(['integrator', 'hr'])('a %s key gets 403 on every objectives route', async (role) => {
      const secret = await createKey(role);
      expectProblem(await put(okey(`by-${role}`), valid(), secret), 403);
      expectProblem(await get(existing, secret), 403);
      expectProblem(await t.http().get('/v1/objectives').set(auth(secret)), 403);
      expectProblem(await del(existing, secret), 403);
      expect((await get(existing)).status).toBe(200); // still there
      expectProblem(await get(okey(`by-${role}`)), 404); // never created
    });

    it('no key: 401', async () => {
      expectProblem(await t.http().get(`/v1/objectives/${existing}`), 401);
      expectProblem(
        await t
          .http()
          .put(`/v1/objectives/${okey('anon')}`)
          .send(valid()),
        401,
      );
    });

    it('a cno key may create, replace, read, list and delete', async () => {
      const secret = await createKey('cno');
      const key = okey('by-cno');
      expect((await put(key, valid(), secret)).status).toBe(201);
      expect((await put(key, { ...valid(), name: 'Renamed' }, secret)).status).toBe(200);
      const read = await get(key, secret);
      expect(read.status).toBe(200);
      expect(read.body.name).toBe('Renamed');
      expect((await listAll(secret)).some((o) => o.key === key)).toBe(true);
      expect((await del(key, secret)).status).toBe(204);
    });

    it('a cno key limited to networks manages only objectives within them', async () => {
      const scoped = await createKey('cno', [net]);
      const inside = okey('scoped-inside');
      const outside = okey('scoped-outside');
      const mixed = okey('scoped-mixed');
      expect((await put(inside, valid(), scoped)).status).toBe(201);
      expect((await put(outside, { ...valid(), networks: [net2] })).status).toBe(201); // by admin

      // create or replace an objective whose networks are not all within its own: 403
      expectProblem(await put(mixed, { ...valid(), networks: [net, net2] }, scoped), 403);
      expectProblem(await put(outside, { ...valid(), networks: [net2] }, scoped), 403);
      // an objective for every network needs an unscoped key
      expectProblem(await put(okey('scoped-everywhere'), { name: 'x', keywords: [{ term: 'zqxjkvabsentnetworks', weight: 1 }] }, scoped), 403);
      expectProblem(await get(okey('scoped-everywhere')), 404);
      expectProblem(await get(mixed), 404);

      // reads only the objectives applying to its networks
      expect((await get(inside, scoped)).status).toBe(200);
      const hidden = await get(outside, scoped);
      expect([403, 404]).toContain(hidden.status);
      expectProblem(hidden, hidden.status);
      const listed = (await listAll(scoped)).map((o) => o.key);
      expect(listed).toContain(inside);
      expect(listed).not.toContain(outside);
      for (const o of await listAll(scoped)) {
        expect(o.networks === null || (o.networks as string[]).includes(net)).toBe(true);
      }

      // and deletes only those
      const refused = await del(outside, scoped);
      expect([403, 404]).toContain(refused.status);
      expect((await get(outside)).status).toBe(200);
      expect((await del(inside, scoped)).status).toBe(204);
      expect((await del(outside)).status).toBe(204);
    });
  });
});
