import type { Response } from 'supertest';
import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * Roles and network scopes (SPEC §4, README "Security"):
 * - POST /v1/networks/{key}/people-index is for cno and admin keys only;
 * - a key limited to networks sees, in an objective's `networks`, only those networks;
 * - an objective the key cannot see is a 404 to GET, PUT and DELETE; one it sees but whose networks
 *   are not all within its scope, or a PUT asking for networks outside it, is a 403;
 * - a key cannot be limited to a network that does not exist.
 */

describe('roles and network scopes', () => {
  let t: TestApp;
  const admin = `Bearer ${TEST_ADMIN_KEY}`;
  let experts: string;
  let rse: string;

  async function newKey(role: string, networks?: string[]): Promise<string> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set('Authorization', admin)
      .send({ name: `scope-rules ${role} ${uniqueKey('k')}`, role, ...(networks ? { networks } : {}) });
    if (res.status !== 201) throw new Error(`cannot create key: ${res.status} ${JSON.stringify(res.body)}`);
    return `Bearer ${res.body.secret}`;
  }

  beforeAll(async () => {
    t = await startTestApp();
    experts = await newNetwork(t);
    rse = await newNetwork(t);
    const m = uniqueKey('m');
    expect((await ingest(t, experts, [newMember(m), newActivity('a1', 'post', m, '2026-03-02T10:00:00Z', { text: 'hello' })])).body.rejected).toEqual([]);
  });
  afterAll(() => t.close());

  describe('POST /v1/networks/{key}/people-index', () => {
    it('hr keys get 403, scoped or not; cno keys in scope and admin keys run it', async () => {
      expectProblem(
        await t
          .http()
          .post(`/v1/networks/${experts}/people-index`)
          .set('Authorization', await newKey('hr')),
        403,
      );
      expectProblem(
        await t
          .http()
          .post(`/v1/networks/${experts}/people-index`)
          .set('Authorization', await newKey('hr', [experts])),
        403,
      );
      expect(
        (
          await t
            .http()
            .post(`/v1/networks/${experts}/people-index`)
            .set('Authorization', await newKey('cno', [experts]))
        ).status,
      ).toBe(200);
      expect(
        (
          await t
            .http()
            .post(`/v1/networks/${experts}/people-index`)
            .set('Authorization', await newKey('cno'))
        ).status,
      ).toBe(200);
      expect((await t.http().post(`/v1/networks/${experts}/people-index`).set('Authorization', admin)).status).toBe(200);
    });
  });

  describe('objectives', () => {
    const p = uniqueKey('o');
    const body = (networks?: string[]) => ({ name: 'Scope', keywords: [{ term: 'scope', weight: 1 }], ...(networks ? { networks } : {}) });
    const put = (key: string, networks: string[] | undefined, auth: string) =>
      t.http().put(`/v1/objectives/${key}`).set('Authorization', auth).send(body(networks));
    const get = (key: string, auth: string) => t.http().get(`/v1/objectives/${key}`).set('Authorization', auth);
    const del = (key: string, auth: string) => t.http().delete(`/v1/objectives/${key}`).set('Authorization', auth);
    async function listAll(auth: string): Promise<{ key: string; networks: string[] | null }[]> {
      const out: { key: string; networks: string[] | null }[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await t
          .http()
          .get('/v1/objectives')
          .query({ limit: 1000, ...(cursor ? { cursor } : {}) })
          .set('Authorization', auth);
        expect(res.status).toBe(200);
        out.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor !== null);
      return out.filter((o) => o.key.startsWith(p));
    }
    const [both, rseOnly, everywhere, mine] = ['both', 'rse', 'all', 'mine'].map((x) => `${p}-${x}`);
    let scoped: string;

    beforeAll(async () => {
      expect((await put(both, [experts, rse], admin)).status).toBe(201);
      expect((await put(rseOnly, [rse], admin)).status).toBe(201);
      expect((await put(everywhere, undefined, admin)).status).toBe(201);
      scoped = await newKey('cno', [experts]);
    });

    it('a key limited to networks sees only its networks in `networks` (GET, list, PUT answer); other keys see them all', async () => {
      expect((await get(both, scoped)).body.networks).toEqual([experts]);
      expect((await get(everywhere, scoped)).body.networks).toBeNull();
      expect(await listAll(scoped)).toEqual([
        expect.objectContaining({ key: both, networks: [experts] }),
        expect.objectContaining({ key: everywhere, networks: null }),
      ]);
      const created = await put(mine, [experts], scoped);
      expect(created.status).toBe(201);
      expect(created.body.networks).toEqual([experts]);
      expect((await get(both, await newKey('cno'))).body.networks).toEqual([experts, rse].sort());
      expect((await get(both, admin)).body.networks).toEqual([experts, rse].sort());
      expect((await del(mine, scoped)).status).toBe(204);
    });

    it('an objective the key cannot see is a 404 to GET, PUT and DELETE, and is left unchanged', async () => {
      const before = (await get(rseOnly, admin)).body;
      expectProblem(await get(rseOnly, scoped), 404);
      expectProblem(await put(rseOnly, [experts], scoped), 404);
      expectProblem(await del(rseOnly, scoped), 404);
      expect((await get(rseOnly, admin)).body).toEqual(before);
    });

    it('an objective the key sees but whose networks are not all its own is a 403 to PUT and DELETE', async () => {
      const before = (await get(both, admin)).body;
      expectProblem(await put(both, [experts], scoped), 403);
      expectProblem(await del(both, scoped), 403);
      expectProblem(await put(everywhere, [experts], scoped), 403);
      expectProblem(await del(everywhere, scoped), 403);
      expect((await get(both, admin)).body).toEqual(before);
    });

    it("a PUT asking for networks outside the key's scope (or for every network) is a 403, whether the objective exists or not", async () => {
      expectProblem(await put(`${p}-new`, [rse], scoped), 403);
      expectProblem(await put(`${p}-new`, undefined, scoped), 403);
      expectProblem(await put(rseOnly, [rse], scoped), 403);
      expectProblem(await get(`${p}-new`, admin), 404);
    });
  });

  describe('POST /v1/api-keys', () => {
    it('refuses networks that do not exist with a 400 naming them; nothing is created', async () => {
      const ghosts = [uniqueKey('ghost'), uniqueKey('ghost')];
      const name = `ghost ${uniqueKey('k')}`;
      const res = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', admin)
        .send({ name, role: 'cno', networks: [experts, ghosts[0], rse, ghosts[1]] });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([
        { path: 'networks[1]', message: `network "${ghosts[0]}" does not exist` },
        { path: 'networks[3]', message: `network "${ghosts[1]}" does not exist` },
      ]);
      expect(await t.db.query(`SELECT id FROM api_keys WHERE name = $1`, [name])).toEqual([]);
      // once the network exists, the same key may be created
      await newNetwork(t, { key: ghosts[0] });
      await newNetwork(t, { key: ghosts[1] });
      const ok = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', admin)
        .send({ name, role: 'cno', networks: [experts, ghosts[0], rse, ghosts[1]] });
      expect(ok.status).toBe(201);
      expect(ok.body.networks).toEqual([experts, ghosts[0], rse, ghosts[1]]);
    });
  });
});
