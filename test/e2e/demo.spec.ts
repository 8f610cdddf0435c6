import type { AddressInfo } from 'node:net';
import { generateDemo } from '../../demo/generator';
import { loadDemo } from '../../demo/load';
import { createApiClient } from '../../src/client';
import { uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * npm run demo: the generator is deterministic, and the loader puts what the generator made into a
 * running service through the public API (the typed client), with the stories the dashboard tells:
 * unanswered questions, an inactive leader, a drifting group, an emerging problem, a confidential
 * group, two objectives and declared profiles. Run at the small size with 2 s of live ingestion.
 */
describe('npm run demo', () => {
  let t: TestApp;
  let base: string;
  const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };
  const get = async (path: string) => {
    const res = await t.http().get(path).set(auth);
    expect([path, res.status]).toEqual([path, 200]);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('generates the same network from the same seed and moment, another from another seed', () => {
    const now = new Date('2026-03-02T10:15:00Z');
    const one = generateDemo({ network: 'demo', seed: 3, now });
    expect(generateDemo({ network: 'demo', seed: 3, now })).toEqual(one);
    expect(generateDemo({ network: 'demo', seed: 4, now }).activities).not.toEqual(one.activities);
    // six months of activities, in time order, all before now
    const times = one.activities.map((a) => Date.parse(a.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(now.getTime() - Math.min(...times)).toBeGreaterThan(150 * 86_400_000);
    // French and English texts
    expect(one.activities.some((a) => /[éèàç]/.test(a.text ?? ''))).toBe(true);
    expect(one.activities.some((a) => /\b(the|how|our)\b/i.test(a.text ?? ''))).toBe(true);
  });

  it('loads the generated network through the API, and the API shows what was put in', async () => {
    const network = uniqueKey('demo');
    const dataset = generateDemo({ network, seed: 11, size: 'small' });
    const phases = new Set<string>();
    const report = await loadDemo(createApiClient(base, TEST_ADMIN_KEY), dataset, { liveSeconds: 2, batchSize: 100, progress: (phase) => phases.add(phase) });
    expect(report.rejected).toBe(0);
    expect(report.liveActivities).toBeGreaterThan(0);
    expect([...phases]).toEqual(['setup', 'history', 'live']);

    await get(`/v1/networks/${network}`);
    const groups = (await get(`/v1/networks/${network}/groups?limit=100`)).items as { externalId: string; visibility: string; leaders: string[] }[];
    expect(groups.map((g) => g.externalId).sort()).toEqual(['cloud', 'comex', 'onboarding', 'rse', 'sales']);
    expect(groups.find((g) => g.externalId === 'comex')?.visibility).toBe('confidential');
    for (const g of groups) expect(g.leaders.length).toBeGreaterThan(0);

    // every generated and live activity is counted: contributions over the whole period
    const from = dataset.activities[0].occurredAt;
    const to = new Date(Date.now() + 60_000).toISOString();
    const contributionKinds = ['post', 'question', 'reply', 'share'];
    const activity = await get(`/v1/networks/${network}/indicators/activity?from=${from}&to=${to}&granularity=month`);
    const generated = dataset.activities.filter((a) => contributionKinds.includes(a.kind)).length;
    expect(activity.totals.contributions).toBeGreaterThanOrEqual(generated);
    expect(
      activity.totals.posts +
        activity.totals.questions +
        activity.totals.replies +
        activity.totals.reactions +
        activity.totals.shares +
        activity.totals.accepts,
    ).toBe(dataset.activities.length + report.liveActivities);

    // the unanswered questions of onboarding, older than 48 h
    const unanswered = (await get(`/v1/networks/${network}/questions/unanswered?from=${from}&to=${to}&limit=1000`)).items.map(
      (q: { externalId: string }) => q.externalId,
    );
    expect(unanswered).toEqual(expect.arrayContaining(dataset.facts.unansweredQuestions));
    expect(dataset.facts.unansweredQuestions).toHaveLength(3);

    // the sales group's leader went quiet 40 days ago
    const comparison = (await get(`/v1/networks/${network}/comparisons/groups?limit=100`)).items as { group: string; leaderInactive: boolean }[];
    expect(comparison.find((g) => g.group === 'sales')?.leaderInactive).toBe(true);
    expect(comparison.find((g) => g.group === 'cloud')?.leaderInactive).toBe(false);

    // the RSE group talked less about its objective in the last 28 days than in the 28 before
    const drift = (await get(`/v1/networks/${network}/indicators/alignment/drift?limit=100`)).items as { group: string; change: number | null }[];
    expect(drift.find((d) => d.group === 'rse')?.change).toBeLessThan(0);
    // other files' objectives for every network share this database: only the demo's own are checked
    const objectives = (await get(`/v1/networks/${network}/indicators/alignment`)).objectives
      .map((o: { key: string }) => o.key)
      .filter((key: string) => key.startsWith(`${network}-`))
      .sort();
    expect(objectives).toEqual([`${network}-cloud-first`, `${network}-decarbonation`]);

    // the VPN problem emerges in the last week
    const topics = (await get(`/v1/networks/${network}/emerging-topics`)).items as { term: string; kind: string }[];
    expect(topics.find((x) => x.term === 'vpn')?.kind).toBe('problem');

    // declared profiles
    const profile = await get(`/v1/members/${encodeURIComponent(dataset.profiles[0].member)}/profile`);
    expect(profile.declared.expertise).toEqual(dataset.profiles[0].body.expertise);

    // a second run on the same network is refused with a message that says what to do
    await expect(loadDemo(createApiClient(base, TEST_ADMIN_KEY), dataset)).rejects.toThrow(/already exists: pass another one with --network/);
  });
});
