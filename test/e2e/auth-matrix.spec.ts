import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ingest, newActivity, newGroup, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';
import { untilFirstEvent } from '../support/event-stream';

/**
 * The auth matrix (SPEC §1, §4): every /v1 route × every role × network scope, through HTTP on the
 * real application and database. The table below is the single source of truth for who may call
 * what; a test checks it against the OpenAPI document and the router, so a new route without a
 * row here fails the suite.
 */

type Role = 'admin' | 'integrator' | 'cno' | 'hr';
type Method = 'get' | 'post' | 'put' | 'delete';
const ROLES: Role[] = ['admin', 'integrator', 'cno', 'hr'];

/** What the rows need to build concrete, valid requests. */
interface Ctx {
  /** member known in both networks */
  member: string;
  /** id of an existing API key */
  keyId: string;
  /** network A, the one scoped keys may act on */
  network: string;
}

interface RouteRow {
  method: Method;
  /** OpenAPI path template */
  path: string;
  /** roles allowed besides being authenticated; admin is always allowed */
  allowed: Role[];
  /** the route carries a network key in its path, checked against the key's scope */
  networkScoped: boolean;
  /** values for path parameters other than {key} (which is the network); default: a fresh id */
  params?: Record<string, (c: Ctx) => string>;
  /** a valid body, so allowed calls do real work */
  body?: (c: Ctx) => unknown;
  /** a Server-Sent Events stream, which never ends: an allowed call is read until its first event, then closed */
  stream?: true;
}

const ANY_NETWORK_READER: Role[] = ['admin', 'integrator', 'cno', 'hr'];
const INGESTION: Role[] = ['admin', 'integrator'];
const ADMIN: Role[] = ['admin'];
const CNO: Role[] = ['admin', 'cno'];
const HR: Role[] = ['admin', 'hr'];
const CNO_HR: Role[] = ['admin', 'cno', 'hr'];

