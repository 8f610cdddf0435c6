import type { Response } from 'supertest';
import { ingest, newActivity, newGroup, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * Bounded windows (src/common/validation/window-limits.ts): instants in
 * [1900-01-01T00:00:00Z, 2200-01-01T00:00:00Z], days in [1900-01-01, 2199-12-31], at most 1000
 * buckets per series; and the separate rate limit of expensive operations (RATE_LIMIT_EXPENSIVE).
 */
const admin = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };
const RANGE = 'between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z';
const DAY_RANGE = 'between 1900-01-01 and 2199-12-31';

function expectInvalid(res: Response, errors: { path: string; message: string }[]): void {
  expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
    status: 400,
    contentType: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(res.body).toMatchObject({ status: 400, title: 'Invalid request', errors });
}

/** Every GET route of a network that takes `from` and `to` (the series ones get a month granularity where it matters). */
const NETWORK_WINDOW_ROUTES = [
  'indicators/activity',
  'indicators/responsiveness',
  'questions/unanswered',
  'indicators/concentration',
  'indicators/diffusion',
  'indicators/alignment',
  'indicators/alignment/drift',
  'comparisons/groups',
  'comparisons/leaders',
  'comparisons/departments',
  'expertise-coverage',
];
const SERIES_ROUTES = ['indicators/activity', 'indicators/alignment'];

