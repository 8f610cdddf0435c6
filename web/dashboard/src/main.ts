import type { ApiClient, components } from '../../../src/client/index.js';
import { apiClient, ApiFailure, call } from './api.js';
import { lineChart } from './chart.js';
import { byId, fill, h, type Child } from './dom.js';
import { formatChange, formatDate, formatDuration, formatNumber, formatRate, initialLang, lang, setLang, t, type Lang } from './i18n.js';
import { followLive, type LiveActivity, type LiveCounters } from './live.js';
import { renderScorecard } from './scorecard.js';

type Schemas = components['schemas'];
type Row = Record<string, unknown>;

const ADOPTION_COLUMNS = ['mentions', 'authors', 'departments', 'pullShare', 'pushShare', 'organicReach', 'firstMentionAt'] as const;
type AdoptionColumn = (typeof ADOPTION_COLUMNS)[number];

const KEY_STORAGE = 'cno-dashboard-key';
const LANG_STORAGE = 'cno-dashboard-lang';
const DAY_MS = 86_400_000;

interface State {
  key: string | null;
  networks: Schemas['NetworkView'][];
  network: string | null;
  group: { key: string; name: string | null } | null;
  days: number;
  compare: 'groups' | 'leaders';
  sort: string;
  order: 'asc' | 'desc';
  expertTopic: string | null;
  adoptionSort: AdoptionColumn;
  adoptionOrder: 'asc' | 'desc';
  /** the objective whose authors over time the adoption section shows */
  adoptionObjective: string | null;
  /** the window every section of one load uses: [from, to) */
  from: string;
  to: string;
}

const state: State = {
  key: null,
  networks: [],
  network: null,
  group: null,
  days: 28,
  compare: 'groups',
  sort: 'contributions',
  order: 'desc',
  expertTopic: null,
  adoptionSort: 'mentions',
  adoptionOrder: 'desc',
  adoptionObjective: null,
  from: '',
  to: '',
};

/** Incremented by each load: a section whose answers arrive after a newer load started drops them. */
let generation = 0;
let stopLive: (() => void) | null = null;

// ---------- messages ----------

function message(text: string, kind: 'info' | 'error' = 'info', ...extra: Child[]): HTMLElement {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : null }, text, ...extra);
}

/** What to tell the user for a failed call: each case says what to do. */
function failureText(error: unknown): string {
  if (error instanceof ApiFailure) {
    switch (error.kind) {
      case 'unauthorized':
        return t('unauthorized');
      case 'forbidden':
        return t('forbidden');
      case 'not-found':
        return t('notFound');
      case 'unreachable':
        return t('unreachable');
      case 'other':
        return t('failed', { status: error.status, detail: error.detail || '' });
    }
  }
  return t('failed', { status: '—', detail: String(error) });
}

function failureMessage(error: unknown): HTMLElement {
  return message(failureText(error), 'error', ' ', h('button', { type: 'button', onclick: () => void loadAll() }, t('retry')));
}

function setStatus(...children: Child[]): void {
  fill('status', ...children);
}

// ---------- small renderers ----------

interface Figure {
  metric: string;
  label: string;
  value: number | null | undefined;
  format: (v: number | null | undefined) => string;
}

function figures(list: Figure[], id?: string): HTMLElement {
  return h(
    'dl',
    { class: 'figures', id },
    list.map((f) =>
      h(
        'div',
        {},
        h('dt', {}, f.label),
        h('dd', { 'data-metric': f.metric, 'data-value': f.value === null || f.value === undefined ? 'null' : String(f.value) }, f.format(f.value)),
      ),
    ),
  );
}

const num = (v: number | null | undefined) => formatNumber(v);

function table(headers: Child[], rows: Child[][], attrs: Record<string, string> = {}): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attrs,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((x) => (x instanceof HTMLElement && x.tagName === 'TH' ? x : h('th', { scope: 'col' }, x))),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            r.map((c) => (c instanceof HTMLElement && c.tagName === 'TD' ? c : h('td', {}, c))),
          ),
        ),
      ),
    ),
  );
}

const numCell = (text: string, value?: number | null) => h('td', { class: 'num', 'data-value': value === undefined ? null : String(value) }, text);

function windowQuery(): { from: string; to: string } {
  return { from: state.from, to: state.to };
}

function groupQuery(): { group?: string } {
  return state.group ? { group: state.group.key } : {};
}

// ---------- sections ----------

async function section(id: string, gen: number, render: (api: ApiClient, fresh: () => boolean) => Promise<(Child | Child[])[]>): Promise<void> {
  const body = byId(`${id}-body`);
  body.setAttribute('aria-busy', 'true');
  if (!body.hasChildNodes()) body.append(message(t('loading')));
  const fresh = () => gen === generation;
  try {
    const content = await render(apiClient(state.key as string), fresh);
    if (fresh()) fill(`${id}-body`, ...content);
  } catch (error) {
    if (fresh()) fill(`${id}-body`, failureMessage(error));
  } finally {
    if (fresh()) body.removeAttribute('aria-busy');
  }
}

