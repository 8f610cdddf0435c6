import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/** API keys (SPEC §4): the secret is shown once, only its SHA-256 is stored, every change is audited. */

const VIEW_FIELDS = ['createdAt', 'id', 'keyPrefix', 'name', 'networks', 'revokedAt', 'role'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('API keys', () => {
  let t: TestApp;
  const admin = () => `Bearer ${TEST_ADMIN_KEY}`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  function create(body: object, authorization = admin()) {
    return t.http().post('/v1/api-keys').set('Authorization', authorization).send(body);
  }

  async function createOk(
    body: { name: string; role: string; networks?: string[] },
    authorization = admin(),
  ): Promise<{ id: string; secret: string } & Record<string, unknown>> {
    const res = await create(body, authorization);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function auditRows(target: string): Promise<{ actor: string; action: string; target: string; details: unknown; request_id: string | null }[]> {
    return t.db.query(`SELECT actor, action, target, details, request_id FROM audit_log WHERE target = $1 ORDER BY id`, [target]);
  }

  describe('create', () => {
    it('returns 201 with the view fields and the secret, once', async () => {
      const name = `create ${uniqueKey('k')}`;
      const res = await create({ name, role: 'integrator' });
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual([...VIEW_FIELDS, 'secret'].sort());
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        name,
        role: 'integrator',
        networks: null,
        keyPrefix: expect.any(String),
        createdAt: expect.stringMatching(ISO_UTC),
        revokedAt: null,
        secret: expect.any(String),
      });
      expect(res.body.secret.length).toBeGreaterThanOrEqual(32);
      expect(res.body.secret.startsWith(res.body.keyPrefix)).toBe(true);
      expect(res.body.keyPrefix.length).toBeLessThan(res.body.secret.length / 2);
      // the secret works
      expect((await t.http().get('/v1/networks').set('Authorization', `Bearer ${res.body.secret}`)).status).toBe(200);
    });

    it('keeps the network list, and each key gets a distinct secret', async () => {
      const a = await newNetwork(t);
      const b = await newNetwork(t);
      const one = await createOk({ name: 'scoped', role: 'cno', networks: [a, b] });
      const two = await createOk({ name: 'scoped', role: 'cno', networks: [a, b] });
      expect(one.networks).toEqual([a, b]);
      expect(one.id).not.toBe(two.id);
      expect(one.secret).not.toBe(two.secret);
      expect((await t.http().get(`/v1/api-keys/${one.id}`).set('Authorization', admin())).body.networks).toEqual([a, b]);
    });

    it.each(['admin', 'integrator', 'cno', 'hr'])('accepts role %s', async (role) => {
      const key = await createOk({ name: `role ${role}`, role });
      expect(key.role).toBe(role);
    });
  });

  describe('secrets never leave the service again', () => {
    it('GET list and GET :id show neither the secret nor its hash', async () => {
      const key = await createOk({ name: `no-leak ${uniqueKey('k')}`, role: 'hr' });
      const hash = sha256(key.secret);

      const one = await t.http().get(`/v1/api-keys/${key.id}`).set('Authorization', admin());
      expect(one.status).toBe(200);
      expect(Object.keys(one.body).sort()).toEqual(VIEW_FIELDS);
      const { secret: _secret, ...view } = key;
      expect(one.body).toEqual(view);
      expect(one.text).not.toContain(key.secret);
      expect(one.text).not.toContain(hash);

      let cursor: string | null = null;
      let found = false;
      do {
        const page: Response = await t
          .http()
          .get('/v1/api-keys')
          .query({ limit: 1000, ...(cursor ? { cursor } : {}) })
          .set('Authorization', admin());
        expect(page.status).toBe(200);
        expect(Object.keys(page.body).sort()).toEqual(['items', 'nextCursor']);
        for (const item of page.body.items) {
          expect(Object.keys(item).sort()).toEqual(VIEW_FIELDS);
          expect(JSON.stringify(item)).not.toMatch(/[0-9a-f]{64}/); // no hash of any key
          if (item.id === key.id) found = true;
        }
        expect(page.text).not.toContain(key.secret);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(found).toBe(true);
    });

    it('the database stores sha256(secret) as key_hash and never the secret', async () => {
      const key = await createOk({ name: `stored ${uniqueKey('k')}`, role: 'integrator' });
      const rows = await t.db.query(`SELECT * FROM api_keys WHERE id = $1`, [key.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].key_hash).toBe(sha256(key.secret));
      expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
      for (const [column, value] of Object.entries(rows[0] as Record<string, unknown>)) {
        expect({ column, holdsSecret: JSON.stringify(value ?? null).includes(key.secret) }).toEqual({ column, holdsSecret: false });
      }
      // nowhere in the key table nor the audit log, whatever the column
      const [{ n }] = await t.db.query(
        `SELECT (SELECT count(*) FROM api_keys k WHERE strpos(k::text, $1) > 0) + (SELECT count(*) FROM audit_log a WHERE strpos(a::text, $1) > 0) AS n`,
        [key.secret],
      );
      expect(Number(n)).toBe(0);
      // nor its hash in the audit log
      const [{ h }] = await t.db.query(`SELECT count(*) AS h FROM audit_log a WHERE strpos(a::text, $1) > 0`, [sha256(key.secret)]);
      expect(Number(h)).toBe(0);
    });
  });

  describe('validation', () => {
    it.each([
      ['unknown role', 'role', { role: 'superuser' }],
      ['unknown field', 'scopes', { role: 'cno', scopes: ['all'] }],
      ['network key with capitals and spaces', 'networks', { role: 'cno', networks: ['Bad Key'] }],
      ['network key with a slash', 'networks', { role: 'cno', networks: ['a/b'] }],
      ['network key too long', 'networks', { role: 'cno', networks: ['a'.repeat(65)] }],
      ['networks not an array', 'networks', { role: 'cno', networks: 'rse-france' }],
      ['duplicate networks', 'networks', { role: 'cno', networks: ['a', 'a'] }],
      ['empty name', 'name', { role: 'cno', name: '' }],
      ['name too long', 'name', { role: 'cno', name: 'x'.repeat(201) }],
      ['name not a string', 'name', { role: 'cno', name: 42 }],
      ['missing role', 'role', { role: undefined }],
      ['missing name', 'name', { role: 'cno', name: undefined }],
    ])('%s → 400 problem+json with an error on %s, nothing stored', async (_, path, override) => {
      const name = `invalid ${uniqueKey('k')}`;
      const res = await create({ name, ...override });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([{ path: expect.stringMatching(new RegExp(`^${path}`)), message: expect.any(String) }]));
      for (const e of res.body.errors) expect(e).toEqual({ path: expect.any(String), message: expect.any(String) });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_keys WHERE name = $1`, [name]);
      expect(n).toBe(0);
    });

    it('an unknown field is named as such', async () => {
      const res = await create({ name: 'x', role: 'cno', scopes: ['all'] });
      expectProblem(res, 400);
      expect(res.body.errors).toContainEqual({ path: 'scopes', message: expect.stringMatching(/not a known field/) });
    });

    it('malformed JSON → 400 problem+json', async () => {
      const res = await t.http().post('/v1/api-keys').set('Authorization', admin()).set('Content-Type', 'application/json').send('{"name": "x", "role":');
      expectProblem(res, 400);
    });

    it('a JSON array or a bare value instead of an object → 400', async () => {
      expectProblem(await create([{ name: 'x', role: 'cno' }]), 400);
      const bare = await t.http().post('/v1/api-keys').set('Authorization', admin()).set('Content-Type', 'application/json').send('"cno"');
      expectProblem(bare, 400);
    });
  });

  describe('read and revoke', () => {
    it('GET unknown uuid → 404, GET non-uuid → 400', async () => {
      expectProblem(await t.http().get(`/v1/api-keys/${randomUUID()}`).set('Authorization', admin()), 404);
      expectProblem(await t.http().get('/v1/api-keys/not-a-uuid').set('Authorization', admin()), 400);
    });

    it('DELETE unknown uuid → 404 and no audit entry; DELETE non-uuid → 400', async () => {
      const id = randomUUID();
      expectProblem(await t.http().delete(`/v1/api-keys/${id}`).set('Authorization', admin()), 404);
      expect(await auditRows(id)).toEqual([]);
      expectProblem(await t.http().delete('/v1/api-keys/not-a-uuid').set('Authorization', admin()), 400);
      expectProblem(await t.http().delete('/v1/api-keys/1').set('Authorization', admin()), 400);
    });

    it('revoking twice → 204 both times; revokedAt is set once; the key stops working', async () => {
      const key = await createOk({ name: `revoke ${uniqueKey('k')}`, role: 'cno' });
      const first = await t.http().delete(`/v1/api-keys/${key.id}`).set('Authorization', admin());
      expect(first.status).toBe(204);
      expect(first.text).toBe('');
      const afterFirst = await t.http().get(`/v1/api-keys/${key.id}`).set('Authorization', admin());
      expect(afterFirst.body.revokedAt).toMatch(ISO_UTC);
      expect(Date.parse(afterFirst.body.revokedAt)).toBeGreaterThanOrEqual(Date.parse(afterFirst.body.createdAt));

      const second = await t.http().delete(`/v1/api-keys/${key.id}`).set('Authorization', admin());
      expect(second.status).toBe(204);
      const afterSecond = await t.http().get(`/v1/api-keys/${key.id}`).set('Authorization', admin());
      expect(afterSecond.body).toEqual(afterFirst.body);

      expectProblem(await t.http().get('/v1/networks').set('Authorization', `Bearer ${key.secret}`), 401);
      expect((await auditRows(key.id)).map((r) => r.action)).toEqual(['api-key.create', 'api-key.revoke']);
    });

    it('a revoked key is still listed (with revokedAt)', async () => {
      const key = await createOk({ name: `listed ${uniqueKey('k')}`, role: 'cno' });
      expect((await t.http().delete(`/v1/api-keys/${key.id}`).set('Authorization', admin())).status).toBe(204);
      const seen = await walk(1000);
      const item = seen.find((k) => k.id === key.id);
      expect(item).toMatchObject({ id: key.id, revokedAt: expect.stringMatching(ISO_UTC) });
    });
  });

  describe('audit log', () => {
    it('create and revoke by the bootstrap admin: one row each, actor bootstrap-admin', async () => {
      const key = await createOk({ name: `audited ${uniqueKey('k')}`, role: 'hr' });
      expect(await auditRows(key.id)).toEqual([
        { actor: 'bootstrap-admin', action: 'api-key.create', target: key.id, details: expect.anything(), request_id: expect.any(String) },
      ]);
      expect((await t.http().delete(`/v1/api-keys/${key.id}`).set('Authorization', admin())).status).toBe(204);
      const rows = await auditRows(key.id);
      expect(rows.map((r) => [r.actor, r.action])).toEqual([
        ['bootstrap-admin', 'api-key.create'],
        ['bootstrap-admin', 'api-key.revoke'],
      ]);
      const [{ created_by }] = await t.db.query(`SELECT created_by FROM api_keys WHERE id = $1`, [key.id]);
      expect(created_by).toBe('bootstrap-admin');
    });

    it("create and revoke by a created admin key: actor is that key id; the request id is the service's, the caller's kept beside it", async () => {
      const actor = await createOk({ name: `actor ${uniqueKey('k')}`, role: 'admin' });
      const requestId = `req-${uniqueKey('r')}`;
      const res = await create({ name: `by actor ${uniqueKey('k')}`, role: 'integrator' }, `Bearer ${actor.secret}`).set('X-Request-Id', requestId);
      expect(res.status).toBe(201);
      const target = res.body.id as string;
      expect(await auditRows(target)).toEqual([
        {
          actor: actor.id,
          action: 'api-key.create',
          target,
          details: expect.objectContaining({ clientRequestId: requestId }),
          request_id: res.headers['x-request-id'],
        },
      ]);
      const [{ created_by }] = await t.db.query(`SELECT created_by FROM api_keys WHERE id = $1`, [target]);
      expect(created_by).toBe(actor.id);

      expect((await t.http().delete(`/v1/api-keys/${target}`).set('Authorization', `Bearer ${actor.secret}`)).status).toBe(204);
      expect((await auditRows(target)).map((r) => [r.actor, r.action])).toEqual([
        [actor.id, 'api-key.create'],
        [actor.id, 'api-key.revoke'],
      ]);
    });

    it('refused requests (validation, 404, wrong role) write no audit row', async () => {
      const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM audit_log WHERE action LIKE 'api-key.%' AND details->>'name' = $1`, [
        'never-audited',
      ]);
      expect(before).toBe(0);
      expectProblem(await create({ name: 'never-audited', role: 'nope' }), 400);
      const cno = await createOk({ name: `cno ${uniqueKey('k')}`, role: 'cno' });
      expectProblem(await create({ name: 'never-audited', role: 'cno' }, `Bearer ${cno.secret}`), 403);
      const [{ after }] = await t.db.query(`SELECT count(*)::int AS after FROM audit_log WHERE action LIKE 'api-key.%' AND details->>'name' = $1`, [
        'never-audited',
      ]);
      expect(after).toBe(0);
      expectProblem(await t.http().delete(`/v1/api-keys/${cno.id}`).set('Authorization', `Bearer ${cno.secret}`), 403);
      expect((await auditRows(cno.id)).map((r) => r.action)).toEqual(['api-key.create']);
    });
  });

  async function walk(limit: number): Promise<{ id: string; revokedAt: string | null; createdAt: string }[]> {
    const seen: { id: string; revokedAt: string | null; createdAt: string }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; ; pages++) {
      const res: Response = await t
        .http()
        .get('/v1/api-keys')
        .query({ limit, ...(cursor ? { cursor } : {}) })
        .set('Authorization', admin());
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (cursor === null) break;
      expect(res.body.items).toHaveLength(limit);
      if (pages > 100_000) throw new Error('pagination does not end');
    }
    return seen;
  }

  describe('pagination', () => {
    it('limit=1 walks every key once, in creation order, ending with nextCursor null', async () => {
      const mine: string[] = [];
      for (let i = 0; i < 3; i++) mine.push((await createOk({ name: `page ${i} ${uniqueKey('k')}`, role: 'cno' })).id);
      const seen = await walk(1);
      const ids = seen.map((k) => k.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
      // the same set as one big page
      const all = (await walk(1000)).map((k) => k.id);
      expect(all.filter((id) => mine.includes(id))).toEqual(mine);
      expect(ids.length).toBeLessThanOrEqual(all.length);
      for (const id of ids) expect(all).toContain(id);
      // ordered by creation time
      const times = seen.map((k) => Date.parse(k.createdAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });

    it('a decodable cursor far past the end is an empty last page or a 400, never a 500', async () => {
      for (const after of ['2147483648', '9223372036854775807', '9999999999999999999']) {
        const cursor = Buffer.from(JSON.stringify({ after })).toString('base64url');
        const res = await t.http().get('/v1/api-keys').query({ cursor }).set('Authorization', admin());
        if (res.status === 400) expectProblem(res, 400);
        else expect({ after, status: res.status, body: res.body }).toEqual({ after, status: 200, body: { items: [], nextCursor: null } });
      }
    });

    it.each([
      ['limit=0', { limit: '0' }],
      ['limit=1001', { limit: '1001' }],
      ['limit=abc', { limit: 'abc' }],
      ['limit=1.5', { limit: '1.5' }],
      ['forged cursor', { cursor: 'not-a-cursor' }],
      ['cursor of another shape', { cursor: Buffer.from(JSON.stringify({ after: 'abc' })).toString('base64url') }],
      ['unknown query parameter', { sort: 'name' }],
    ])('%s → 400 problem+json', async (_, query) => {
      const res = await t.http().get('/v1/api-keys').query(query).set('Authorization', admin());
      expectProblem(res, 400);
    });
  });
});
