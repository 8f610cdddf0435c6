import type { Response } from 'supertest';
import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectNoLeak, expectProblem } from '../support/problems';

/**
 * SPEC §1: every error is RFC 9457 problem+json and never leaks internals; list parameters are
 * validated strictly; every response carries the service's own request id. The OpenAPI document describes every /v1 operation
 * with its security, summary, success and problem responses. Health endpoints are public.
 */

const BODY_LIMIT = 64 * 1024;
const NDJSON_LIMIT = 128 * 1024;
const auth = (apiKey = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${apiKey}` });

function expectValidation(res: Response, paths: string[], label?: string): void {
  const body = expectProblem(res, 400, label);
  expect(Array.isArray(body.errors)).toBe(true);
  expect((body.errors as { path: string }[]).map((e) => e.path)).toEqual(expect.arrayContaining(paths));
}

describe('errors and OpenAPI', () => {
  let t: TestApp;
  let network: string;
  let integratorKey: string;
  let cnoScopedKey: string;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT), NDJSON_MAX_BYTES: String(NDJSON_LIMIT) });
    network = await newNetwork(t);
    const p = uniqueKey('m') + ':';
    const res = await ingest(t, network, [newMember(`${p}u1`), newActivity('a1', 'post', `${p}u1`, '2026-03-02T10:15:00+01:00', { text: 'hello' })]);
    expect(res.status).toBe(200);
    const integrator = await t.http().post('/v1/api-keys').set(auth()).send({ name: 'errors-spec integrator', role: 'integrator' });
    expect(integrator.status).toBe(201);
    integratorKey = integrator.body.secret;
    const cno = await t
      .http()
      .post('/v1/api-keys')
      .set(auth())
      .send({ name: 'errors-spec cno', role: 'cno', networks: [network] });
    expect(cno.status).toBe(201);
    cnoScopedKey = cno.body.secret;
  });
  afterAll(() => t.close());

  describe('problem+json everywhere, no internals', () => {
    it('unknown routes → 404 problem+json', async () => {
      expectProblem(await t.http().get('/v1/nope').set(auth()), 404, 'GET /v1/nope');
      expectProblem(await t.http().get('/nope'), 404, 'GET /nope');
      expectProblem(await t.http().post('/v1/networks/x/y/z').set(auth()).send({}), 404, 'POST deep unknown');
      const wrongMethod = await t.http().delete('/v1/networks').set(auth());
      expect([404, 405]).toContain(wrongMethod.status);
      expectProblem(wrongMethod, wrongMethod.status, 'DELETE /v1/networks');
    });

    it('authentication and authorisation errors', async () => {
      const noKey = await t.http().get('/v1/networks');
      expectProblem(noKey, 401, 'no key');
      expect(noKey.headers['www-authenticate']).toMatch(/^Bearer/);
      expectProblem(await t.http().get('/v1/networks').set('Authorization', 'Bearer not-a-real-key-0000000000000000'), 401, 'unknown key');
      expectProblem(await t.http().get('/v1/networks').set('Authorization', 'Basic dXNlcjpwYXNz'), 401, 'basic auth');
      expectProblem(
        await t
          .http()
          .get('/v1/networks')
          .set('Authorization', `Bearer ${'k'.repeat(5000)}`),
        401,
        'huge key',
      );
      expectProblem(await t.http().post('/v1/api-keys').set(auth(integratorKey)).send({ name: 'x', role: 'admin' }), 403, 'integrator creates a key');
      expectProblem(await ingest(t, network, [], { apiKey: cnoScopedKey }), 403, 'cno ingests');
      const other = await newNetwork(t);
      expectProblem(await t.http().get(`/v1/networks/${other}`).set(auth(cnoScopedKey)), 403, 'network outside scope');
    });

    it('validation errors carry errors[{path, message}]; unknown JSON fields are rejected', async () => {
      expectValidation(await t.http().post('/v1/networks').set(auth()).send({ key: 'Bad Key!', name: '' }), ['key', 'name'], 'bad network');
      expectValidation(await t.http().post('/v1/networks').set(auth()).send({ key: uniqueKey(), name: 'N', colour: 'blue' }), ['colour'], 'unknown field');
      expectValidation(
        await t.http().post('/v1/networks').set(auth()).send({ key: uniqueKey(), name: 'N', timezone: 'Mars/Olympus' }),
        ['timezone'],
        'bad timezone',
      );
      expectValidation(await t.http().post('/v1/networks').set(auth()).send({ key: 'k\u0000', name: 'N' }), ['key'], 'NUL in key');
      expectValidation(await t.http().post('/v1/api-keys').set(auth()).send({ name: 'x', role: 'superuser' }), ['role'], 'bad role');
      expectProblem(await t.http().get('/v1/api-keys/not-a-uuid').set(auth()), 400, 'bad uuid');
      expectProblem(
        await t
          .http()
          .get(`/v1/networks/${network}/activities/${'x'.repeat(201)}`)
          .set(auth()),
        400,
        'externalId too long',
      );
      expectProblem(await t.http().get('/v1/members/%00').set(auth()), 400, 'NUL in path');
      const conflict = await t.http().post('/v1/networks').set(auth()).send({ key: network, name: 'again' });
      expectProblem(conflict, 409, 'duplicate network');
    });

    it('body errors: malformed JSON → 400, too large → 413, wrong media type → 415', async () => {
      expectProblem(await t.http().post('/v1/networks').set(auth()).set('Content-Type', 'application/json').send('{"key": "x",'), 400, 'malformed JSON');
      expectProblem(await t.http().post('/v1/networks').set(auth()).set('Content-Type', 'application/json').send('{"key": "\\u12"}'), 400, 'bad escape');
      const big = JSON.stringify({ key: uniqueKey(), name: 'x'.repeat(BODY_LIMIT + 10) });
      expectProblem(await t.http().post('/v1/networks').set(auth()).set('Content-Type', 'application/json').send(big), 413, 'JSON body over the limit');
      const bigArray = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ type: 'member', externalId: `too-big-${i}`, displayName: 'x'.repeat(40) })));
      expect(bigArray.length).toBeGreaterThan(BODY_LIMIT);
      expectProblem(
        await t.http().post(`/v1/networks/${network}/events`).set(auth()).set('Content-Type', 'application/json').send(bigArray),
        413,
        'events body over the limit',
      );
      expect(await t.db.query(`SELECT 1 FROM members WHERE external_id = 'too-big-0'`)).toEqual([]);
      const bigNdjson = Array.from({ length: 1500 }, (_, i) =>
        JSON.stringify({ type: 'member', externalId: `too-big-nd-${i}`, displayName: 'x'.repeat(60) }),
      ).join('\n');
      expect(bigNdjson.length).toBeGreaterThan(NDJSON_LIMIT);
      expectProblem(
        await t.http().post(`/v1/networks/${network}/events`).set(auth()).set('Content-Type', 'application/x-ndjson').send(bigNdjson),
        413,
        'NDJSON body over NDJSON_MAX_BYTES',
      );
      expect(await t.db.query(`SELECT 1 FROM members WHERE external_id = 'too-big-nd-0'`)).toEqual([]);
      expectProblem(await t.http().post(`/v1/networks/${network}/events`).set(auth()).set('Content-Type', 'text/plain').send('{}'), 415, 'text/plain events');
      expectProblem(
        await t.http().post(`/v1/networks/${network}/events`).set(auth()).set('Content-Type', 'application/json; charset=latin1').send('[]'),
        415,
        'latin1 charset',
      );
    });

    it('list parameters: unknown parameter, bad limit and bad cursor → 400', async () => {
      const badCursors: { path: string; cursor: string; status: number }[] = [];
      const lists = [
        '/v1/networks',
        '/v1/api-keys',
        `/v1/networks/${network}/activities`,
        `/v1/networks/${network}/members`,
        `/v1/networks/${network}/groups`,
        `/v1/networks/${network}/memberships`,
      ];
      for (const path of lists) {
        expectValidation(await t.http().get(path).query({ foo: 'bar' }).set(auth()), ['foo'], `${path}?foo`);
        for (const limit of ['0', '1001', 'abc', '1.5', '-1', '']) {
          expectValidation(await t.http().get(path).query({ limit }).set(auth()), ['limit'], `${path}?limit=${limit}`);
        }
        for (const limit of ['1', '1000']) {
          const ok = await t.http().get(path).query({ limit }).set(auth());
          expect({ path, limit, status: ok.status }).toEqual({ path, limit, status: 200 });
          expect(Array.isArray(ok.body.items)).toBe(true);
          expect(ok.body).toHaveProperty('nextCursor');
        }
        const repeated = await t.http().get(`${path}?limit=1&limit=2`).set(auth());
        expectProblem(repeated, 400, `${path} repeated limit`);
        for (const cursor of [
          'garbage',
          Buffer.from('{"after":"x"}').toString('base64url'),
          Buffer.from('{"after":"9999999999999999999"}').toString('base64url'),
        ]) {
          const res = await t.http().get(path).query({ cursor }).set(auth());
          if (res.status !== 400) badCursors.push({ path, cursor: Buffer.from(cursor, 'base64url').toString(), status: res.status });
          else expectProblem(res, 400, `${path}?cursor=${cursor}`);
        }
      }
      // a well-formed cursor past the end of an int4 id range: an empty last page or a 400, never a 500
      for (const path of lists) {
        const res = await t
          .http()
          .get(path)
          .query({ cursor: Buffer.from('{"after":"3000000000"}').toString('base64url') })
          .set(auth());
        if (res.status === 200) expect({ path, body: res.body }).toEqual({ path, body: { items: [], nextCursor: null } });
        else if (res.status === 400) expectProblem(res, 400, path);
        else badCursors.push({ path, cursor: '{"after":"3000000000"}', status: res.status });
      }
      expect(badCursors).toEqual([]);
      expectValidation(await t.http().get(`/v1/networks/${network}/activities`).query({ kind: 'rant' }).set(auth()), ['kind'], 'unknown kind');
      expectProblem(await t.http().get(`/v1/networks/${network}/activities?kind[x]=post`).set(auth()), 400, 'nested query');
    });

    it("X-Request-Id is the service's own id on every response, a new one each time; a caller's X-Request-Id is not taken as the id", async () => {
      const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      const given = 'req-abc.123_XYZ';
      const ok = await t.http().get('/v1/networks').set(auth()).set('X-Request-Id', given);
      expect(ok.status).toBe(200);
      expect(ok.headers['x-request-id']).toMatch(UUID);
      const onError = await t.http().get('/v1/nope').set(auth()).set('X-Request-Id', given);
      expect(onError.headers['x-request-id']).toMatch(UUID);
      expect(onError.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
      expect(JSON.parse(onError.text).requestId).toBe(onError.headers['x-request-id']);

      const id1 = (await t.http().get('/health')).headers['x-request-id'];
      const id2 = (await t.http().get('/health')).headers['x-request-id'];
      expect(id1).toMatch(UUID);
      expect(id2).toMatch(UUID);
      expect(id2).not.toBe(id1);
      const unauth = await t.http().get('/v1/networks');
      expect(unauth.headers['x-request-id']).toMatch(UUID);
      expect(JSON.parse(unauth.text).requestId).toBe(unauth.headers['x-request-id']);

      const unusable = await t.http().get('/health').set('X-Request-Id', 'has spaces and <script>');
      expect(unusable.headers['x-request-id']).toMatch(UUID);
    });

    it('no response body, success or error, ever carries a stack trace, SQL or an internal path', async () => {
      const p = uniqueKey('m') + ':';
      const attempts: [string, () => Promise<Response>][] = [
        [
          'bigint cursor',
          () =>
            t
              .http()
              .get(`/v1/networks/${network}/activities`)
              .query({ cursor: Buffer.from('{"after":"9223372036854775808"}').toString('base64url') })
              .set(auth()),
        ],
        [
          'bigint cursor networks',
          () =>
            t
              .http()
              .get('/v1/networks')
              .query({ cursor: Buffer.from('{"after":"9999999999999999999"}').toString('base64url') })
              .set(auth()),
        ],
        [
          'SQL-ish id',
          () =>
            t
              .http()
              .get(`/v1/networks/${network}/activities/${encodeURIComponent("a1' OR 1=1 --")}`)
              .set(auth()),
        ],
        [
          'SQL-ish network',
          () =>
            t
              .http()
              .get(`/v1/networks/${encodeURIComponent("x'; DROP TABLE members; --")}`)
              .set(auth()),
        ],
        [
          'lone surrogate',
          () =>
            t
              .http()
              .post(`/v1/networks/${network}/events`)
              .set(auth())
              .set('Content-Type', 'application/json')
              .send(`[{"type":"member","externalId":"${p}s","displayName":"\\ud800"}]`),
        ],
        [
          'NUL member',
          () =>
            t
              .http()
              .put(`/v1/members/${encodeURIComponent(`${p}n`)}`)
              .set(auth())
              .send({ displayName: 'a\u0000' }),
        ],
        ['huge tags', () => ingest(t, network, [newActivity('t1', 'post', `${p}u`, '2026-03-02T10:15:00Z', { tags: Array(60).fill('x') })])],
        ['extreme date', () => ingest(t, network, [newActivity('t2', 'post', `${p}u`, '9999-12-31T23:59:59-14:00')])],
        ['year 0', () => ingest(t, network, [newActivity('t3', 'post', `${p}u`, '0000-01-01T00:00:00Z')])],
        [
          'deep JSON',
          () =>
            t
              .http()
              .post(`/v1/networks/${network}/events`)
              .set(auth())
              .set('Content-Type', 'application/json')
              .send('['.repeat(5000) + ']'.repeat(5000)),
        ],
        [
          'deep NDJSON',
          () =>
            t
              .http()
              .post(`/v1/networks/${network}/events`)
              .set(auth())
              .set('Content-Type', 'application/x-ndjson')
              .send('['.repeat(900) + ']'.repeat(900) + '\n'),
        ],
        ['proto pollution', () => ingest(t, network, [JSON.parse(`{"type":"member","externalId":"${p}pp","displayName":"x","__proto__":{"admin":true}}`)])],
        ['ndjson unknown network', () => ingest(t, uniqueKey('nonet'), [newMember(`${p}z`)])],
        ['bad json', () => t.http().post(`/v1/networks/${network}/events`).set(auth()).set('Content-Type', 'application/json').send('[{]')],
        [
          'gzip not supported',
          () => t.http().post('/v1/networks').set(auth()).set('Content-Type', 'application/json').set('Content-Encoding', 'br').send('{}'),
        ],
      ];
      const serverErrors: { label: string; status: number }[] = [];
      for (const [label, run] of attempts) {
        const res = await run();
        expectNoLeak(res, label);
        if (res.status >= 400) expectProblem(res, res.status, label);
        if (res.status >= 500) serverErrors.push({ label, status: res.status });
      }
      // bad input is the client's error (4xx), never an internal error
      expect(serverErrors).toEqual([]);
    });
  });

  describe('OpenAPI', () => {
    type Operation = {
      summary?: string;
      security?: Record<string, string[]>[];
      responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
      requestBody?: { content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }> };
    };
    let doc: {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
      components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
      security?: Record<string, string[]>[];
    };

    beforeAll(async () => {
      const res = await t.http().get('/docs-json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/json/);
      doc = res.body;
    });

    const operations = () =>
      Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/v1/'))
        .flatMap(([path, item]) =>
          Object.entries(item)
            .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
            .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
        );

    it('is OpenAPI 3 with a bearer security scheme', () => {
      expect(doc.openapi).toMatch(/^3\./);
      const schemes = Object.values(doc.components?.securitySchemes ?? {});
      expect(schemes).toContainEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
      expect(operations().length).toBeGreaterThan(10);
    });

    it('every /v1 operation: bearer security, a summary, a 2xx response, 401 and 403 as problem+json', () => {
      const bearerNames = Object.entries(doc.components?.securitySchemes ?? {})
        .filter(([, s]) => s.type === 'http' && s.scheme === 'bearer')
        .map(([name]) => name);
      const problems: string[] = [];
      for (const { name, op } of operations()) {
        const security = op.security ?? doc.security ?? [];
        if (!security.some((req) => Object.keys(req).some((k) => bearerNames.includes(k)))) problems.push(`${name}: no bearer security requirement`);
        if (typeof op.summary !== 'string' || op.summary.trim().length === 0) problems.push(`${name}: no summary`);
        const responses = op.responses ?? {};
        const success = Object.entries(responses).filter(([code]) => /^2\d\d$/.test(code));
        if (success.length === 0) problems.push(`${name}: no 2xx response`);
        else if (!success.some(([, r]) => (r.description ?? '').trim().length > 0 || Object.values(r.content ?? {}).some((c) => c.schema !== undefined))) {
          problems.push(`${name}: 2xx response without schema or description`);
        }
        for (const code of ['401', '403']) {
          const r = responses[code];
          if (!r) problems.push(`${name}: ${code} not documented`);
          else if (!r.content?.['application/problem+json']?.schema) problems.push(`${name}: ${code} not application/problem+json`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('documents the problem body and the bad-request responses of operations taking input', () => {
      const problemSchema = JSON.stringify(doc).includes('"application/problem+json"');
      expect(problemSchema).toBe(true);
      const events = doc.paths['/v1/networks/{key}/events'].post;
      for (const code of ['400', '404', '413', '415'])
        expect({ code, content: Object.keys(events.responses?.[code]?.content ?? {}) }).toEqual({ code, content: ['application/problem+json'] });
    });

    it('the events operation documents application/json and application/x-ndjson bodies with examples', () => {
      const events = doc.paths['/v1/networks/{key}/events']?.post;
      expect(events).toBeDefined();
      const content = events.requestBody?.content ?? {};
      for (const type of ['application/json', 'application/x-ndjson']) {
        const media = content[type];
        expect({ type, hasSchema: media?.schema !== undefined }).toEqual({ type, hasSchema: true });
        expect({ type, hasExample: media?.example !== undefined || media?.examples !== undefined }).toEqual({ type, hasExample: true });
      }
      const jsonExample = content['application/json'].example as unknown[];
      expect(Array.isArray(jsonExample)).toBe(true);
      expect((jsonExample as { type: string }[]).map((r) => r.type)).toEqual(expect.arrayContaining(['member', 'group', 'membership', 'activity']));
      const ndjson = content['application/x-ndjson'].example as string;
      expect(typeof ndjson).toBe('string');
      const lines = ndjson.split('\n').filter((l) => l.trim());
      expect(lines.length).toBeGreaterThanOrEqual(4);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    });

    it('the documented examples are accepted by the service as they are', async () => {
      const content = doc.paths['/v1/networks/{key}/events'].post.requestBody?.content ?? {};
      const key = await newNetwork(t);
      const ndjson = await t
        .http()
        .post(`/v1/networks/${key}/events`)
        .set(auth())
        .set('Content-Type', 'application/x-ndjson')
        .send(content['application/x-ndjson'].example as string);
      expect(ndjson.status).toBe(200);
      expect(ndjson.body.rejected).toEqual([]);
      const json = await t
        .http()
        .post(`/v1/networks/${key}/events`)
        .set(auth())
        .send(content['application/json'].example as object[]);
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({ received: (content['application/json'].example as object[]).length, rejected: [] });
    });

    it('GET /docs serves the HTML UI', async () => {
      const res = await t.http().get('/docs').redirects(2);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toMatch(/<html/i);
    });
  });

  describe('health', () => {
    it('GET /health → {status: ok}, without a key', async () => {
      const res = await t.http().get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('GET /health/ready → 200 with database and migrations up, without a key', async () => {
      const res = await t.http().get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, migrations: { status: 'up' } } });
      expectNoLeak(res, 'ready');
    });
  });
});
