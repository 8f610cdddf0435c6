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