async function activitySection(api: ApiClient): Promise<Child[]> {
  const key = state.network as string;
  const length = Date.parse(state.to) - Date.parse(state.from);
  const previousFrom = new Date(Date.parse(state.from) - length).toISOString();
  const [current, previous] = await Promise.all([
    call(api.GET('/v1/networks/{key}/indicators/activity', { params: { path: { key }, query: { ...windowQuery(), ...groupQuery(), granularity: 'day' } } })),
    call(
      api.GET('/v1/networks/{key}/indicators/activity', {
        params: { path: { key }, query: { from: previousFrom, to: state.from, ...groupQuery(), granularity: 'day' } },
      }),
    ),
  ]);
  const totals = current.totals;
  const out: Child[] = [
    figures(
      [
        { metric: 'contributions', label: t('contributions'), value: totals.contributions, format: num },
        { metric: 'activeMembers', label: t('activeMembers'), value: totals.activeMembers, format: num },
        { metric: 'members', label: t('members'), value: totals.members, format: num },
        { metric: 'participationRate', label: t('participationRate'), value: totals.participationRate, format: formatRate },
        { metric: 'growth', label: t('growth'), value: totals.growth, format: formatChange },
        { metric: 'posts', label: t('posts'), value: totals.posts, format: num },
        { metric: 'questions', label: t('questions'), value: totals.questions, format: num },
        { metric: 'replies', label: t('replies'), value: totals.replies, format: num },
        { metric: 'reactions', label: t('reactions'), value: totals.reactions, format: num },
      ],
      'activity-figures',
    ),
  ];
  const empty = totals.contributions === 0 && totals.activeMembers === 0 && previous.totals.contributions === 0;
  if (empty) return [message(t('noData', { key })), ...out];
  const days = current.series.map((b) => Date.parse(b.start) / 1000);
  const thisPeriod = current.series.map((b) => b.contributions);
  const before = days.map((_d, i) => previous.series[i]?.contributions ?? null);
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': t('contributionsPerDay') });
  const dayLabel = (s: number) =>
    new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: current.timezone }).format(new Date(s * 1000));
  out.push(
    h('h3', {}, t('contributionsPerDay')),
    chart,
    h(
      'details',
      {},
      h('summary', {}, t('contributionsPerDay')),
      table(
        [t('day'), t('thisPeriod'), t('previousPeriod')],
        days.map((d, i) => [dayLabel(d), numCell(num(thisPeriod[i]), thisPeriod[i]), numCell(num(before[i]), before[i])]),
      ),
    ),
  );
  // drawn once attached, so it takes the width of its panel
  requestAnimationFrame(() =>
    lineChart(
      chart,
      days,
      [
        { label: t('thisPeriod'), values: thisPeriod, color: '#1f4fa3' },
        { label: t('previousPeriod'), values: before, color: '#5c5c5c', dash: [6, 4] },
      ],
      dayLabel,
      t('day'),
    ),
  );
  return out;
}

const GROUP_COLUMNS = [
  'contributions',
  'activeMembers',
  'members',
  'participationRate',
  'growth',
  'responseRate',
  'medianTimeToFirstResponse',
  'alignmentRate',
] as const;
const LEADER_COLUMNS = [
  'groupsLed',
  'contributions',
  'ownContributions',
  'firstResponses',
  'responseRate',
  'medianTimeToFirstResponse',
  'alignmentRate',
] as const;

function formatColumn(column: string, value: unknown): string {
  const v = typeof value === 'number' ? value : null;
  if (column.endsWith('Rate')) return formatRate(v);
  if (column === 'growth') return formatChange(v);
  if (column === 'medianTimeToFirstResponse') return formatDuration(v);
  return formatNumber(v);
}