describe('bounded windows', () => {
  let t: TestApp;
  let utc: string;
  let paris: string;
  const get = (path: string, query: Record<string, string>) => t.http().get(path).query(query).set(admin);

  beforeAll(async () => {
    t = await startTestApp();
    utc = await newNetwork(t);
    paris = await newNetwork(t, { timezone: 'Europe/Paris' });
    const p = uniqueKey('wl') + ':';
    const records = [
      newMember(`${p}u1`, { department: 'R&D' }),
      newMember(`${p}u2`, { department: 'Sales' }),
      newGroup(`${p}g1`, { leaders: [`${p}u1`] }),
      newActivity(`${p}a1`, 'question', `${p}u2`, '2021-06-01T10:00:00Z', { group: `${p}g1`, text: 'vpn quota', tags: ['vpn'] }),
      newActivity(`${p}a2`, 'reply', `${p}u1`, '2021-06-01T11:00:00Z', { group: `${p}g1`, parent: `${p}a1`, text: 'ten' }),
    ];
    for (const net of [utc, paris]) expect((await ingest(t, net, records)).body.rejected).toEqual([]);
  });
  afterAll(() => t.close());

  describe('from and to lie between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z', () => {
    it.each(NETWORK_WINDOW_ROUTES)('%s: year 0001 to 9999 is a 400 naming both bounds, never a 500', async (route) => {
      const res = await get(`/v1/networks/${utc}/${route}`, { from: '0001-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' });
      expectInvalid(res, [
        { path: 'from', message: `from must be ${RANGE}` },
        { path: 'to', message: `to must be ${RANGE}` },
      ]);
    });

    it.each(NETWORK_WINDOW_ROUTES)('%s: one millisecond before 1900 or after 2200 is a 400 naming the parameter', async (route) => {
      expectInvalid(await get(`/v1/networks/${utc}/${route}`, { from: '1899-12-31T23:59:59.999Z', to: '2000-01-01T00:00:00Z' }), [
        { path: 'from', message: `from must be ${RANGE}` },
      ]);
      // the offset counts: 00:30 in Paris is still 1899 in UTC
      expectInvalid(await get(`/v1/networks/${utc}/${route}`, { from: '1900-01-01T00:30:00+01:00', to: '2000-01-01T00:00:00Z' }), [
        { path: 'from', message: `from must be ${RANGE}` },
      ]);
      expectInvalid(await get(`/v1/networks/${utc}/${route}`, { from: '2100-01-01T00:00:00Z', to: '2200-01-01T00:00:00.001Z' }), [
        { path: 'to', message: `to must be ${RANGE}` },
      ]);
    });

    it.each(NETWORK_WINDOW_ROUTES.filter((r) => !SERIES_ROUTES.includes(r)))('%s: the largest window, 1900 to 2200, answers', async (route) => {
      const res = await get(`/v1/networks/${utc}/${route}`, { from: '1900-01-01T00:00:00Z', to: '2200-01-01T00:00:00Z' });
      expect(res.status).toBe(200);
      if (route !== 'questions/unanswered')
        expect({ from: res.body.from, to: res.body.to }).toEqual({ from: '1900-01-01T00:00:00.000Z', to: '2200-01-01T00:00:00.000Z' });
    });

    it('long windows count what they hold: 50 years of activity by month, drift over 1900–2200 against 1600–1900', async () => {
      const res = await get(`/v1/networks/${utc}/indicators/activity`, { from: '2000-01-01T00:00:00Z', to: '2050-01-01T00:00:00Z', granularity: 'month' });
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ questions: 1, replies: 1, contributions: 2 });
      expect(res.body.series).toHaveLength(600);
      const drift = await get(`/v1/networks/${utc}/indicators/alignment/drift`, { from: '1900-01-01T00:00:00Z', to: '2200-01-01T00:00:00Z' });
      expect(drift.body).toMatchObject({ previousFrom: '1600-01-01T00:00:00.000Z', items: [{ contributions: 2, previousContributions: 0 }] });
    });

    it('a default from outside the range says so: to − 28 days for indicators, to − 365 days for expertise coverage', async () => {
      expectInvalid(await get(`/v1/networks/${utc}/indicators/concentration`, { to: '1900-01-10T00:00:00Z' }), [
        { path: 'from', message: `from must be ${RANGE} (by default it is to − 28 days)` },
      ]);
      expectInvalid(await get(`/v1/networks/${utc}/expertise-coverage`, { to: '1900-06-01T00:00:00Z' }), [
        { path: 'from', message: `from must be ${RANGE} (by default it is to − 365 days)` },
      ]);
      expect((await get(`/v1/networks/${utc}/indicators/concentration`, { to: '1900-01-29T00:00:00Z' })).status).toBe(200);
    });

    it('GET /v1/comparisons/networks: the same bounds, checked once before any network is read', async () => {
      expectInvalid(await get('/v1/comparisons/networks', { from: '0001-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' }), [
        { path: 'from', message: `from must be ${RANGE}` },
        { path: 'to', message: `to must be ${RANGE}` },
      ]);
      const ok = await get('/v1/comparisons/networks', { from: '1900-01-01T00:00:00Z', to: '2200-01-01T00:00:00Z' });
      expect({ status: ok.status, from: ok.body.from, to: ok.body.to }).toEqual({
        status: 200,
        from: '1900-01-01T00:00:00.000Z',
        to: '2200-01-01T00:00:00.000Z',
      });
    });
  });

  describe('at most 1000 buckets per series', () => {
    it.each(SERIES_ROUTES)(
      '%s, UTC: 1000 days by day answers with 1000 buckets; one millisecond more is a 400 naming the granularities that fit',
      async (route) => {
        // 2020 (366 days) + 2021 (365) + 2022-01-01..09-26 (269) = 1000 days
        const limit = await get(`/v1/networks/${utc}/${route}`, { from: '2020-01-01T00:00:00Z', to: '2022-09-27T00:00:00Z' });
        expect(limit.status).toBe(200);
        expect(limit.body.series).toHaveLength(1000);
        const beyond = { from: '2020-01-01T00:00:00Z', to: '2022-09-27T00:00:00.001Z' };
        expectInvalid(await get(`/v1/networks/${utc}/${route}`, beyond), [
          {
            path: 'granularity',
            message:
              'a day series (the default granularity) over this window has 1001 buckets, more than the 1000 allowed: choose granularity=week (144 buckets) or granularity=month (33 buckets) or a shorter window',
          },
        ]);
        expectInvalid(await get(`/v1/networks/${utc}/${route}`, { ...beyond, granularity: 'day' }), [
          {
            path: 'granularity',
            message:
              'a day series over this window has 1001 buckets, more than the 1000 allowed: choose granularity=week (144 buckets) or granularity=month (33 buckets) or a shorter window',
          },
        ]);
        // the counts the message gives are the series' lengths
        expect((await get(`/v1/networks/${utc}/${route}`, { ...beyond, granularity: 'week' })).body.series).toHaveLength(144);
        expect((await get(`/v1/networks/${utc}/${route}`, { ...beyond, granularity: 'month' })).body.series).toHaveLength(33);
      },
    );

    it.each(SERIES_ROUTES)('%s: 1000 months answers; 1001 is a 400 asking for a shorter window when no granularity fits', async (route) => {
      // 1900-01 .. 1983-04 = 83 × 12 + 4 = 1000 months
      const limit = await get(`/v1/networks/${utc}/${route}`, { from: '1900-01-01T00:00:00Z', to: '1983-05-01T00:00:00Z', granularity: 'month' });
      expect(limit.status).toBe(200);
      expect(limit.body.series).toHaveLength(1000);
      expectInvalid(await get(`/v1/networks/${utc}/${route}`, { from: '1900-01-01T00:00:00Z', to: '1983-05-01T00:00:00.001Z', granularity: 'month' }), [
        { path: 'granularity', message: 'a month series over this window has 1001 buckets, more than the 1000 allowed: choose a shorter window' },
      ]);
      // the report's query: day granularity from year 1000 to 3000 is out of range before it is too long
      expectInvalid(await get(`/v1/networks/${utc}/${route}`, { from: '1000-01-01T00:00:00Z', to: '3000-01-01T00:00:00Z', granularity: 'day' }), [
        { path: 'from', message: `from must be ${RANGE}` },
        { path: 'to', message: `to must be ${RANGE}` },
      ]);
    });

    it.each(SERIES_ROUTES)('%s, Europe/Paris: buckets are local days across DST changes, counted as the series counts them', async (route) => {
      const limit = await get(`/v1/networks/${paris}/${route}`, { from: '2020-01-01T00:00:00+01:00', to: '2022-09-27T00:00:00+02:00' });
      expect(limit.status).toBe(200);
      expect(limit.body.series).toHaveLength(1000);
      expect(limit.body.series[999].start).toBe('2022-09-25T22:00:00.000Z');
      const beyond = await get(`/v1/networks/${paris}/${route}`, { from: '2020-01-01T00:00:00+01:00', to: '2022-09-27T00:00:00.001+02:00' });
      // the same local days, weeks and months as the UTC network's window above
      expectInvalid(beyond, [
        {
          path: 'granularity',
          message:
            'a day series (the default granularity) over this window has 1001 buckets, more than the 1000 allowed: choose granularity=week (144 buckets) or granularity=month (33 buckets) or a shorter window',
        },
      ]);
    });
  });

  describe('at lies between 1900-01-01 and 2199-12-31', () => {
    it.each(['indicators/engagement', 'emerging-topics'])(
      '%s: the first and last days answer; the days around them, year 0001 and year 9999 are 400s',
      async (route) => {
        for (const at of ['1900-01-01', '2199-12-31'])
          expect({ at, status: (await get(`/v1/networks/${utc}/${route}`, { at })).status }).toEqual({ at, status: 200 });
        for (const at of ['1899-12-31', '2200-01-01', '0001-01-01', '9999-12-31'])
          expectInvalid(await get(`/v1/networks/${utc}/${route}`, { at }), [{ path: 'at', message: `at must be ${DAY_RANGE}` }]);
      },
    );

    it('emerging topics at the first day, the longest window: the baseline before 1900 is read without error', async () => {
      const res = await get(`/v1/networks/${utc}/emerging-topics`, { at: '1900-01-01', window: '90d' });
      expect({ status: res.status, from: res.body.from, to: res.body.to, items: res.body.items }).toEqual({
        status: 200,
        from: '1899-10-04T00:00:00.000Z',
        to: '1900-01-02T00:00:00.000Z',
        items: [],
      });
    });
  });

  it('the OpenAPI document states the bounds on the parameters and the expensive limit on its routes', async () => {
    const doc = (await t.http().get('/docs-json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; description?: string }[]; responses: Record<string, { description: string }> }>>;
    };
    const param = (path: string, name: string) => doc.paths[path].get.parameters?.find((p) => p.name === name)?.description ?? '';
    for (const path of [
      '/v1/networks/{key}/indicators/activity',
      '/v1/networks/{key}/indicators/alignment/drift',
      '/v1/comparisons/networks',
      '/v1/networks/{key}/expertise-coverage',
    ]) {
      for (const name of ['from', 'to']) expect(param(path, name)).toContain(RANGE);
    }
    for (const path of ['/v1/networks/{key}/indicators/activity', '/v1/networks/{key}/indicators/alignment'])
      expect(param(path, 'granularity')).toContain('At most 1000 buckets per series');
    for (const path of ['/v1/networks/{key}/indicators/engagement', '/v1/networks/{key}/emerging-topics']) expect(param(path, 'at')).toContain(DAY_RANGE);
    expect(doc.paths['/v1/networks/{key}/people-index'].post.responses['429'].description).toContain('RATE_LIMIT_EXPENSIVE');
    expect(doc.paths['/v1/objectives/{key}'].put.responses['429'].description).toContain('RATE_LIMIT_EXPENSIVE');
    expect(doc.paths['/v1/objectives/{key}'].get.responses['429'].description).not.toContain('RATE_LIMIT_EXPENSIVE');
  });
});

