import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * The dashboard (/dashboard) in a real browser: Debian's Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium) driven by playwright-core. It seeds a small network through the API, enters a
 * key as a user would, and checks the figures shown against what the API answers for the window the
 * page displays. Screenshots go to test-artifacts/ (not committed).
 */

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('dashboard in a real browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let network: string;
  let cnoKey: string;
  let hrKey: string;
  /** objectives this file defines (organisation-wide records, removed after) */
  const objectives: string[] = [];
  let dataObjective: string;
  let cloudObjective: string;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const m = (name: string) => `${network}-${name}`;

  const api = async (path: string, key = cnoKey) => {
    const res = await t.http().get(path).set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });
  }

  /** The numbers of a figures list: metric → data-value (the raw figure the page formatted). */
  async function shown(selector: string): Promise<Record<string, number | null>> {
    const out: Record<string, number | null> = {};
    for (const el of await page.locator(`${selector} [data-metric]`).all()) {
      const value = await el.getAttribute('data-value');
      out[(await el.getAttribute('data-metric')) as string] = value === 'null' ? null : Number(value);
    }
    return out;
  }

  /** A raw figure as the page wrote it: numbers as numbers, 'null' as null, other values (instants) as text. */
  const raw = (value: string) => (value === 'null' ? null : /^-?\d+(\.\d+)?(e-?\d+)?$/.test(value) ? Number(value) : value);

  /**
   * The raw figures (data-metric → data-value) under each element a selector finds, with that element's
   * `key` attribute, read in one expression evaluated in the page (not one round trip per cell).
   */
  async function shownRows(selector: string, key: string): Promise<Record<string, number | string | null>[]> {
    const read = `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => [el.getAttribute(${JSON.stringify(key)}), [...el.querySelectorAll('[data-metric]')].map((m) => [m.dataset.metric, m.dataset.value])])`;
    const found = await page.evaluate<[string | null, [string, string][]][]>(read);
    return found.map(([id, metrics]) => ({ ...(id === null ? {} : { [key]: id }), ...Object.fromEntries(metrics.map(([m, v]) => [m, raw(v)])) }));
  }

  async function shownValues(selector: string): Promise<Record<string, number | string | null>> {
    const [values] = await shownRows(selector, 'data-none');
    return values;
  }

  /** The objectives of the adoption table, in the order shown. */
  const adoptionKeys = async () => (await shownRows('#adoption-table tbody tr', 'data-objective')).map((row) => row['data-objective'] as string);

  const ADOPTION_TOTALS = ['mentions', 'authors', 'departments', 'pullShare', 'pushShare', 'organicReach', 'firstMentionAt'] as const;
  const pick = (o: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

  async function waitRematchDone(key: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const res = await t.http().get(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
      expect(res.status).toBe(200);
      const state = (res.body.rematch as { state: string }).state;
      if (state === 'done') return;
      if (state === 'failed') throw new Error(`re-match of ${key} failed`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`re-match of ${key} not done`);
  }

  /** The adoption section's chosen objective (its totals, its series table and its chart) equals GET …/indicators/adoption?objective= for the window shown. */
  async function expectAdoptionSeries(objective: string): Promise<Record<string, unknown>> {
    await page.locator(`#adoption-series[data-shown="${objective}"]`).waitFor();
    const { from, to } = await windowShown();
    const view = await api(
      `/v1/networks/${network}/indicators/adoption?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&granularity=day&objective=${objective}`,
    );
    const o = view.objectives[0];
    expect(await shownValues('#adoption-figures')).toEqual(pick(o, [...ADOPTION_TOTALS, 'pulled', 'pushed']));
    // each day's row: its bucket start and its four figures
    const series = (await shownRows('#adoption-series-table tbody tr', 'data-start')).map(({ 'data-start': start, ...figures }) => ({ start, ...figures }));
    expect(series).toEqual(o.series);
    if (o.mentions > 0) await page.locator('#adoption-series .uplot').waitFor();
    return o;
  }

  /** The window the page shows and queried with. */
  async function windowShown(): Promise<{ from: string; to: string }> {
    const el = page.locator('#window');
    return { from: (await el.getAttribute('data-from')) as string, to: (await el.getAttribute('data-to')) as string };
  }

  /** The number of the page's latest completed load of every section. */
  const loaded = async () => (await page.locator('body').getAttribute('data-loaded')) ?? '';

  async function waitLoaded(previous = ''): Promise<string> {
    // a selector, not a predicate: the page's CSP forbids the eval a string predicate needs
    await page.locator(`body[data-loaded]:not([data-loaded="${previous}"])`).waitFor({ state: 'attached' });
    return loaded();
  }

  async function groupNames(): Promise<string[]> {
    const buttons = await page.locator('#comparison-table tbody tr td:first-child button').all();
    return Promise.all(buttons.map(async (b) => (await b.getAttribute('data-group')) as string));
  }

  const textOf = async (selector: string) => (await page.locator(selector).textContent()) ?? '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
    mkdirSync(ARTIFACTS, { recursive: true });
    // the page's scripts, as `npm run build` compiles them
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'web', 'dashboard', 'tsconfig.json')], {
      cwd: ROOT,
      stdio: 'pipe',
    });

    t = await startTestApp({ LIVE_HEARTBEAT_SECONDS: '1' });
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    network = await newNetwork(t);
    const records = [
      ...['ana', 'bob', 'cleo', 'dan', 'eve', 'fay'].map((n, i) => newMember(m(n), { displayName: n.toUpperCase(), department: i % 2 ? 'IT' : 'Sales' })),
      newGroup(m('cloud'), { name: 'Cloud' }),
      newGroup(m('data'), { name: 'Data' }),
      newMembership(m('cloud'), m('ana'), { role: 'leader' }),
      newMembership(m('cloud'), m('bob')),
      newMembership(m('cloud'), m('cleo')),
      newMembership(m('data'), m('dan'), { role: 'leader' }),
      newMembership(m('data'), m('eve')),
      newMembership(m('data'), m('fay')),
      // Cloud: 3 posts, 2 replies, 1 reaction; Data: a question answered, 3 left unanswered for 3 to 5 days
      newActivity(m('p1'), 'post', m('ana'), ago(5 * DAY), { group: m('cloud'), text: 'Kubernetes upgrade plan' }),
      newActivity(m('p2'), 'post', m('bob'), ago(4 * DAY), { group: m('cloud'), text: 'Cost report' }),
      newActivity(m('p3'), 'post', m('cleo'), ago(3 * DAY), { group: m('cloud'), text: 'Outage review' }),
      newActivity(m('r1'), 'reply', m('bob'), ago(5 * DAY - HOUR), { group: m('cloud'), parent: m('p1'), text: 'Looks good' }),
      newActivity(m('r2'), 'reply', m('ana'), ago(3 * DAY - 2 * HOUR), { group: m('cloud'), parent: m('p3'), text: 'Thanks' }),
      newActivity(m('x1'), 'reaction', m('cleo'), ago(4 * DAY - HOUR), { group: m('cloud'), parent: m('p2') }),
      newActivity(m('q1'), 'question', m('eve'), ago(6 * DAY), { group: m('data'), text: 'Which warehouse for events?', tags: ['warehouse'] }),
      newActivity(m('q1r'), 'reply', m('dan'), ago(6 * DAY - 3 * HOUR), { group: m('data'), parent: m('q1'), text: 'The lake' }),
      newActivity(m('q2'), 'question', m('fay'), ago(3 * DAY), { group: m('data'), text: 'Who owns the schema registry?', tags: ['schema'] }),
      newActivity(m('q3'), 'question', m('eve'), ago(4 * DAY), { group: m('data'), text: 'Is there a data contract template?', tags: ['schema'] }),
      newActivity(m('q4'), 'question', m('fay'), ago(5 * DAY), { group: m('data'), text: 'Where are the event schemas documented?', tags: ['schema'] }),
      // the previous period: 2 contributions in Cloud
      newActivity(m('old1'), 'post', m('ana'), ago(40 * DAY), { group: m('cloud'), text: 'Welcome' }),
      newActivity(m('old2'), 'reply', m('bob'), ago(40 * DAY - HOUR), { group: m('cloud'), parent: m('old1'), text: 'Hello' }),
    ];
    const res = await ingest(t, network, records);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([]);
    // the people index (expertise coverage behind cover-expertise) is computed now, so the page and the
    // API read below see the same one rather than before and after its first run
    const indexed = await t.http().post(`/v1/networks/${network}/people-index`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(indexed.status).toBe(200);

    const key = async (role: string) => {
      const created = await t
        .http()
        .post('/v1/api-keys')
        .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
        .send({ name: `dashboard ${role} ${uniqueKey()}`, role, networks: [network] });
      expect(created.status).toBe(201);
      return created.body.secret as string;
    };
    cnoKey = await key('cno');
    hrKey = await key('hr');

    browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
  });

  afterEach(() => {
    // no script error in the page (a failed request's console line is expected where a test provokes a 401 or 403)
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    for (const key of objectives) await t.http().delete(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    await browser?.close();
    await t?.close();
  });

  it('loads without a key and says what to do; a wrong key and a wrong role are explained', async () => {
    const res = await fetch(`${base}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);

    await page.goto(`${base}/dashboard?network=${network}`);
    await page.waitForSelector('#status .message');
    expect(await textOf('#status')).toContain('Enter an API key');
    await shot('no-key');

    await page.fill('#key', 'not-a-key-0123456789');
    await page.click('#use-key');
    await page.locator('#status', { hasText: '401' }).waitFor();
    expect(await page.inputValue('#key')).toBe(''); // the key is not left in the field

    await page.fill('#key', hrKey);
    await page.press('#key', 'Enter');
    await page.locator('#activity-body', { hasText: '403' }).waitFor();
    expect(await textOf('#activity-body')).toContain('cno or admin');
    await shot('wrong-role');
  });

  it('shows the figures the API answers for the window it displays', async () => {
    await page.click('#forget-key');
    await page.fill('#key', cnoKey);
    await page.click('#use-key');
    await waitLoaded();
    // the key lives in session storage only
    expect(await page.evaluate('sessionStorage.getItem("cno-dashboard-key")')).toBe(cnoKey);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(page.url()).not.toContain(cnoKey);

    const { from, to } = await windowShown();
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const activity = await api(`/v1/networks/${network}/indicators/activity?${q}&granularity=day`);
    const figures = await shown('#activity-figures');
    // 3 posts + 2 replies in Cloud, 4 questions + 1 reply in Data = 10 contributions; 1 reaction
    expect(figures.contributions).toBe(10);
    for (const metric of Object.keys(figures)) expect([metric, figures[metric]]).toEqual([metric, activity.totals[metric]]);
    expect(await textOf('#activity-figures [data-metric="contributions"]')).toBe(String(activity.totals.contributions));

    const responsiveness = await api(`/v1/networks/${network}/indicators/responsiveness?${q}`);
    const shownResponsiveness = await shown('#responsiveness-figures');
    for (const metric of Object.keys(shownResponsiveness)) expect([metric, shownResponsiveness[metric]]).toEqual([metric, responsiveness[metric]]);
    // q4, q3 and q2 wait for 5, 4 and 3 days (> 48 h), oldest first
    expect(shownResponsiveness.unansweredQuestions).toBe(3);
    expect(await page.locator('#unanswered-table tbody tr td:first-child').allTextContents()).toEqual([m('q4'), m('q3'), m('q2')]);

    // the scorecard: its dimensions and adjustments as GET …/health answers them, adjustments first
    const health = await api(`/v1/networks/${network}/health`);
    const dimensions: Record<string, number | null> = {};
    for (const li of await page.locator('#dimensions li[data-dimension]').all()) {
      const value = await li.locator('.value').getAttribute('data-value');
      dimensions[(await li.getAttribute('data-dimension')) as string] = value === 'null' ? null : Number(value);
    }
    expect(dimensions).toEqual(Object.fromEntries(health.dimensions.map((d: { key: string; value: number | null }) => [d.key, d.value])));
    const adjustments = await Promise.all((await page.locator('#adjustments > li').all()).map((li) => li.getAttribute('data-adjustment')));
    expect(adjustments).toEqual(health.adjustments.map((a: { id: string }) => a.id));
    // 3 unanswered questions in Data reach the default unansweredMin (3)
    expect(adjustments).toContain(`answer-unanswered:group:${m('data')}`);
    expect(await page.locator(`#adjustments li[data-kind="answer-unanswered"] button[data-group="${m('data')}"]`).textContent()).toBe('Show Data only');
    const order = await page.evaluate('[...document.querySelectorAll("main > section")].map((s) => s.id)');
    expect((order as string[])[0]).toBe('scorecard');

    const groups = await api(`/v1/networks/${network}/comparisons/groups?${q}&sort=contributions&order=desc`);
    expect(await groupNames()).toEqual(groups.items.map((g: { group: string }) => g.group));

    // change adoption before any objective of this file: the page lists what the API lists (objectives
    // are organisation-wide, so another file's objective for every network may be there); with none,
    // the empty state says how to define one
    const adoption = await api(`/v1/networks/${network}/indicators/adoption?${q}&granularity=day`);
    const adoptionRows = await adoptionKeys();
    if (adoption.objectives.length === 0 && adoptionRows.length === 0) expect(await textOf('#adoption-body')).toContain('PUT /v1/objectives/');
    else expect(adoptionRows.sort()).toEqual(adoption.objectives.map((o: { key: string }) => o.key).sort());
    await shot('network');
  });

  it('sorts the comparison table through its header buttons (aria-sort says how)', async () => {
    const { from, to } = await windowShown();
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const header = '#comparison th[data-column="medianTimeToFirstResponse"]';
    await page.click(`${header} button`);
    await page.waitForSelector(`${header}[aria-sort="ascending"]`);
    const ascending = await api(`/v1/networks/${network}/comparisons/groups?${q}&sort=medianTimeToFirstResponse&order=asc`);
    expect(await groupNames()).toEqual(ascending.items.map((g: { group: string }) => g.group));
    // Cloud's roots were answered after 1 h (p1) and 2 h (p3): median 1.5 h; Data's after 3 h (q1): Cloud first
    expect(await groupNames()).toEqual([m('cloud'), m('data')]);
    // the focus stays on the header button, so a keyboard user sorts again with Enter
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${header}[aria-sort="descending"]`);
    expect(await groupNames()).toEqual([m('data'), m('cloud')]);
    expect(await page.evaluate('document.activeElement.closest("th").dataset.column')).toBe('medianTimeToFirstResponse');
    await shot('sorted');
  });

  it('shows change adoption per objective as the API answers it, says whether it is pulled or pushed, and charts an objective’s authors', async () => {
    // two objectives of this network only, defined after its activities were ingested: the re-match
    // job matches them in the background, waited for as the objectives tests do
    dataObjective = uniqueKey('dash-data');
    cloudObjective = uniqueKey('dash-cloud');
    const definitions: [string, object][] = [
      [
        dataObjective,
        {
          name: 'Data quality',
          networks: [network],
          keywords: [
            { term: 'schema', weight: 2 },
            { term: 'warehouse', weight: 1 },
            { term: 'lake', weight: 1 },
          ],
        },
      ],
      [cloudObjective, { name: 'Cloud platform', networks: [network], keywords: [{ term: 'kubernetes', weight: 1 }] }],
    ];
    for (const [key, body] of definitions) {
      const res = await t.http().put(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`).send(body);
      expect(res.status).toBe(201);
      objectives.push(key);
    }
    for (const [key] of definitions) await waitRematchDone(key);

    const before = await loaded();
    await page.click('#reload');
    await waitLoaded(before);
    const { from, to } = await windowShown();
    const list = await api(`/v1/networks/${network}/indicators/adoption?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&granularity=day`);
    expect(list.rematching).not.toContain(dataObjective);
    expect(list.rematching).not.toContain(cloudObjective);
    // every objective the API lists has its row, with the API's figures
    const rowKeys = await adoptionKeys();
    expect([...rowKeys].sort()).toEqual(list.objectives.map((o: { key: string }) => o.key).sort());
    const byKey = new Map<string, Record<string, unknown>>(list.objectives.map((o: Record<string, unknown>) => [o.key as string, o]));
    for (const key of rowKeys)
      expect([key, await shownValues(`#adoption-table tr[data-objective="${key}"]`)]).toEqual([
        key,
        pick(byKey.get(key) as Record<string, unknown>, ADOPTION_TOTALS),
      ]);
    // Data quality: q1 (warehouse), q1r (lake), q2, q3 (tag) and q4 ("schemas" loses its s) = 5 mentions by eve, dan
    // and fay (3 authors; Sales, IT, IT = 2 departments); 4 questions and q1r, a reply in a question's thread: all 5
    // pulled, none pushed (dan leads Data but replied); reach: dan replied to eve's q1 = 1; first mention q1, 6 days ago
    expect(pick(byKey.get(dataObjective) as Record<string, unknown>, ADOPTION_TOTALS)).toEqual({
      mentions: 5,
      authors: 3,
      departments: 2,
      pullShare: 1, // 5 / 5
      pushShare: 0, // 0 / 5
      organicReach: 1,
      firstMentionAt: ago(6 * DAY),
    });
    // Cloud platform: p1 "Kubernetes upgrade plan", a post by ana who leads Cloud = 1 mention, pushed; bob replied (reach 1)
    expect(pick(byKey.get(cloudObjective) as Record<string, unknown>, ADOPTION_TOTALS)).toEqual({
      mentions: 1,
      authors: 1,
      departments: 1,
      pullShare: 0,
      pushShare: 1, // 1 / 1
      organicReach: 1,
      firstMentionAt: ago(5 * DAY),
    });
    const driver = (key: string) => page.locator(`#adoption-table tr[data-objective="${key}"] [data-driver]`);
    expect([await driver(dataObjective).getAttribute('data-driver'), await driver(dataObjective).textContent()]).toEqual(['pulled', 'Pulled by collaborators']);
    expect([await driver(cloudObjective).getAttribute('data-driver'), await driver(cloudObjective).textContent()]).toEqual(['pushed', 'Pushed by leaders']);

    // the first row (most mentions) is charted at once; a click and the keyboard choose another
    await page.locator(`#adoption-series[data-shown="${rowKeys[0]}"]`).waitFor();
    await page.click(`#adoption-table button[data-objective="${dataObjective}"]`);
    const data = await expectAdoptionSeries(dataObjective);
    const series = data.series as { newAuthors: number; cumulativeAuthors: number; mentions: number }[];
    // 5 mentions over the window; eve, dan and fay each first mention it in the window: 3 new authors, 3 at the end
    expect(series.reduce((sum, b) => sum + b.mentions, 0)).toBe(5);
    expect(series.reduce((sum, b) => sum + b.newAuthors, 0)).toBe(3);
    expect(series[series.length - 1].cumulativeAuthors).toBe(3);
    await shot('adoption');
    await page.focus(`#adoption-table button[data-objective="${cloudObjective}"]`);
    await page.keyboard.press('Enter');
    await expectAdoptionSeries(cloudObjective);
    expect(await page.locator(`#adoption-table button[data-objective="${cloudObjective}"]`).getAttribute('aria-current')).toBe('true');
    expect(await page.locator('#adoption-table tr.selected').getAttribute('data-objective')).toBe(cloudObjective);

    // sorted through its header buttons, the focus kept for the keyboard: pushed share 1 (Cloud) before 0 (Data), then reversed
    const mine = async () => (await adoptionKeys()).filter((k) => k === dataObjective || k === cloudObjective);
    const header = '#adoption th[data-column="pushShare"]';
    await page.click(`${header} button`);
    await page.waitForSelector(`${header}[aria-sort="descending"]`);
    expect(await mine()).toEqual([cloudObjective, dataObjective]);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${header}[aria-sort="ascending"]`);
    expect(await mine()).toEqual([dataObjective, cloudObjective]);
    expect(await page.evaluate('document.activeElement.closest("th").dataset.column')).toBe('pushShare');
  });

  it('scopes everything to a group when its name is clicked', async () => {
    const before = await loaded();
    await page.click(`#comparison-table button[data-group="${m('cloud')}"]`);
    await waitLoaded(before);
    expect(await textOf('#scope-name')).toContain('Cloud');
    expect(page.url()).toContain(`group=${encodeURIComponent(m('cloud'))}`);
    const { from, to } = await windowShown();
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&group=${encodeURIComponent(m('cloud'))}`;
    const activity = await api(`/v1/networks/${network}/indicators/activity?${q}&granularity=day`);
    const figures = await shown('#activity-figures');
    // Cloud: 3 posts + 2 replies
    expect(figures.contributions).toBe(5);
    for (const metric of Object.keys(figures)) expect([metric, figures[metric]]).toEqual([metric, activity.totals[metric]]);
    // Cloud has no question: nothing unanswered in its scope
    expect((await shown('#responsiveness-figures')).unansweredQuestions).toBe(0);
    expect(await page.locator('#comparison-table tr.selected button').getAttribute('data-group')).toBe(m('cloud'));
    // change adoption in Cloud: Data quality's 5 mentions are all in Data, Cloud platform's post is in Cloud
    const mentions = (key: string) => page.locator(`#adoption-table tr[data-objective="${key}"] [data-metric="mentions"]`).getAttribute('data-value');
    expect([await mentions(dataObjective), await mentions(cloudObjective)]).toEqual(['0', '1']);
    expect(await page.locator(`#adoption-table tr[data-objective="${dataObjective}"] [data-driver]`).getAttribute('data-driver')).toBe('none');
    await shot('group');

    const scoped = await loaded();
    await page.click('#clear-group');
    await waitLoaded(scoped);
    expect((await shown('#activity-figures')).contributions).toBe(10);
  });

  it('switches the labels to French', async () => {
    const before = await loaded();
    await page.click('button[data-lang="fr"]');
    await waitLoaded(before);
    expect(await textOf('#activity-title')).toBe('Activité');
    expect(await textOf('#adoption-title')).toBe('Adoption du changement');
    expect(await textOf(`#adoption-table tr[data-objective="${cloudObjective}"] [data-driver]`)).toBe('Poussé par les animateurs');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await shot('french');
    const fr = await loaded();
    await page.click('button[data-lang="en"]');
    await waitLoaded(fr);
  });

  it('moves a live counter within a second or so of an ingestion (the stream read with fetch, the key in its header)', async () => {
    await page.locator('#live-state[data-state="open"]').waitFor();
    const today = '[data-live="today.activities"]';
    await page.locator(`${today}:not([data-value="null"])`).waitFor();
    // every seeded activity is at least 3 days old
    expect(await page.locator(today).getAttribute('data-value')).toBe('0');
    const res = await ingest(t, network, [newActivity(m('live1'), 'post', m('bob'), new Date().toISOString(), { group: m('cloud'), text: 'Live!' })]);
    expect(res.status).toBe(200);
    await page.locator(`${today}[data-value="1"]`).waitFor();
    expect(await page.locator('[data-live="today.contributions"]').getAttribute('data-value')).toBe('1');
    // the activity event: its kind and group, never its text
    const feed = page.locator('#live-feed li').first();
    await feed.waitFor();
    expect(await feed.textContent()).toContain(m('cloud'));
    expect(await feed.textContent()).not.toContain('Live!');
    await shot('live');
  });
});