async function comparisonSection(api: ApiClient): Promise<Child[]> {
  const key = state.network as string;
  const query = { ...windowQuery(), sort: state.sort as 'contributions', order: state.order, limit: 500 };
  const page =
    state.compare === 'groups'
      ? await call(api.GET('/v1/networks/{key}/comparisons/groups', { params: { path: { key }, query } }))
      : await call(api.GET('/v1/networks/{key}/comparisons/leaders', { params: { path: { key }, query } }));
  const rows = page.items as Row[];
  const toggle = h(
    'div',
    { class: 'lang', role: 'group', 'aria-label': t('comparison') },
    (['groups', 'leaders'] as const).map((c) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(state.compare === c),
          id: `compare-${c}`,
          onclick: () => {
            state.compare = c;
            if (!(c === 'groups' ? (GROUP_COLUMNS as readonly string[]) : (LEADER_COLUMNS as readonly string[])).includes(state.sort))
              state.sort = 'contributions';
            void section('comparison', generation, comparisonSection);
          },
        },
        t(c),
      ),
    ),
  );
  if (rows.length === 0) return [toggle, message(t('noData', { key }))];
  const columns: readonly string[] = state.compare === 'groups' ? GROUP_COLUMNS : LEADER_COLUMNS;
  const header = (column: string) => {
    const sorted = state.sort === column;
    return h(
      'th',
      { scope: 'col', class: 'num', 'aria-sort': sorted ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none', 'data-column': column },
      h(
        'button',
        {
          type: 'button',
          title: t('sortBy', { column: t(column) }),
          onclick: () => {
            if (state.sort === column) state.order = state.order === 'asc' ? 'desc' : 'asc';
            else {
              state.sort = column;
              state.order = column === 'medianTimeToFirstResponse' ? 'asc' : 'desc';
            }
            void section('comparison', generation, comparisonSection).then(() =>
              document.querySelector<HTMLButtonElement>(`#comparison th[data-column="${column}"] button`)?.focus(),
            );
          },
        },
        t(column),
      ),
    );
  };
  const nameCell = (row: Row): HTMLElement => {
    if (state.compare === 'leaders') return h('td', {}, String(row.displayName ?? row.member), h('br'), h('small', {}, String(row.member)));
    const groupKey = String(row.group);
    const name = typeof row.name === 'string' ? row.name : null;
    return h(
      'td',
      {},
      h(
        'button',
        { type: 'button', class: 'link', 'data-group': groupKey, title: t('scopeTo', { name: name ?? groupKey }), onclick: () => scopeToGroup(groupKey, name) },
        name ?? `${groupKey} (${t('confidential')})`,
      ),
      row.leaderInactive === true ? [' ', h('span', { class: 'badge act' }, t('leaderInactive'))] : null,
    );
  };
  const body = rows.map((row) => {
    const cells: Child[] = [nameCell(row), ...columns.map((c) => numCell(formatColumn(c, row[c]), typeof row[c] === 'number' ? row[c] : null))];
    return cells;
  });
  const el = table([h('th', { scope: 'col' }, t(state.compare === 'groups' ? 'group' : 'member')), ...columns.map(header)], body, { id: 'comparison-table' });
  if (state.compare === 'groups' && state.group) {
    const selected = state.group.key;
    el.querySelectorAll('tbody tr').forEach((tr, i) => {
      if (String(rows[i].group) === selected) tr.classList.add('selected');
    });
  }
  return [toggle, el];
}

async function responsivenessSection(api: ApiClient): Promise<Child[]> {
  const key = state.network as string;
  const query = { ...windowQuery(), ...groupQuery() };
  const [figuresView, unanswered] = await Promise.all([
    call(api.GET('/v1/networks/{key}/indicators/responsiveness', { params: { path: { key }, query } })),
    call(api.GET('/v1/networks/{key}/questions/unanswered', { params: { path: { key }, query: { ...query, limit: 20 } } })),
  ]);
  const now = Date.now();
  return [
    figures(
      [
        { metric: 'roots', label: t('posts') + ' + ' + t('questions'), value: figuresView.roots, format: num },
        { metric: 'responseRate', label: t('responseRate'), value: figuresView.responseRate, format: formatRate },
        { metric: 'medianTimeToFirstResponse', label: t('medianTimeToFirstResponse'), value: figuresView.medianTimeToFirstResponse, format: formatDuration },
        { metric: 'resolvedRate', label: t('resolvedRate'), value: figuresView.resolvedRate, format: formatRate },
        { metric: 'unansweredQuestions', label: t('unansweredQuestions'), value: figuresView.unansweredQuestions, format: num },
      ],
      'responsiveness-figures',
    ),
    h('h3', {}, t('unansweredList')),
    unanswered.items.length === 0
      ? message(t('noUnanswered'))
      : table(
          [t('question'), t('author'), t('group'), t('askedAt'), t('waiting')],
          unanswered.items.map((q) => [
            q.externalId,
            q.author ?? t('hidden'),
            q.group ?? t('noGroup'),
            formatDate(q.occurredAt, true),
            formatDuration((now - Date.parse(q.occurredAt)) / 1000),
          ]),
          { id: 'unanswered-table' },
        ),
  ];
}