describe('expensive operations have their own per-key limit (RATE_LIMIT_EXPENSIVE)', () => {
  let t: TestApp;
  let net: string;
  const createKey = async (role: string) => {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(admin)
      .send({ name: `expensive ${role}`, role });
    expect(res.status).toBe(201);
    return { Authorization: `Bearer ${res.body.secret}` };
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_EXPENSIVE: '2', RATE_LIMIT_WINDOW_SECONDS: '60' });
    net = await newNetwork(t);
    expect((await ingest(t, net, [newMember(uniqueKey('m'))])).status).toBe(200);
  });
  afterAll(() => t.close());

  it('the 3rd people-index refresh of a key in the window is a 429 problem+json with Retry-After naming the limit; reads and other keys pass', async () => {
    const a = await createKey('cno');
    const b = await createKey('cno');
    for (let i = 0; i < 2; i++) expect((await t.http().post(`/v1/networks/${net}/people-index`).set(a)).status).toBe(200);
    const limited = await t.http().post(`/v1/networks/${net}/people-index`).set(a);
    expect({ status: limited.status, contentType: limited.headers['content-type'], body: limited.body }).toEqual({
      status: 429,
      contentType: expect.stringMatching(/^application\/problem\+json/),
      body: expect.objectContaining({
        status: 429,
        title: 'Too many requests',
        detail: 'At most 2 expensive operations (people index refresh, objective changes) per 60 s per API key (RATE_LIMIT_EXPENSIVE)',
      }),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['retry-after-expensive']).toBeUndefined();
    // reads are not expensive, and another key has its own bucket
    expect((await t.http().get(`/v1/networks/${net}/indicators/activity`).set(a)).status).toBe(200);
    expect((await t.http().post(`/v1/networks/${net}/people-index`).set(b)).status).toBe(200);
  });

  it('objective changes share the bucket: after a PUT and a refresh, the next PUT is a 429; reading the objective still passes', async () => {
    const c = await createKey('cno');
    const key = uniqueKey('wl-obj');
    const body = { name: 'Cyber', networks: [net], keywords: [{ term: 'cybersécurité', weight: 1 }] };
    expect((await t.http().put(`/v1/objectives/${key}`).set(c).send(body)).status).toBe(201);
    expect((await t.http().post(`/v1/networks/${net}/people-index`).set(c)).status).toBe(200);
    const limited = await t.http().put(`/v1/objectives/${key}`).set(c).send(body);
    expect({ status: limited.status, retryAfter: limited.headers['retry-after'] !== undefined }).toEqual({ status: 429, retryAfter: true });
    expect((await t.http().get(`/v1/objectives/${key}`).set(c)).status).toBe(200);
  });

  it('0 turns the limit off (the test default)', async () => {
    const off = await startTestApp();
    try {
      const network = await newNetwork(off);
      for (let i = 0; i < 4; i++) expect((await off.http().post(`/v1/networks/${network}/people-index`).set(admin)).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
