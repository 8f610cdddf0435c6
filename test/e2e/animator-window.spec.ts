import { ingest, newActivity, newMember, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * SPEC §3.8: GET /v1/networks/{key}/animator-candidates?from=&to= ranks over [from, to) (default: the
 * 365 days ending now), so the CNO can recruit on the last quarter as well as on the last year.
 *
 * t0 = now − 200 days: Old (…-old) helped 3 askers then (outside the last quarter);
 * t1 = now − 20 days: Recent (…-rec) helped 1 asker (inside it).
 * Over the last year both are candidates, Old first (3 people helped vs 1); over the last quarter only Recent.
 */
const DAY = 86_400_000;
const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };

describe('animator candidates over a window', () => {
  let t: TestApp;
  let key: string;
  const p = uniqueKey('anw');
  const [OLD, REC, A1, A2, A3, A4] = ['old', 'rec', 'a1', 'a2', 'a3', 'a4'].map((x) => `${p}-${x}`);
  const now = Date.now();
  const at = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t);
    const t0 = now - 200 * DAY;
    const t1 = now - 20 * DAY;
    const records: RawRecord[] = [
      ...[OLD, REC, A1, A2, A3, A4].map((id) => newMember(id)),
      ...[A1, A2, A3].flatMap((asker, i) => [
        newActivity(`q${i}`, 'question', asker, at(t0 + i * 3_600_000)),
        newActivity(`r${i}`, 'reply', OLD, at(t0 + i * 3_600_000 + 600_000), { parent: `q${i}` }),
      ]),
      newActivity('q9', 'question', A4, at(t1)),
      newActivity('r9', 'reply', REC, at(t1 + 600_000), { parent: 'q9' }),
    ];
    await ingest(t, key, records).expect(200);
    await t.http().post(`/v1/networks/${key}/people-index`).set(auth).expect(200);
  });
  afterAll(() => t.close());

  const candidates = async (query: Record<string, string>) => {
    const res = await t.http().get(`/v1/networks/${key}/animator-candidates`).query(query).set(auth);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.any(Object) });
    return res.body as { from: string | null; to: string | null; items: { rank: number; member: string; evidence: { peopleHelped: number } }[] };
  };

  it('over the last quarter only the recent helper; over the last year both, the old helper first', async () => {
    const to = at(now + 60_000);
    const quarter = await candidates({ from: at(now - 91 * DAY), to });
    expect(quarter.items.map((i) => [i.rank, i.member, i.evidence.peopleHelped])).toEqual([[1, REC, 1]]);
    expect({ from: quarter.from, to: quarter.to }).toEqual({ from: new Date(now - 91 * DAY).toISOString(), to: new Date(to).toISOString() });
    const year = await candidates({ from: at(now - 365 * DAY), to });
    expect(year.items.map((i) => [i.rank, i.member, i.evidence.peopleHelped])).toEqual([
      [1, OLD, 3],
      [2, REC, 1],
    ]);
    // only `from`: up to now; only `to`: the 365 days before it
    expect((await candidates({ from: at(now - 91 * DAY) })).items.map((i) => i.member)).toEqual([REC]);
    expect((await candidates({ to: at(now - 100 * DAY) })).items.map((i) => i.member)).toEqual([OLD]);
  });

  it('without from and to: the 365 days ending now, like an explicit last year', async () => {
    const body = await candidates({});
    expect(body.items.map((i) => i.member)).toEqual([OLD, REC]);
    // the index's window, asked explicitly, is computed at request time and gives the same answer
    expect(body.from).not.toBeNull();
    const explicit = await candidates({ from: body.from as string, to: body.to as string });
    expect(explicit).toEqual(body);
  });

  it('windows are validated like every other route', async () => {
    const get = (query: Record<string, string>) => t.http().get(`/v1/networks/${key}/animator-candidates`).query(query).set(auth);
    expectProblem(await get({ from: at(now), to: at(now - DAY) }), 400);
    expectProblem(await get({ from: '0001-01-01T00:00:00Z' }), 400);
    expectProblem(await get({ from: 'yesterday' }), 400);
  });
});