async function alignmentSection(api: ApiClient): Promise<Child[]> {
  const key = state.network as string;
  const [view, drift] = await Promise.all([
    call(api.GET('/v1/networks/{key}/indicators/alignment', { params: { path: { key }, query: { ...windowQuery(), ...groupQuery() } } })),
    call(api.GET('/v1/networks/{key}/indicators/alignment/drift', { params: { path: { key }, query: { ...windowQuery(), limit: 100 } } })),
  ]);
  const out: Child[] = [];
  if (!view.final || !drift.final) out.push(h('p', { class: 'note' }, t('alignmentPending')));
  out.push(
    figures([
      { metric: 'contributions', label: t('contributions'), value: view.contributions, format: num },
      { metric: 'alignmentRate', label: t('alignmentRate'), value: view.alignmentRate, format: formatRate },
    ]),
  );
  out.push(
    view.objectives.length === 0
      ? message(t('noObjectives', { key: '…' }))
      : table(
          [t('objective'), h('th', { scope: 'col', class: 'num' }, t('matches')), h('th', { scope: 'col', class: 'num' }, t('share'))],
          view.objectives.map((o) => [o.name, numCell(num(o.matches), o.matches), numCell(formatRate(o.share), o.share)]),
          { id: 'objectives-table' },
        ),
  );
  out.push(h('h3', {}, t('drift')));
  out.push(
    drift.items.length === 0
      ? message(t('noDrift'))
      : table(
          [
            t('group'),
            h('th', { scope: 'col', class: 'num' }, t('previousPeriod')),
            h('th', { scope: 'col', class: 'num' }, t('thisPeriod')),
            h('th', { scope: 'col', class: 'num' }, t('change')),
          ],
          drift.items.map((d) => [
            d.name ?? `${d.group} (${t('confidential')})`,
            numCell(formatRate(d.previousAlignmentRate)),
            numCell(formatRate(d.alignmentRate)),
            numCell(formatChange(d.change), d.change),
          ]),
          { id: 'drift-table' },
        ),
  );
  return out;
}

// ---------- change adoption (SPEC §3.9) ----------

type AdoptionObjective = Schemas['AdoptionObjectiveView'];
type AdoptionFigures = Pick<AdoptionObjective, 'mentions' | 'pullShare' | 'pushShare'>;

/**
 * Whether the change is pulled by collaborators or pushed by leaders, in the SPEC's terms: the pulled
 * share (questions, and replies in a question's thread) against the pushed share (posts and shares by
 * a leader of the group), both as the API answers them.
 */
function adoptionDriver(o: AdoptionFigures): 'none' | 'pulled' | 'pushed' | 'balanced' | 'neither' {
  if (o.mentions === 0 || o.pullShare === null || o.pushShare === null) return 'none';
  if (o.pullShare === 0 && o.pushShare === 0) return 'neither';
  if (o.pullShare > o.pushShare) return 'pulled';
  return o.pushShare > o.pullShare ? 'pushed' : 'balanced';
}

function driverLabel(o: AdoptionFigures): HTMLElement {
  const driver = adoptionDriver(o);
  return h('span', { 'data-driver': driver }, t(`driver_${driver}`));
}

function formatAdoption(column: AdoptionColumn, value: number | string | null, timezone: string): string {
  if (column === 'firstMentionAt') return formatDate(value as string | null, false, timezone);
  if (column === 'pullShare' || column === 'pushShare') return formatRate(value as number | null);
  return formatNumber(value as number | null);
}

const adoptionCell = (column: AdoptionColumn, value: number | string | null, timezone: string) =>
  h(
    'td',
    { class: column === 'firstMentionAt' ? null : 'num', 'data-metric': column, 'data-value': value === null ? 'null' : String(value) },
    formatAdoption(column, value, timezone),
  );

/** The rows in the order the header asks; missing figures (no mention) last, then by key. */
function sortedAdoption(items: AdoptionObjective[]): AdoptionObjective[] {
  const column = state.adoptionSort;
  const sign = state.adoptionOrder === 'asc' ? 1 : -1;
  const value = (o: AdoptionObjective) => (column === 'firstMentionAt' ? (o.firstMentionAt === null ? null : Date.parse(o.firstMentionAt)) : o[column]);
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.key.localeCompare(b.key) : x === null ? 1 : -1;
    return x === y ? a.key.localeCompare(b.key) : sign * (x - y);
  });
}

async function adoptionSection(api: ApiClient, fresh: () => boolean): Promise<Child[]> {
  const key = state.network as string;
  const view = await call(
    api.GET('/v1/networks/{key}/indicators/adoption', { params: { path: { key }, query: { ...windowQuery(), ...groupQuery(), granularity: 'day' } } }),
  );
  if (view.objectives.length === 0) {
    state.adoptionObjective = null;
    return [message(t('noAdoptionObjectives', { key }))];
  }
  if (!view.objectives.some((o) => o.key === state.adoptionObjective)) state.adoptionObjective = sortedAdoption(view.objectives)[0].key;
  const list = h('div', { id: 'adoption-list' });
  const seriesBox = h('div', { id: 'adoption-series' });
  const choose = (objective: AdoptionObjective) => {
    state.adoptionObjective = objective.key;
    markChosen(list);
    void loadAdoptionSeries(api, seriesBox, objective, fresh);
  };
  const render = (focusColumn?: AdoptionColumn) => {
    list.replaceChildren(adoptionTable(sortedAdoption(view.objectives), view.rematching, view.timezone, choose, render));
    markChosen(list);
    if (focusColumn) list.querySelector<HTMLButtonElement>(`th[data-column="${focusColumn}"] button`)?.focus();
  };
  render();
  const chosen = view.objectives.find((o) => o.key === state.adoptionObjective) as AdoptionObjective;
  void loadAdoptionSeries(api, seriesBox, chosen, fresh);
  return [view.final ? null : h('p', { class: 'note' }, t('alignmentPending')), h('p', { class: 'note' }, t('adoptionNote')), list, seriesBox];
}

