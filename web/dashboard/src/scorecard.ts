import type { ApiClient, components } from '../../../src/client/index.js';
import { call } from './api.js';
import { h, type Child } from './dom.js';
import { formatChange, formatDate, formatDuration, formatNumber, formatRate, t } from './i18n.js';

type Schemas = components['schemas'];
/** SPEC §3.10, as openapi.json documents it */
export type Scorecard = Schemas['HealthScorecardView'];
type Dimension = Schemas['DimensionView'];
type Adjustment = Schemas['AdjustmentView'];

export interface ScorecardContext {
  network: string;
  group: string | null;
  onGroup: (key: string, name: string | null) => void;
}

/** A figure of the scorecard in the unit of its metric. */
export function formatMetric(metric: string, value: unknown): string {
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? formatDate(value, true) : value;
  if (typeof value !== 'number') return value === null || value === undefined ? '—' : JSON.stringify(value);
  if (/rate|share$/i.test(metric)) return formatRate(value);
  if (/growth|change|drop/i.test(metric)) return formatChange(value);
  if (/time/i.test(metric)) return formatDuration(value);
  return formatNumber(value, 4);
}

function dimensionItem(d: Dimension): HTMLElement {
  return h(
    'li',
    { 'data-dimension': d.key, 'data-status': d.status },
    h('span', { class: `badge ${d.status}` }, t(`status_${d.status}`)),
    ' ',
    h('strong', {}, t(`dim_${d.key}`)),
    h('div', { class: 'value', 'data-value': d.value === null ? 'null' : String(d.value) }, formatMetric(d.metric, d.value)),
    h('small', {}, `${t('previous')}: ${formatMetric(d.metric, d.previous)} · ${t('threshold')}: ${formatMetric(d.metric, thresholdValue(d.threshold))}`),
  );
}

function thresholdValue(threshold: unknown): unknown {
  if (threshold && typeof threshold === 'object') {
    const parts = Object.entries(threshold as Record<string, unknown>).map(([k, v]) => `${k} ${typeof v === 'number' ? formatNumber(v, 4) : String(v)}`);
    return parts.join(', ');
  }
  return threshold;
}

function adjustmentItem(a: Adjustment, context: ScorecardContext, names: Map<string, string | null>): HTMLElement {
  const scope: Child[] = [];
  const group = a.scope.group;
  if (group && group !== context.group) {
    const name = names.get(group) ?? null;
    scope.push(h('button', { type: 'button', 'data-group': group, onclick: () => context.onGroup(group, name) }, t('scopeTo', { name: name ?? group })));
  }
  return h(
    'li',
    { class: a.priority, 'data-kind': a.kind, 'data-adjustment': a.id },
    h('h3', {}, h('span', { class: `badge ${a.priority}` }, `${t('priority')}: ${t(`priority_${a.priority}`)}`), ' ', t(`kind_${a.kind}`), ' — ', a.title),
    h('p', {}, a.detail),
    scope.length ? h('p', {}, scope) : null,
    h('p', { class: 'note' }, t('evidence')),
    h(
      'ul',
      { class: 'evidence' },
      Object.entries(a.evidence).map(([k, v]) => h('li', { 'data-evidence': k }, h('span', { class: 'k' }, `${k}: `), formatMetric(k, v))),
    ),
    a.suggestions.length
      ? [
          h('p', { class: 'note' }, t('suggestions')),
          h(
            'ul',
            {},
            a.suggestions.map((s) => h('li', {}, h('strong', {}, s.member), ` — ${s.reason}`)),
          ),
        ]
      : null,
  );
}

/** The scorecard section: adjustments first (in the API's order: priority first), then the dimensions. */
export async function renderScorecard(api: ApiClient, context: ScorecardContext): Promise<(Child | Child[])[]> {
  const card: Scorecard = await call(api.GET('/v1/networks/{key}/health', { params: { path: { key: context.network } } }));
  const names = new Map(card.groups.map((g) => [g.group, g.name]));
  const groupCard = context.group ? card.groups.find((g) => g.group === context.group) : undefined;
  const adjustments = context.group ? card.adjustments.filter((a) => a.scope.group === context.group) : card.adjustments;
  const dims = groupCard ? groupCard.dimensions : card.dimensions;
  return [
    h(
      'p',
      {},
      h('span', { class: `badge ${groupCard?.status ?? card.status}`, id: 'scorecard-status' }, t(`status_${groupCard?.status ?? card.status}`)),
      ' ',
      `${formatDate(card.from, false, card.timezone)} – ${formatDate(`${card.at}T00:00:00Z`, false, 'UTC')}`,
    ),
    h('h3', {}, t('adjustments')),
    adjustments.length === 0
      ? h('p', { class: 'message' }, t('noAdjustments'))
      : h(
          'ol',
          { class: 'adjustments', id: 'adjustments' },
          adjustments.map((a) => adjustmentItem(a, context, names)),
        ),
    h('h3', {}, t('dimensions')),
    h('ul', { class: 'dims', id: 'dimensions' }, dims.map(dimensionItem)),
    !context.group && card.groups.length
      ? [
          h('h3', {}, t('groupsHealth')),
          h(
            'ul',
            { class: 'dims', id: 'group-statuses' },
            card.groups.map((g) =>
              h(
                'li',
                {},
                h('span', { class: `badge ${g.status}` }, t(`status_${g.status}`)),
                ' ',
                h('button', { type: 'button', class: 'link', onclick: () => context.onGroup(g.group, g.name) }, g.name ?? g.group),
              ),
            ),
          ),
        ]
      : null,
  ];
}
