import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, uniqueKey } from '../support/factories';
import { expectProblem } from '../support/problems';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §3.10 health policy: the defaults, a PUT that changes what fires and which status a dimension
 * has, its audit entry, 400s naming the bad field; and the scorecard of an empty network.
 *
 * Network N (UTC), `at` = 3 days before today: group gU (leader lu posts in the window) with 2
 * questions by asker, days 2 and 3, never answered → unansweredQuestions 2 (gU and network).
 *   default unansweredMin 3: 2 < 3, no answer-unanswered; network `unanswered` dimension 2: ≥ watch 1, < act 3 → watch.
 *   PUT unansweredMin 2: 2 ≥ 2 → answer-unanswered:group:gU fires.
 *   PUT dimensions.unanswered {watch 5, act 10}: 2 < 5 → good, threshold 5.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const TO = TODAY - 2 * DAY;
const FROM = TO - 28 * DAY;
const AT = new Date(TO - DAY).toISOString().slice(0, 10);
const C = (d: number) => new Date(FROM + d * DAY + 10 * HOUR).toISOString();

const DEFAULTS = {
  unansweredMin: 3,
  alignmentDrop: 0.15,
  minContributions: 20,
  minContributors: 5,
  busFactorMax: 1,
  siloEi: -0.5,
  minInteractions: 20,
  declineMax: -0.3,
  dimensions: {
    activity: { watch: -0.1, act: -0.3 },
    participation: { watch: 0.1, act: 0.05 },
    responsiveness: { watch: 86400, act: 259200 },
    unanswered: { watch: 1, act: 3 },
    leadership: { watch: 1, act: 1 },
    concentration: { watch: 2, act: 1 },
    alignment: { watch: 0.1, act: 0.05 },
    diffusion: { watch: -0.3, act: -0.5 },
  },
};

describe('health policy and the empty scorecard', () => {
  let t: TestApp;
  let net: string;
  const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };
  const get = (path: string) => t.http().get(path).set(auth);
  const put = (body: unknown) =>
    t
      .http()
      .put(`/v1/networks/${net}/health-policy`)
      .set(auth)
      .send(body as object);
  const ids = async () => (await get(`/v1/networks/${net}/health?at=${AT}`)).body.adjustments.map((a: { id: string }) => a.id);
  const unansweredDimension = async () =>
    (await get(`/v1/networks/${net}/health?at=${AT}`)).body.dimensions.find((d: { key: string }) => d.key === 'unanswered');

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    const p = uniqueKey('hp');
    const res = await ingest(t, net, [
      newMember(`${p}-lu`),
      newMember(`${p}-asker`),
      newGroup('gU', { leaders: [`${p}-lu`] }),
      newMembership('gU', `${p}-lu`, { role: 'leader' }),
      newActivity('lu1', 'post', `${p}-lu`, C(1), { group: 'gU' }),
      newActivity('q1', 'question', `${p}-asker`, C(2), { group: 'gU' }),
      newActivity('q2', 'question', `${p}-asker`, C(3), { group: 'gU' }),
    ]);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
  });
  afterAll(() => t.close());

  it('answers the defaults until a policy is PUT', async () => {
    const res = await get(`/v1/networks/${net}/health-policy`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ network: net, updatedAt: null, ...DEFAULTS });
  });

  it('a PUT changes what fires and the statuses, is audited, and {} restores the defaults', async () => {
    expect(await ids()).toEqual([]);
    expect(await unansweredDimension()).toEqual({ key: 'unanswered', status: 'watch', value: 2, previous: 0, threshold: 1, metric: 'unansweredQuestions' });

    const changed = await put({ unansweredMin: 2 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ ...DEFAULTS, unansweredMin: 2, updatedAt: expect.any(String) });
    expect(await ids()).toEqual(['answer-unanswered:group:gU']);

    expect((await put({ unansweredMin: 2, dimensions: { unanswered: { watch: 5, act: 10 } } })).status).toBe(200);
    expect(await unansweredDimension()).toMatchObject({ status: 'good', value: 2, threshold: 5 });
    expect((await get(`/v1/networks/${net}/health-policy`)).body.dimensions.unanswered).toEqual({ watch: 5, act: 10 });

    const audit = await get(`/v1/audit?action=health-policy.update&target=${net}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'health-policy.update',
      target: net,
      details: { previous: { unansweredMin: 2 }, policy: { unansweredMin: 2, dimensions: { unanswered: { watch: 5, act: 10 } } } },
    });

    expect((await put({})).body).toMatchObject(DEFAULTS);
    expect(await ids()).toEqual([]);
  });

  it.each([
    ['a value below its range', { unansweredMin: 0 }, 'unansweredMin'],
    ['a fraction where a whole number is needed', { busFactorMax: 1.5 }, 'busFactorMax'],
    ['a string', { alignmentDrop: 'high' }, 'alignmentDrop'],
    ['a positive decline', { declineMax: 0.2 }, 'declineMax'],
    ['a rate above 1', { dimensions: { participation: { watch: 1.5 } } }, 'dimensions.participation.watch'],
    ['act on the good side of the default watch', { dimensions: { participation: { act: 0.5 } } }, 'dimensions.participation.act'],
    ['act on the good side of watch (lower is better)', { dimensions: { responsiveness: { watch: 3600, act: 60 } } }, 'dimensions.responsiveness.act'],
    ['an unknown dimension', { dimensions: { mood: { watch: 1 } } }, 'dimensions.mood'],
    ['an unknown field', { unansweredMax: 3 }, 'unansweredMax'],
  ])('a PUT with %s is a 400 naming the field', async (_label, body, path) => {
    const res = await put(body);
    const problem = expectProblem(res, 400, { label: path, type: 'validation' });
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(path);
  });

  it('a bad `at` is a 400; an unknown network a 404', async () => {
    expectProblem(await get(`/v1/networks/${net}/health?at=2026-02-30`), 400, 'at');
    expectProblem(await get(`/v1/networks/${uniqueKey('none')}/health`), 404, 'unknown network');
    expectProblem(await get(`/v1/networks/${uniqueKey('none')}/health-policy`), 404, 'unknown network policy');
  });

  it('an empty network is good everywhere, with nothing to adjust', async () => {
    const empty = await newNetwork(t);
    const res = await get(`/v1/networks/${empty}/health`);
    expect(res.status).toBe(200);
    // alignmentFinal is not asserted: another file's objective for every network may be re-matching in the shared test database
    expect(res.body).toMatchObject({ network: empty, status: 'good', groups: [], adjustments: [] });
    expect(typeof res.body.alignmentFinal).toBe('boolean');
    // no contribution, member, interaction or objective: the indicators' empty values (null rates, 0 counts, busFactor 0)
    expect(
      res.body.dimensions.map((d: { key: string; status: string; value: number | null; previous: number | null }) => [d.key, d.status, d.value, d.previous]),
    ).toEqual([
      ['activity', 'good', null, null],
      ['participation', 'good', null, null],
      ['responsiveness', 'good', null, null],
      ['unanswered', 'good', 0, 0],
      ['leadership', 'good', 0, 0],
      ['concentration', 'good', 0, 0],
      ['alignment', 'good', null, null],
      ['diffusion', 'good', null, null],
    ]);
  });
});