function markChosen(list: HTMLElement): void {
  list.querySelectorAll<HTMLTableRowElement>('tbody tr').forEach((tr) => {
    const chosen = tr.dataset.objective === state.adoptionObjective;
    tr.classList.toggle('selected', chosen);
    tr.querySelector('button[data-objective]')?.setAttribute('aria-current', String(chosen));
  });
}

function adoptionTable(
  items: AdoptionObjective[],
  rematching: string[],
  timezone: string,
  choose: (o: AdoptionObjective) => void,
  render: (focusColumn?: AdoptionColumn) => void,
): HTMLElement {
  const header = (column: AdoptionColumn) => {
    const sorted = state.adoptionSort === column;
    return h(
      'th',
      {
        scope: 'col',
        class: column === 'firstMentionAt' ? null : 'num',
        'aria-sort': sorted ? (state.adoptionOrder === 'asc' ? 'ascending' : 'descending') : 'none',
        'data-column': column,
      },
      h(
        'button',
        {
          type: 'button',
          title: t('sortBy', { column: t(column) }),
          onclick: () => {
            if (state.adoptionSort === column) state.adoptionOrder = state.adoptionOrder === 'asc' ? 'desc' : 'asc';
            else {
              state.adoptionSort = column;
              state.adoptionOrder = column === 'firstMentionAt' ? 'asc' : 'desc';
            }
            render(column);
          },
        },
        t(column),
      ),
    );
  };
  const el = table(
    [t('objective'), ...ADOPTION_COLUMNS.slice(0, 5).map(header), t('adoptionDriver'), ...ADOPTION_COLUMNS.slice(5).map(header)],
    items.map((o) => [
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-objective': o.key,
            'aria-controls': 'adoption-series',
            title: t('showAdoption', { name: o.name }),
            onclick: () => choose(o),
          },
          o.name,
        ),
        rematching.includes(o.key) ? [' ', h('span', { class: 'badge watch' }, t('rematching'))] : null,
      ),
      ...ADOPTION_COLUMNS.slice(0, 5).map((c) => adoptionCell(c, o[c], timezone)),
      h('td', {}, driverLabel(o)),
      ...ADOPTION_COLUMNS.slice(5).map((c) => adoptionCell(c, o[c], timezone)),
    ]),
    { id: 'adoption-table' },
  );
  el.querySelectorAll('tbody tr').forEach((tr, i) => tr.setAttribute('data-objective', items[i].key));
  return el;
}

/** Counts the answers for the series box: a choice made while another was loading wins. */
let adoptionRequest = 0;

/** One objective's totals and its new and cumulative authors per day (GET …/indicators/adoption?objective=). */
async function loadAdoptionSeries(api: ApiClient, box: HTMLElement, objective: AdoptionObjective, fresh: () => boolean): Promise<void> {
  const request = ++adoptionRequest;
  const current = () => fresh() && request === adoptionRequest;
  const key = state.network as string;
  box.dataset.objective = objective.key;
  delete box.dataset.shown;
  box.setAttribute('aria-busy', 'true');
  if (!box.hasChildNodes()) box.append(message(t('loading')));
  try {
    const view = await call(
      api.GET('/v1/networks/{key}/indicators/adoption', {
        params: { path: { key }, query: { ...windowQuery(), ...groupQuery(), granularity: 'day', objective: objective.key } },
      }),
    );
    if (!current()) return;
    const o = view.objectives[0];
    const series = o.series ?? [];
    const days = series.map((b) => Date.parse(b.start) / 1000);
    const dayLabel = (s: number) =>
      new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: view.timezone }).format(new Date(s * 1000));
    const title = t('adoptionSeries', { name: o.name });
    const chart = h('div', { class: 'chart', role: 'img', 'aria-label': title });
    const totals = figures(
      [
        { metric: 'mentions', label: t('mentions'), value: o.mentions, format: num },
        { metric: 'authors', label: t('authors'), value: o.authors, format: num },
        { metric: 'departments', label: t('departments'), value: o.departments, format: num },
        { metric: 'pulled', label: t('pulled'), value: o.pulled, format: num },
        { metric: 'pushed', label: t('pushed'), value: o.pushed, format: num },
        { metric: 'pullShare', label: t('pullShare'), value: o.pullShare, format: formatRate },
        { metric: 'pushShare', label: t('pushShare'), value: o.pushShare, format: formatRate },
        { metric: 'organicReach', label: t('organicReach'), value: o.organicReach, format: num },
      ],
      'adoption-figures',
    );
    totals.append(
      h(
        'div',
        {},
        h('dt', {}, t('firstMentionAt')),
        h('dd', { 'data-metric': 'firstMentionAt', 'data-value': o.firstMentionAt ?? 'null' }, formatDate(o.firstMentionAt, false, view.timezone)),
      ),
    );
    const driver = adoptionDriver(o);
    box.replaceChildren(
      h('h3', {}, title),
      h(
        'p',
        { class: 'driver', 'data-driver': driver },
        t(`driver_${driver}`),
        driver === 'none' ? null : ` — ${t('driverDetail', { pulled: formatRate(o.pullShare), pushed: formatRate(o.pushShare) })}`,
      ),
      totals,
      o.mentions === 0 ? message(t('noMentions', { name: o.name })) : chart,
      h(
        'details',
        {},
        h('summary', {}, title),
        table(
          [
            t('day'),
            h('th', { scope: 'col', class: 'num' }, t('mentions')),
            h('th', { scope: 'col', class: 'num' }, t('authors')),
            h('th', { scope: 'col', class: 'num' }, t('newAuthors')),
            h('th', { scope: 'col', class: 'num' }, t('cumulativeAuthors')),
          ],
          series.map((b, i) => [
            dayLabel(days[i]),
            ...(['mentions', 'authors', 'newAuthors', 'cumulativeAuthors'] as const).map((m) =>
              h('td', { class: 'num', 'data-metric': m, 'data-value': String(b[m]) }, num(b[m])),
            ),
          ]),
          { id: 'adoption-series-table' },
        ),
      ),
    );
    box.querySelectorAll('#adoption-series-table tbody tr').forEach((tr, i) => tr.setAttribute('data-start', series[i].start));
    box.dataset.shown = o.key;
    if (o.mentions > 0)
      requestAnimationFrame(() =>
        lineChart(
          chart,
          days,
          [
            { label: t('newAuthors'), values: series.map((b) => b.newAuthors), color: '#1b6b34' },
            { label: t('cumulativeAuthors'), values: series.map((b) => b.cumulativeAuthors), color: '#1f4fa3' },
          ],
          dayLabel,
          t('day'),
        ),
      );
  } catch (error) {
    if (current()) box.replaceChildren(failureMessage(error));
  } finally {
    if (current()) box.removeAttribute('aria-busy');
  }
}