const MATRIX: RouteRow[] = [
  // governance
  { method: 'post', path: '/v1/api-keys', allowed: ADMIN, networkScoped: false, body: () => ({ name: `matrix ${uniqueKey('k')}`, role: 'cno' }) },
  { method: 'get', path: '/v1/api-keys', allowed: ADMIN, networkScoped: false },
  { method: 'get', path: '/v1/api-keys/{id}', allowed: ADMIN, networkScoped: false, params: { id: (c) => c.keyId } },
  // an unknown uuid: admins get 404, never revoking the keys this file works with
  { method: 'delete', path: '/v1/api-keys/{id}', allowed: ADMIN, networkScoped: false, params: { id: () => randomUUID() } },
  // networks
  { method: 'post', path: '/v1/networks', allowed: INGESTION, networkScoped: false, body: () => ({ key: uniqueKey('mx'), name: 'Matrix network' }) },
  { method: 'get', path: '/v1/networks', allowed: ANY_NETWORK_READER, networkScoped: false },
  { method: 'get', path: '/v1/networks/{key}', allowed: ANY_NETWORK_READER, networkScoped: true },
  // ingestion
  {
    method: 'post',
    path: '/v1/networks/{key}/events',
    allowed: INGESTION,
    networkScoped: true,
    body: (c) => [newMember(c.member, { displayName: 'Matrix member' })],
  },
  { method: 'put', path: '/v1/members/{externalId}', allowed: INGESTION, networkScoped: false, body: () => ({ displayName: 'Matrix member' }) },
  { method: 'get', path: '/v1/members/{externalId}', allowed: INGESTION, networkScoped: false, params: { externalId: (c) => c.member } },
  {
    method: 'put',
    path: '/v1/networks/{key}/groups/{externalId}',
    allowed: INGESTION,
    networkScoped: true,
    body: () => ({ name: 'Matrix group', visibility: 'public' }),
  },
  { method: 'get', path: '/v1/networks/{key}/groups', allowed: INGESTION, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/groups/{externalId}', allowed: INGESTION, networkScoped: true, params: { externalId: () => 'g1' } },
  {
    method: 'post',
    path: '/v1/networks/{key}/activities',
    allowed: INGESTION,
    networkScoped: true,
    body: (c) => ({ externalId: uniqueKey('a'), kind: 'post', author: c.member, occurredAt: '2026-03-02T10:15:00+01:00', text: 'matrix' }),
  },
  { method: 'delete', path: '/v1/networks/{key}/activities/{externalId}', allowed: INGESTION, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/activities', allowed: INGESTION, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/activities/{externalId}', allowed: INGESTION, networkScoped: true, params: { externalId: () => 'a1' } },
  { method: 'get', path: '/v1/networks/{key}/members', allowed: INGESTION, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/memberships', allowed: INGESTION, networkScoped: true },
  // indicators (SPEC §3): cno and admin
  { method: 'get', path: '/v1/networks/{key}/indicators/activity', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/indicators/engagement', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/indicators/responsiveness', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/questions/unanswered', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/indicators/concentration', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/indicators/diffusion', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/metrics', allowed: ANY_NETWORK_READER, networkScoped: false },
  { method: 'get', path: '/v1/networks/{key}/comparisons/groups', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/comparisons/leaders', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/comparisons/departments', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/comparisons/networks', allowed: CNO, networkScoped: false },
  { method: 'get', path: '/v1/networks/{key}/indicators/alignment', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/indicators/alignment/drift', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/indicators/adoption', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/emerging-topics', allowed: CNO, networkScoped: true },
  // health scorecard and its policy (SPEC §3.10): read and tuned by the CNO
  { method: 'get', path: '/v1/networks/{key}/health', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/health-policy', allowed: CNO, networkScoped: true },
  { method: 'put', path: '/v1/networks/{key}/health-policy', allowed: CNO, networkScoped: true, body: () => ({}) },
  // live stream (SPEC §3.11): Server-Sent Events, authorised like the indicators
  { method: 'get', path: '/v1/networks/{key}/live', allowed: CNO, networkScoped: true, stream: true },
  // business objectives (SPEC §2): cno and admin; keys limited to networks manage objectives of those networks only
  { method: 'get', path: '/v1/objectives', allowed: CNO, networkScoped: false },
  {
    method: 'put',
    path: '/v1/objectives/{key}',
    allowed: CNO,
    networkScoped: false,
    params: { key: () => uniqueKey('o') },
    body: (c) => ({ name: 'Matrix objective', keywords: [{ term: 'matrix', weight: 1 }], networks: [c.network] }),
  },
  { method: 'get', path: '/v1/objectives/{key}', allowed: CNO, networkScoped: false, params: { key: () => uniqueKey('o') } },
  { method: 'delete', path: '/v1/objectives/{key}', allowed: CNO, networkScoped: false, params: { key: () => uniqueKey('o') } },
  // people (SPEC §2 profile, §3.8): profiles are written by integrators (HR systems) and HR, read by HR
  {
    method: 'put',
    path: '/v1/members/{externalId}/profile',
    allowed: ['admin', 'integrator', 'hr'],
    networkScoped: false,
    params: { externalId: (c) => c.member },
    body: () => ({ interests: [{ topic: 'matrix' }] }),
  },
  { method: 'get', path: '/v1/members/{externalId}/profile', allowed: HR, networkScoped: false, params: { externalId: (c) => c.member } },
  { method: 'get', path: '/v1/members/{externalId}/profile/history', allowed: HR, networkScoped: false, params: { externalId: (c) => c.member } },
  { method: 'get', path: '/v1/experts', allowed: CNO_HR, networkScoped: false },
  { method: 'get', path: '/v1/networks/{key}/expertise-coverage', allowed: CNO_HR, networkScoped: true },
  { method: 'get', path: '/v1/networks/{key}/animator-candidates', allowed: CNO_HR, networkScoped: true },
  { method: 'post', path: '/v1/networks/{key}/people-index', allowed: CNO, networkScoped: true },
  { method: 'get', path: '/v1/hr/interest-profiles', allowed: HR, networkScoped: false },
  { method: 'get', path: '/v1/hr/interest-map', allowed: HR, networkScoped: false },
  // governance (SPEC §4): erasure and the audit log are admin only; HR handles subject access requests
  // (an unknown member: admins get 404, never erasing the member this file works with)
  { method: 'delete', path: '/v1/members/{externalId}', allowed: ADMIN, networkScoped: false, params: { externalId: () => uniqueKey('nobody') } },
  { method: 'get', path: '/v1/members/{externalId}/export', allowed: HR, networkScoped: false, params: { externalId: (c) => c.member } },
  { method: 'get', path: '/v1/audit', allowed: ADMIN, networkScoped: false },
];

const routeId = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function expectPassedAuth(res: Response, label: string): void {
  // not rejected by auth; and an allowed call never crashes the service
  expect({ label, status: res.status, passed: ![401, 403].includes(res.status) && res.status < 500 }).toEqual({ label, status: res.status, passed: true });
}

describe('auth matrix: role × route × network', () => {
  let t: TestApp;
  let netA: string;
  let netB: string;
  let ctx: Ctx;
  /** unscoped keys, one per role */
  const keys = {} as Record<Role, string>;
  /** keys limited to network A, per non-admin role */
  const scopedToA = {} as Record<Exclude<Role, 'admin'>, string>;

  async function createKey(body: { name?: string; role: Role; networks?: string[] }, as = TEST_ADMIN_KEY): Promise<{ id: string; secret: string }> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set('Authorization', `Bearer ${as}`)
      .send({ name: body.name ?? `auth-matrix ${body.role}`, ...body });
    if (res.status !== 201) throw new Error(`cannot create key: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, secret: res.body.secret };
  }

  function call(row: RouteRow, network: string, authorization?: string) {
    const url = row.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (row.params?.[name]) return encodeURIComponent(row.params[name](ctx));
      if (name === 'key') return network;
      if (name === 'id') return randomUUID();
      return uniqueKey('x');
    });
    let req = t.http()[row.method](url);
    if (authorization !== undefined) req = req.set('Authorization', authorization);
    if (row.stream) req = req.buffer(true).parse(untilFirstEvent);
    return row.body ? req.send(row.body(ctx) as object) : req;
  }

  beforeAll(async () => {
    t = await startTestApp();
    netA = await newNetwork(t);
    netB = await newNetwork(t);
    const member = uniqueKey('m');
    for (const net of [netA, netB]) {
      const res = await ingest(t, net, [
        newMember(member),
        newGroup('g1', { leaders: [member] }),
        newActivity('a1', 'post', member, '2026-03-02T10:15:00+01:00', { group: 'g1' }),
      ]);
      expect(res.body.rejected).toEqual([]);
    }
    for (const role of ROLES) keys[role] = (await createKey({ role })).secret;
    const integrator = await createKey({ role: 'integrator', networks: [netA] });
    scopedToA.integrator = integrator.secret;
    scopedToA.cno = (await createKey({ role: 'cno', networks: [netA] })).secret;
    scopedToA.hr = (await createKey({ role: 'hr', networks: [netA] })).secret;
    ctx = { member, keyId: integrator.id, network: netA };
  });
  afterAll(() => t.close());

  describe('the table covers every /v1 route', () => {
    it('every /v1 operation of the OpenAPI document has exactly one matrix row, and every row is documented', async () => {
      const res = await t.http().get('/docs-json');
      expect(res.status).toBe(200);
      const documented: string[] = [];
      for (const [path, item] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
        if (!path.startsWith('/v1')) continue;
        for (const method of Object.keys(item)) {
          if (['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(method)) documented.push(routeId(method, path));
        }
      }
      const table = MATRIX.map((r) => routeId(r.method, r.path));
      expect(new Set(table).size).toBe(table.length);
      expect({ missingFromMatrix: documented.filter((r) => !table.includes(r)) }).toEqual({ missingFromMatrix: [] });
      expect({ notDocumented: table.filter((r) => !documented.includes(r)) }).toEqual({ notDocumented: [] });
    });

    it('every /v1 route mounted on the router has a matrix row (catches routes hidden from the docs)', () => {
      const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: { route?: { path: unknown; methods: Record<string, boolean> } }[] } };
      const mounted: string[] = [];
      for (const layer of express.router?.stack ?? []) {
        if (!layer.route || typeof layer.route.path !== 'string' || !layer.route.path.startsWith('/v1')) continue;
        const path = layer.route.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '');
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') mounted.push(routeId(method, path));
      }
      expect(mounted.length).toBeGreaterThan(0);
      const table = MATRIX.map((r) => routeId(r.method, r.path));
      expect({ missingFromMatrix: [...new Set(mounted)].filter((r) => !table.includes(r)) }).toEqual({ missingFromMatrix: [] });
    });

    it('every /v1 operation documents bearer auth and its 401, 403 and 429 problems', async () => {
      const res = await t.http().get('/docs-json');
      const gaps: string[] = [];
      for (const row of MATRIX) {
        const op = res.body.paths[row.path]?.[row.method] as { security?: Record<string, unknown>[]; responses?: Record<string, unknown> } | undefined;
        if (!op) continue; // reported by the coverage test
        if (!op.security?.some((s) => 'bearer' in s)) gaps.push(`${routeId(row.method, row.path)}: no bearer security`);
        for (const status of ['401', '403', '429']) if (!op.responses?.[status]) gaps.push(`${routeId(row.method, row.path)}: no ${status} response`);
      }
      expect(gaps).toEqual([]);
    });
  });

  describe.each(MATRIX)('$method $path', (row) => {
    it.each(ROLES)('role %s: allowed → passes auth, otherwise 403 problem+json', async (role) => {
      const res = await call(row, netA, `Bearer ${keys[role]}`);
      if (row.allowed.includes(role)) expectPassedAuth(res, `${role} ${routeId(row.method, row.path)}`);
      else expectProblem(res, 403, { type: 'forbidden' });
    });

    it('no Authorization header → 401 with WWW-Authenticate', async () => {
      const res = await call(row, netA);
      expectProblem(res, 401, { type: 'unauthorized' });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
    });

    it('unknown key → 401 with WWW-Authenticate', async () => {
      const res = await call(row, netA, `Bearer cno_${uniqueKey('unknown')}-0123456789abcdefghijklmnop`);
      expectProblem(res, 401, { type: 'unauthorized' });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
    });

    if (row.networkScoped) {
      it.each(['integrator', 'cno', 'hr'] as const)(
        '%s key limited to network A: 403 on network B (and on an unknown network), role rules on A',
        async (role) => {
          expectProblem(await call(row, netB, `Bearer ${scopedToA[role]}`), 403, { type: 'forbidden' });
          // out of scope wins over existence: no 404 that would reveal which networks exist
          expectProblem(await call(row, uniqueKey('nowhere'), `Bearer ${scopedToA[role]}`), 403, { type: 'forbidden' });
          const onA = await call(row, netA, `Bearer ${scopedToA[role]}`);
          if (row.allowed.includes(role)) expectPassedAuth(onA, `${role}@A ${routeId(row.method, row.path)}`);
          else expectProblem(onA, 403, { type: 'forbidden' });
        },
      );

      it('an unscoped key of an allowed role passes on every network', async () => {
        for (const role of row.allowed) expectPassedAuth(await call(row, netB, `Bearer ${keys[role]}`), `${role}@B ${routeId(row.method, row.path)}`);
      });
    }
  });

  describe('malformed and invalid credentials', () => {
    it.each([
      ['Basic x', 'Basic x'],
      ['Bearer alone', 'Bearer'],
      ['Bearer and a space', 'Bearer '],
      ['two tokens', `Bearer ${TEST_ADMIN_KEY} extra`],
      ['no scheme', TEST_ADMIN_KEY],
      ['other scheme', `Token ${TEST_ADMIN_KEY}`],
      ['empty', ''],
    ])('%s → 401 with WWW-Authenticate', async (_, header) => {
      const res = await t.http().get('/v1/networks').set('Authorization', header);
      expectProblem(res, 401, { type: 'unauthorized' });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
    });

    it('an unknown key gets 401 with error="invalid_token" (RFC 6750)', async () => {
      const res = await t.http().get('/v1/networks').set('Authorization', 'Bearer cno_not-a-key-that-exists-anywhere-000000');
      expectProblem(res, 401, { type: 'unauthorized' });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer\b.*error="invalid_token"/);
    });

    it('a very long token is a 401, not an error', async () => {
      const res = await t
        .http()
        .get('/v1/networks')
        .set('Authorization', `Bearer ${'x'.repeat(4000)}`);
      expectProblem(res, 401, { type: 'unauthorized' });
    });

    it('a prefix or an extension of a real key is a 401', async () => {
      expectProblem(
        await t
          .http()
          .get('/v1/networks')
          .set('Authorization', `Bearer ${keys.cno.slice(0, -1)}`),
        401,
        { type: 'unauthorized' },
      );
      expectProblem(await t.http().get('/v1/networks').set('Authorization', `Bearer ${keys.cno}x`), 401, { type: 'unauthorized' });
    });

    it('the auth scheme is case-insensitive (RFC 9110 §11.1)', async () => {
      const res = await t.http().get('/v1/networks').set('Authorization', `bearer ${keys.cno}`);
      expect(res.status).toBe(200);
    });

    it('401 and 403 responses never echo the presented secret', async () => {
      const unknown = `cno_${uniqueKey('secret')}-zzzzzzzzzzzzzzzzzzzzzzzz`;
      const r401 = await t.http().get('/v1/networks').set('Authorization', `Bearer ${unknown}`);
      expect(r401.status).toBe(401);
      expect(r401.text).not.toContain(unknown);
      const r403 = await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${keys.cno}`);
      expect(r403.status).toBe(403);
      expect(r403.text).not.toContain(keys.cno);
    });
  });

  describe('revocation', () => {
    it('a revoked key gets 401 on its very next request, on every route', async () => {
      const key = await createKey({ role: 'integrator' });
      expect((await t.http().get('/v1/networks').set('Authorization', `Bearer ${key.secret}`)).status).toBe(200);
      const del = await t.http().delete(`/v1/api-keys/${key.id}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
      expect(del.status).toBe(204);
      for (const row of MATRIX) {
        const res = await call(row, netA, `Bearer ${key.secret}`);
        expectProblem(res, 401, { type: 'unauthorized' });
        expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
      }
    });

    it('an admin key that revokes itself is refused right after', async () => {
      const key = await createKey({ role: 'admin' });
      expect((await t.http().delete(`/v1/api-keys/${key.id}`).set('Authorization', `Bearer ${key.secret}`)).status).toBe(204);
      expectProblem(await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${key.secret}`), 401, { type: 'unauthorized' });
    });
  });

  describe('network scope', () => {
    async function listAll(secret: string, limit = 1000): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await t
          .http()
          .get('/v1/networks')
          .query({ limit, ...(cursor ? { cursor } : {}) })
          .set('Authorization', `Bearer ${secret}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((n: { key: string }) => n.key));
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen;
    }

    it('GET /v1/networks lists only the networks of a scoped key, whatever the role', async () => {
      for (const role of ['integrator', 'cno', 'hr'] as const) expect(await listAll(scopedToA[role])).toEqual([netA]);
    });

    it('a key limited to several networks lists exactly those, also page by page', async () => {
      const key = await createKey({ role: 'cno', networks: [netB, netA] });
      expect((await listAll(key.secret)).sort()).toEqual([netA, netB].sort());
      expect((await listAll(key.secret, 1)).sort()).toEqual([netA, netB].sort());
    });

    it('unscoped keys list every network', async () => {
      for (const role of ANY_NETWORK_READER) {
        const seen = await listAll(keys[role]);
        expect(seen).toEqual(expect.arrayContaining([netA, netB]));
      }
    });

    it('a key cannot be limited to a network that does not exist (it would gain it when someone creates it): 400', async () => {
      const ghost = uniqueKey('ghost');
      const res = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
        .send({ name: 'ghost', role: 'cno', networks: [ghost] });
      expectProblem(res, 400, { type: 'validation' });
      expect(res.body.errors).toEqual([{ path: 'networks[0]', message: `network "${ghost}" does not exist` }]);
    });

    it('a scoped integrator creates no network: 403 outside its scope, 409 for its own networks, which exist', async () => {
      const outOfScope = uniqueKey('out');
      const key = await createKey({ role: 'integrator', networks: [netA] });
      const refused = await t.http().post('/v1/networks').set('Authorization', `Bearer ${key.secret}`).send({ key: outOfScope, name: 'Out of scope' });
      expectProblem(refused, 403, { type: 'forbidden' });
      expectProblem(await t.http().get(`/v1/networks/${outOfScope}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`), 404, { type: 'not-found' });
      expectProblem(await t.http().post('/v1/networks').set('Authorization', `Bearer ${key.secret}`).send({ key: netA, name: 'Again' }), 409, {
        type: 'conflict',
      });
    });

    it('PUT /v1/members/{id} needs a key not limited to networks; scoped integrators send member events through their network', async () => {
      const member = uniqueKey('m');
      expectProblem(await t.http().put(`/v1/members/${member}`).set('Authorization', `Bearer ${scopedToA.integrator}`).send({ displayName: 'Scoped' }), 403, {
        type: 'forbidden',
      });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM members WHERE external_id = $1`, [member]);
      expect(n).toBe(0);
      const viaNetwork = await ingest(t, netA, [newMember(member, { displayName: 'Scoped' })], { apiKey: scopedToA.integrator });
      expect(viaNetwork.status).toBe(200);
      expect(viaNetwork.body).toMatchObject({ received: 1, inserted: 1, rejected: [] });
      const unscoped = await t.http().put(`/v1/members/${member}`).set('Authorization', `Bearer ${keys.integrator}`).send({ displayName: 'Unscoped' });
      expect(unscoped.status).toBe(200);
    });

    it('a key created for the admin role with a network list is not silently widened to every network', async () => {
      // Either creating a network-limited admin key is refused (400), or the limit is enforced (403 elsewhere).
      const res = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
        .send({ name: 'scoped admin', role: 'admin', networks: [netA] });
      if (res.status === 400) {
        expectProblem(res, 400);
        return;
      }
      expect(res.status).toBe(201);
      expect(res.body.networks).toEqual([netA]);
      const onB = await t.http().get(`/v1/networks/${netB}`).set('Authorization', `Bearer ${res.body.secret}`);
      expect(onB.status).toBe(403);
    });
  });

  describe('public routes', () => {
    it.each(['/health', '/health/ready', '/docs-json'])('%s needs no key', async (path) => {
      const res = await t.http().get(path);
      expect(res.status).toBe(200);
      expect(res.headers['www-authenticate']).toBeUndefined();
    });

    it('a public route ignores a bad Authorization header', async () => {
      expect((await t.http().get('/health').set('Authorization', 'Bearer nope')).status).toBe(200);
    });
  });
});