async function topicsSection(api: ApiClient): Promise<Child[]> {
  const key = state.network as string;
  const page = await call(api.GET('/v1/networks/{key}/emerging-topics', { params: { path: { key }, query: { limit: 15 } } }));
  if (!state.expertTopic && page.items.length > 0) state.expertTopic = (page.items.find((i) => i.kind === 'problem') ?? page.items[0]).term;
  return [
    h('p', { class: 'note' }, t('topicsNetworkWide')),
    page.items.length === 0
      ? message(t('noTopics'))
      : table(
          [
            t('term'),
            t('kind'),
            h('th', { scope: 'col', class: 'num' }, t('mentions')),
            h('th', { scope: 'col', class: 'num' }, t('authors')),
            h('th', { scope: 'col', class: 'num' }, t('score')),
          ],
          page.items.map((i) => [
            i.term,
            h('span', { class: `badge ${i.kind}` }, t(`kind_${i.kind}`)),
            numCell(num(i.mentions), i.mentions),
            numCell(num(i.authors), i.authors),
            numCell(formatNumber(i.score, 2), i.score),
          ]),
          { id: 'topics-table' },
        ),
  ];
}

async function peopleSection(api: ApiClient, fresh: () => boolean): Promise<Child[]> {
  const key = state.network as string;
  const candidates = await call(api.GET('/v1/networks/{key}/animator-candidates', { params: { path: { key }, query: { ...groupQuery(), limit: 10 } } }));
  const expertsBox = h('div', { id: 'experts' });
  const topicInput = h('input', { id: 'expert-topic', name: 'topic', value: state.expertTopic ?? '', autocomplete: 'off' });
  const form = h(
    'form',
    {
      class: 'inline',
      onsubmit: (event: Event) => {
        event.preventDefault();
        state.expertTopic = topicInput.value.trim() || null;
        void loadExperts(api, expertsBox, fresh);
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'expert-topic' }, t('expertTopic')), topicInput),
    h('button', { type: 'submit' }, t('findExperts')),
  );
  void loadExperts(api, expertsBox, fresh);
  return [
    h('h3', {}, t('animators')),
    candidates.items.length === 0
      ? message(t('noAnimators'))
      : table(
          [
            h('th', { scope: 'col', class: 'num' }, t('rank')),
            t('member'),
            t('department'),
            h('th', { scope: 'col', class: 'num' }, t('peopleHelped')),
            h('th', { scope: 'col', class: 'num' }, t('acceptedAnswers')),
            h('th', { scope: 'col', class: 'num' }, t('score')),
          ],
          candidates.items.map((c) => [
            numCell(String(c.rank)),
            c.displayName ?? c.member,
            c.department ?? '—',
            numCell(num(c.evidence.peopleHelped)),
            numCell(num(c.evidence.acceptedAnswers)),
            numCell(formatNumber(c.score, 3), c.score),
          ]),
          { id: 'animators-table' },
        ),
    h('h3', {}, t('experts')),
    form,
    expertsBox,
  ];
}

async function loadExperts(api: ApiClient, box: HTMLElement, fresh: () => boolean): Promise<void> {
  const topic = state.expertTopic;
  if (!topic) {
    box.replaceChildren(message(t('chooseTopic')));
    return;
  }
  try {
    const page = await call(api.GET('/v1/experts', { params: { query: { topic, limit: 10 } } }));
    if (!fresh()) return;
    box.replaceChildren(
      page.items.length === 0
        ? message(t('noExperts', { topic }))
        : table(
            [
              h('th', { scope: 'col', class: 'num' }, t('rank')),
              t('member'),
              t('department'),
              h('th', { scope: 'col', class: 'num' }, t('score')),
              h('th', { scope: 'col', class: 'num' }, t('declaredLevel')),
            ],
            page.items.map((e) => [
              numCell(String(e.rank)),
              e.displayName ?? e.member,
              e.department ?? '—',
              numCell(formatNumber(e.score, 2), e.score),
              numCell(e.declaredLevel === null ? '—' : String(e.declaredLevel)),
            ]),
            { id: 'experts-table' },
          ),
    );
  } catch (error) {
    if (fresh()) box.replaceChildren(failureMessage(error));
  }
}

// ---------- live ----------

const LIVE_FIGURES: [string, (c: LiveCounters) => number, string][] = [
  ['today.activities', (c) => c.today.activities, 'activities'],
  ['today.contributions', (c) => c.today.contributions, 'contributions'],
  ['today.questions', (c) => c.today.questions, 'questions'],
  ['today.activeMembers', (c) => c.today.activeMembers, 'activeMembers'],
  ['today.unansweredQuestions', (c) => c.today.unansweredQuestions, 'unansweredQuestions'],
  ['lastHour.activities', (c) => c.lastHour.activities, 'activities'],
  ['lastHour.contributions', (c) => c.lastHour.contributions, 'contributions'],
  ['lastHour.activeMembers', (c) => c.lastHour.activeMembers, 'activeMembers'],
];

function startLive(): void {
  stopLive?.();
  const key = state.network as string;
  const stateEl = h('p', { class: 'state', id: 'live-state' }, t('liveConnecting'));
  const dl = (prefix: string) =>
    h(
      'dl',
      { class: 'figures' },
      LIVE_FIGURES.filter(([m]) => m.startsWith(prefix)).map(([metric, , label]) =>
        h('div', {}, h('dt', {}, t(label)), h('dd', { 'data-live': metric, 'data-value': 'null' }, '—')),
      ),
    );
  const feed = h('ul', { class: 'feed', id: 'live-feed', 'aria-label': t('latestActivity') });
  fill(
    'live-body',
    stateEl,
    h('p', { class: 'note' }, t('liveNetworkWide')),
    h('h3', {}, t('today')),
    dl('today.'),
    h('h3', {}, t('lastHour')),
    dl('lastHour.'),
    h('h3', {}, t('latestActivity')),
    feed,
  );
  stopLive = followLive(key, state.key as string, {
    state: (s, failure) => {
      if (s === 'failed' && failure) {
        fill('live-body', message(failure.kind === 'not-found' ? t('notAvailable') : failureText(failure), 'error'));
        return;
      }
      stateEl.textContent = s === 'open' ? t('liveOn') : s === 'connecting' ? t('liveConnecting') : t('liveOff');
      stateEl.dataset.state = s;
    },
    counters: (c) => {
      for (const [metric, read] of LIVE_FIGURES) {
        const dd = document.querySelector<HTMLElement>(`[data-live="${metric}"]`);
        if (!dd) continue;
        const value = String(read(c));
        if (dd.dataset.value !== value) {
          if (dd.dataset.value !== 'null') {
            dd.classList.remove('bump');
            void dd.offsetWidth; // restarts the highlight
            dd.classList.add('bump');
          }
          dd.dataset.value = value;
          dd.textContent = formatNumber(read(c));
        }
      }
    },
    activity: (a: LiveActivity) => {
      feed.prepend(h('li', {}, `${formatDate(a.occurredAt, true)} · ${t(a.kind)} · ${a.group ? t('inGroup', { group: a.group }) : t('noGroup')}`));
      while (feed.children.length > 10) feed.lastElementChild?.remove();
    },
  });
}

// ---------- loading ----------

function scopeToGroup(key: string, name: string | null): void {
  state.group = { key, name };
  saveLocation();
  void loadAll().then(() => byId('main').focus());
}

function saveLocation(): void {
  const params = new URLSearchParams();
  if (state.network) params.set('network', state.network);
  if (state.group) params.set('group', state.group.key);
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
}

function updateScope(): void {
  byId('scope-name').textContent = state.group ? t('groupScope', { name: state.group.name ?? state.group.key }) : t('wholeNetwork');
  byId('clear-group').hidden = !state.group;
}

async function loadAll(): Promise<void> {
  if (!state.key || !state.network) return;
  generation += 1;
  const gen = generation;
  const to = new Date();
  to.setUTCSeconds(0, 0);
  state.to = to.toISOString();
  state.from = new Date(to.getTime() - state.days * DAY_MS).toISOString();
  const windowEl = byId('window');
  windowEl.dataset.from = state.from;
  windowEl.dataset.to = state.to;
  windowEl.textContent = t('windowLabel', { from: formatDate(state.from, true), to: formatDate(state.to, true) });
  updateScope();
  startLive();
  await Promise.all([
    section('scorecard', gen, (api) => renderScorecard(api, { network: state.network as string, group: state.group?.key ?? null, onGroup: scopeToGroup })),
    section('activity', gen, activitySection),
    section('comparison', gen, comparisonSection),
    section('responsiveness', gen, responsivenessSection),
    section('alignment', gen, alignmentSection),
    section('adoption', gen, adoptionSection),
    section('topics', gen, topicsSection).then(() => section('people', gen, peopleSection)),
  ]);
  if (gen === generation) document.body.dataset.loaded = String(gen);
}

/** With a key: lists the networks it may read, fills the picker, then loads the chosen network. */
async function start(): Promise<void> {
  byId('main').hidden = true;
  byId('pickers').hidden = true;
  stopLive?.();
  if (!state.key) {
    setStatus(message(t('noKey')));
    return;
  }
  setStatus(message(t('loading')));
  try {
    const page = await call(apiClient(state.key).GET('/v1/networks', { params: { query: { limit: 1000 } } }));
    state.networks = page.items;
  } catch (error) {
    setStatus(failureMessage(error));
    return;
  }
  if (state.networks.length === 0) {
    setStatus(message(t('noNetworks')));
    return;
  }
  const params = new URLSearchParams(location.search);
  const wanted = state.network ?? params.get('network');
  state.network = state.networks.some((n) => n.key === wanted) ? wanted : state.networks[0].key;
  if (!state.group && params.get('group') && state.network === params.get('network')) state.group = { key: params.get('group') as string, name: null };
  const select = byId<HTMLSelectElement>('network');
  select.replaceChildren(...state.networks.map((n) => h('option', { value: n.key, selected: n.key === state.network }, `${n.name} (${n.key})`)));
  setStatus();
  byId('pickers').hidden = false;
  byId('main').hidden = false;
  saveLocation();
  await loadAll();
}

function applyLabels(): void {
  document.title = t('title');
  const text: [string, string][] = [
    ['title', 'title'],
    ['subtitle', 'subtitle'],
    ['lang-label', 'language'],
    ['key-label', 'keyLabel'],
    ['key-hint', 'keyHint'],
    ['use-key', 'useKey'],
    ['forget-key', 'forgetKey'],
    ['network-label', 'network'],
    ['period-label', 'period'],
    ['scope-label', 'scope'],
    ['clear-group', 'clearGroup'],
    ['reload', 'reload'],
    ['live-title', 'live'],
    ['scorecard-title', 'scorecard'],
    ['activity-title', 'activity'],
    ['comparison-title', 'comparison'],
    ['responsiveness-title', 'responsiveness'],
    ['alignment-title', 'alignment'],
    ['adoption-title', 'adoption'],
    ['topics-title', 'topics'],
    ['people-title', 'people'],
  ];
  for (const [id, key] of text) byId(id).textContent = t(key);
  for (const option of byId<HTMLSelectElement>('period').options) option.textContent = t('days', { n: option.value });
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
  updateScope();
}

function init(): void {
  setLang(initialLang(sessionStorage.getItem(LANG_STORAGE), navigator.language));
  applyLabels();
  state.key = sessionStorage.getItem(KEY_STORAGE);
  const params = new URLSearchParams(location.search);
  if (params.get('network')) state.network = params.get('network');

  byId('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('key');
    const key = input.value.trim();
    input.value = '';
    state.key = key || null;
    if (state.key) sessionStorage.setItem(KEY_STORAGE, state.key);
    else sessionStorage.removeItem(KEY_STORAGE);
    void start();
  });
  byId('forget-key').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    state.key = null;
    void start();
  });
  byId('network').addEventListener('change', (event) => {
    state.network = (event.target as HTMLSelectElement).value;
    state.group = null;
    state.expertTopic = null;
    state.adoptionObjective = null;
    saveLocation();
    void loadAll();
  });
  byId('period').addEventListener('change', (event) => {
    state.days = Number((event.target as HTMLSelectElement).value);
    void loadAll();
  });
  byId('clear-group').addEventListener('click', () => {
    state.group = null;
    saveLocation();
    void loadAll();
  });
  byId('reload').addEventListener('click', () => void loadAll());
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((button) =>
    button.addEventListener('click', () => {
      setLang(button.dataset.lang as Lang);
      sessionStorage.setItem(LANG_STORAGE, lang());
      applyLabels();
      if (state.key && state.network && !byId('main').hidden) void loadAll();
      else if (!state.key) setStatus(message(t('noKey')));
    }),
  );
  void start();
}

init();
