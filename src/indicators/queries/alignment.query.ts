import type { EntityManager } from 'typeorm';
import { fragment, RawBuilder, rows, sql, SqlExample } from '../../database/sql';
import { confidentialActivitiesCte } from '../../governance/principal';
import type { Granularity } from '../dto/indicator-query.dto';
import { CONTRIBUTION_KINDS_SQL, inScope, Scope, SQL_EXAMPLE_SCOPE } from '../indicator-scope';
import { DaySplit, splitIntoDays, SQL_EXAMPLE_SPLIT, usesRollups } from '../rollups';

/**
 * SPEC §3.6 alignment reads. Matching happens at ingestion (src/alignment/keyword-matches.ts): one
 * `keyword_matches` row per (live contribution, matched keyword), with the activity's time, group and
 * author. What a window needs is, for each contribution with a match, the set of keywords it matches:
 * from that, alignedContributions (sets meeting an active keyword), per objective (sets meeting its
 * keywords) and per keyword counts follow without counting any contribution twice.
 *
 * Network-wide, the whole local days come from `keyword_set_day_counts` (contributions per day and
 * keyword set, kept by triggers) and only the partial first and last days from the matches; a group
 * or a department reads the matches of the window. Both paths give the same sets.
 */

/** How many contributions match exactly this set of keywords (sorted ids). */
export interface KeywordSetCount {
  keywordIds: number[];
  n: number;
}

/** The objectives in force for a network: active, applying to it, with their keywords in declared order. */
export interface ObjectiveInForce {
  id: number;
  key: string;
  name: string;
  rematchState: string;
  keywords: { id: number; term: string; weight: number }[];
}

/**
 * Per-activity keyword sets of the raw matches of a scope, as `sets(activity_id, keyword_ids,
 * occurred_at)`. The group and department conditions are written only when the scope has them: with
 * `group IS NULL OR group_id = ANY(group)` a plan kept for the statement read the whole network's
 * window instead of the group's index range.
 */
function rawSets(scope: Scope, byGroup = false): RawBuilder<unknown> {
  return sql`sets AS (
  SELECT km.activity_id, ${byGroup ? sql`km.group_id, ` : sql``}array_agg(km.keyword_id ORDER BY km.keyword_id) AS keyword_ids, min(km.occurred_at) AS occurred_at
  FROM keyword_matches km
  WHERE km.network_id = ${scope.networkId} AND km.occurred_at >= ${scope.from} AND km.occurred_at < ${scope.to}
    ${matchGroupAndDepartment(scope)}
  GROUP BY km.activity_id${byGroup ? sql`, km.group_id` : sql``}
)`;
}

/** The group and department conditions of a scope on keyword matches `km`, written only when the scope has them. */
export function matchGroupAndDepartment(scope: Scope): RawBuilder<unknown> {
  return sql`${scope.groupIds === null ? sql`` : sql`AND km.group_id = ANY(${scope.groupIds}::bigint[])`}
    ${scope.department === null ? sql`` : sql`AND EXISTS (SELECT 1 FROM members mm WHERE mm.id = km.author_id AND mm.department = ${scope.department})`}`;
}

/** The same over the partial days of a split window of the network: [from, fullFrom) and [fullTo, to). */
function edgeSets(scope: Scope, split: DaySplit): RawBuilder<unknown> {
  return sql`sets AS (
  SELECT km.activity_id, array_agg(km.keyword_id ORDER BY km.keyword_id) AS keyword_ids, min(km.occurred_at) AS occurred_at
  FROM keyword_matches km
  WHERE km.network_id = ${scope.networkId}
    AND ((km.occurred_at >= ${scope.from} AND km.occurred_at < ${split.fullFrom})
      OR (km.occurred_at >= ${split.fullTo} AND km.occurred_at < ${scope.to} AND ${split.fullFrom}::timestamptz < ${split.fullTo}::timestamptz))
  GROUP BY km.activity_id
)`;
}

/** Contributions of the scope per keyword set (every keyword, active or not: `tally` decides). */
export async function keywordSetCounts(db: EntityManager, scope: Scope): Promise<KeywordSetCount[]> {
  if (!usesRollups(scope)) return rows(db, keywordSetCountsQuery(scope));
  return rows(db, keywordSetCountsFromRollupsQuery(scope, await splitIntoDays(db, scope)));
}

export function keywordSetCountsQuery(scope: Scope) {
  return sql<KeywordSetCount>`WITH ${rawSets(scope)} SELECT keyword_ids, count(*)::int AS n FROM sets GROUP BY keyword_ids`;
}

/**
 * Contributions per keyword set of every group of the network at once (the scope's window and
 * department; its groups are not used), by group id: the same sets as keywordSetCounts with that
 * group, one query instead of one per group.
 */
export function keywordSetCountsByGroupQuery(scope: Scope) {
  return sql<KeywordSetCount & { groupId: string }>`WITH ${rawSets({ ...scope, groupIds: null }, true)}
     SELECT group_id::text AS group_id, keyword_ids, count(*)::int AS n FROM sets WHERE group_id IS NOT NULL GROUP BY group_id, keyword_ids`;
}

export async function keywordSetCountsByGroup(db: EntityManager, scope: Scope): Promise<Map<string, KeywordSetCount[]>> {
  const byGroup = new Map<string, KeywordSetCount[]>();
  for (const { groupId, keywordIds, n } of await rows(db, keywordSetCountsByGroupQuery(scope))) {
    if (!byGroup.has(groupId)) byGroup.set(groupId, []);
    byGroup.get(groupId)!.push({ keywordIds, n });
  }
  return byGroup;
}

/** Network-wide: the whole days from `keyword_set_day_counts`, the partial days from the matches. */
export function keywordSetCountsFromRollupsQuery(scope: Scope, split: DaySplit) {
  return sql<KeywordSetCount>`WITH ${edgeSets(scope, split)}
     SELECT keyword_ids, sum(n)::int AS n FROM (
       SELECT keyword_ids, contributions AS n FROM keyword_set_day_counts
       WHERE network_id = ${scope.networkId} AND day >= ${split.firstDay}::date AND day < ${split.endDay}::date
       UNION ALL SELECT keyword_ids, count(*) FROM sets GROUP BY keyword_ids
     ) x GROUP BY keyword_ids`;
}

/** The same per bucket of the network's time zone (`start` = the bucket's local start, as activitySeries). */
export async function keywordSetSeries(db: EntityManager, scope: Scope, granularity: Granularity): Promise<(KeywordSetCount & { start: Date })[]> {
  if (!usesRollups(scope)) return rows(db, keywordSetSeriesQuery(scope, granularity));
  return rows(db, keywordSetSeriesFromRollupsQuery(scope, await splitIntoDays(db, scope), granularity));
}

/** The local start of the bucket of a timestamp column, as a time (`start` of the series). */
function bucketStart(column: string, scope: Scope, granularity: Granularity): RawBuilder<unknown> {
  return sql`date_trunc(${granularity}, ${fragment(column)} AT TIME ZONE ${scope.timezone}) AT TIME ZONE ${scope.timezone}`;
}

export function keywordSetSeriesQuery(scope: Scope, granularity: Granularity) {
  return sql<KeywordSetCount & { start: Date }>`WITH ${rawSets(scope)}
     SELECT ${bucketStart('occurred_at', scope, granularity)} AS start, keyword_ids, count(*)::int AS n
     FROM sets GROUP BY 1, 2`;
}

export function keywordSetSeriesFromRollupsQuery(scope: Scope, split: DaySplit, granularity: Granularity) {
  const { timezone } = scope;
  return sql<KeywordSetCount & { start: Date }>`WITH ${edgeSets(scope, split)}
     SELECT local_start AT TIME ZONE ${timezone} AS start, keyword_ids, sum(n)::int AS n FROM (
       SELECT date_trunc(${granularity}, day::timestamp) AS local_start, keyword_ids, contributions AS n
       FROM keyword_set_day_counts WHERE network_id = ${scope.networkId} AND day >= ${split.firstDay}::date AND day < ${split.endDay}::date
       UNION ALL
       SELECT date_trunc(${granularity}, occurred_at AT TIME ZONE ${timezone}), keyword_ids, 1 FROM sets
     ) x GROUP BY local_start, keyword_ids`;
}

/**
 * SPEC §4: for a key that may not see confidential groups, keyword-derived figures leave the
 * confidential activities (confidentialActivitiesCte) out entirely, numerators and denominators
 * alike. What they would add to a scope is read apart, in proportion to the confidential content,
 * and subtracted from the figures of the whole scope (counts per keyword set add up, so the
 * difference is exactly the figure over the visible contributions).
 */
export interface ConfidentialShare {
  contributions: number;
  sets: KeywordSetCount[];
}

/**
 * CTEs `hidden(id, occurred_at)`, the confidential contributions of the scope, and
 * `hidden_sets(activity_id, keyword_ids, occurred_at)`, their keyword sets.
 */
function confidentialInScope(scope: Scope): RawBuilder<unknown> {
  return sql`${confidentialActivitiesCte(scope.networkId, scope.from, scope.to)}, hidden AS (
  SELECT a.id, a.occurred_at FROM confidential_activities c JOIN activities a ON a.network_id = ${scope.networkId} AND a.id = c.id
  WHERE ${inScope(scope)} AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
), hidden_sets AS (
  SELECT km.activity_id, array_agg(km.keyword_id ORDER BY km.keyword_id) AS keyword_ids, min(h.occurred_at) AS occurred_at
  FROM hidden h JOIN keyword_matches km ON km.network_id = ${scope.networkId} AND km.activity_id = h.id
  GROUP BY km.activity_id
)`;
}

/**
 * One row per keyword set of the hidden contributions, and one row with `keyword_ids` null holding
 * the number of hidden contributions (with or without a match): a single statement, so the
 * confidential activities are looked up once.
 */
interface HiddenRow {
  keywordIds: number[] | null;
  n: number;
}

export function confidentialShareQuery(scope: Scope) {
  return sql<HiddenRow>`WITH ${confidentialInScope(scope)}
     SELECT NULL AS keyword_ids, count(*)::int AS n FROM hidden
     UNION ALL
     SELECT keyword_ids, count(*)::int FROM hidden_sets GROUP BY keyword_ids`;
}

/** The confidential contributions of a scope and their keyword sets. */
export async function confidentialShare(db: EntityManager, scope: Scope): Promise<ConfidentialShare> {
  const share: ConfidentialShare = { contributions: 0, sets: [] };
  for (const { keywordIds, n } of await rows(db, confidentialShareQuery(scope))) {
    if (keywordIds === null) share.contributions = n;
    else share.sets.push({ keywordIds, n });
  }
  return share;
}

/** The same per bucket of the network's time zone (`start` as activitySeries); buckets without a hidden contribution have no row. */
export function confidentialShareSeriesQuery(scope: Scope, granularity: Granularity) {
  return sql<HiddenRow & { start: Date }>`WITH ${confidentialInScope(scope)}
     SELECT ${bucketStart('occurred_at', scope, granularity)} AS start, NULL AS keyword_ids, count(*)::int AS n FROM hidden GROUP BY 1
     UNION ALL
     SELECT ${bucketStart('occurred_at', scope, granularity)}, keyword_ids, count(*)::int FROM hidden_sets GROUP BY 1, 2`;
}

/** The same per bucket of the network's time zone (`start` as activitySeries). */
export async function confidentialShareSeries(
  db: EntityManager,
  scope: Scope,
  granularity: Granularity,
): Promise<{ start: Date; contributions: number; sets: KeywordSetCount[] }[]> {
  const byStart = new Map<number, { start: Date; contributions: number; sets: KeywordSetCount[] }>();
  const at = (start: Date) => {
    const key = new Date(start).getTime();
    if (!byStart.has(key)) byStart.set(key, { start: new Date(start), contributions: 0, sets: [] });
    return byStart.get(key)!;
  };
  for (const { start, keywordIds, n } of await rows(db, confidentialShareSeriesQuery(scope, granularity))) {
    if (keywordIds === null) at(start).contributions += n;
    else at(start).sets.push({ keywordIds, n });
  }
  return [...byStart.values()];
}

/** Keyword sets with the hidden ones taken away (their counts negated: tally sums them). */
export function withoutHidden(sets: readonly KeywordSetCount[], hidden: readonly KeywordSetCount[]): KeywordSetCount[] {
  return [...sets, ...hidden.map((h) => ({ keywordIds: h.keywordIds, n: -h.n }))];
}

export interface AlignmentTally {
  /** Contributions matching ≥ 1 keyword of ≥ 1 objective in force. */
  alignedContributions: number;
  /** objective id → contributions matching ≥ 1 of its keywords. */
  byObjective: Map<number, number>;
  /** keyword id → contributions matching it. */
  byKeyword: Map<number, number>;
}

/** SPEC §3.6 numerators from keyword sets: each contribution counts once per keyword, per objective and in the total. */
export function tally(sets: readonly KeywordSetCount[], objectives: readonly ObjectiveInForce[]): AlignmentTally {
  const objectiveOf = new Map(objectives.flatMap((o) => o.keywords.map((k) => [k.id, o.id] as const)));
  const result: AlignmentTally = { alignedContributions: 0, byObjective: new Map(), byKeyword: new Map() };
  for (const { keywordIds, n } of sets) {
    const inForce = keywordIds.filter((id) => objectiveOf.has(id));
    if (inForce.length === 0) continue;
    result.alignedContributions += n;
    for (const id of inForce) result.byKeyword.set(id, (result.byKeyword.get(id) ?? 0) + n);
    for (const objective of new Set(inForce.map((id) => objectiveOf.get(id) as number)))
      result.byObjective.set(objective, (result.byObjective.get(objective) ?? 0) + n);
  }
  return result;
}

/** Aligned contributions per group of the network (group id → count), for the drift rows; activities without a group are left out. */
export async function alignedByGroup(db: EntityManager, scope: Scope): Promise<Map<string, number>> {
  return new Map((await rows(db, alignedByGroupQuery(scope))).map((r) => [r.groupId, r.n]));
}

export function alignedByGroupQuery(scope: Scope) {
  return sql<{ groupId: string; n: number }>`SELECT km.group_id::text, count(DISTINCT km.activity_id)::int AS n
     FROM keyword_matches km
     JOIN objective_keywords k ON k.id = km.keyword_id
     JOIN objectives o ON o.id = k.objective_id AND o.active AND (o.network_ids IS NULL OR ${scope.networkId} = ANY(o.network_ids))
     WHERE km.network_id = ${scope.networkId} AND km.occurred_at >= ${scope.from} AND km.occurred_at < ${scope.to} AND km.group_id IS NOT NULL
       ${matchGroupAndDepartment(scope)}
     GROUP BY km.group_id`;
}

/** Contributions per group of the scope (group id → count): the denominators of the drift rows. */
export async function contributionsByGroup(db: EntityManager, scope: Scope): Promise<Map<string, number>> {
  return new Map((await rows(db, contributionsByGroupQuery(scope))).map((r) => [r.groupId, r.n]));
}

export function contributionsByGroupQuery(scope: Scope) {
  return sql<{ groupId: string; n: number }>`SELECT a.group_id::text, count(*)::int AS n
     FROM activities a WHERE ${inScope(scope)} AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)} AND a.group_id IS NOT NULL
     GROUP BY a.group_id`;
}

/** The active objectives that apply to the network, by key, with their keywords in declared order. */
export async function objectivesInForce(db: EntityManager, networkId: number): Promise<ObjectiveInForce[]> {
  const byId = new Map<number, ObjectiveInForce>();
  for (const r of await rows(db, objectivesInForceQuery(networkId))) {
    const o = byId.get(r.id) ?? { id: r.id, key: r.key, name: r.name, rematchState: r.rematchState, keywords: [] };
    o.keywords.push({ id: r.keywordId, term: r.term, weight: Number(r.weight) });
    byId.set(r.id, o);
  }
  return [...byId.values()];
}

export function objectivesInForceQuery(networkId: number) {
  return sql<{
    id: number;
    key: string;
    name: string;
    rematchState: string;
    keywordId: number;
    term: string;
    weight: number | string;
  }>`SELECT o.id, o.key, o.name, o.rematch_state, k.id AS keyword_id, k.term, k.weight
     FROM objectives o JOIN objective_keywords k ON k.objective_id = o.id
     WHERE o.active AND (o.network_ids IS NULL OR ${networkId} = ANY(o.network_ids))
     ORDER BY o.key COLLATE "C", k.position`;
}

/** Alignment figures are final when every objective in force has finished re-matching existing activities. */
export function finality(objectives: readonly ObjectiveInForce[]): { final: boolean; rematching: string[] } {
  const rematching = objectives.filter((o) => o.rematchState !== 'done').map((o) => o.key);
  return { final: rematching.length === 0, rematching };
}

const EXAMPLE_SCOPE = SQL_EXAMPLE_SCOPE;
const EXAMPLE_GROUP_SCOPE: Scope = { ...EXAMPLE_SCOPE, groupIds: ['7'], department: 'R&D' };
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'keyword sets (network: rollups and partial days)', query: keywordSetCountsFromRollupsQuery(EXAMPLE_SCOPE, SQL_EXAMPLE_SPLIT) },
  { name: 'keyword sets (group and department: raw matches)', query: keywordSetCountsQuery(EXAMPLE_GROUP_SCOPE) },
  { name: 'keyword sets of every group (department: raw matches)', query: keywordSetCountsByGroupQuery({ ...EXAMPLE_SCOPE, department: 'R&D' }) },
  { name: 'keyword sets by week (network: rollups and partial days)', query: keywordSetSeriesFromRollupsQuery(EXAMPLE_SCOPE, SQL_EXAMPLE_SPLIT, 'week') },
  { name: 'keyword sets by day (group and department: raw matches)', query: keywordSetSeriesQuery(EXAMPLE_GROUP_SCOPE, 'day') },
  { name: 'confidential share (network)', query: confidentialShareQuery(EXAMPLE_SCOPE) },
  { name: 'confidential share by month (group and department)', query: confidentialShareSeriesQuery(EXAMPLE_GROUP_SCOPE, 'month') },
  { name: 'aligned contributions per group (network)', query: alignedByGroupQuery(EXAMPLE_SCOPE) },
  { name: 'contributions per group (group and department)', query: contributionsByGroupQuery(EXAMPLE_GROUP_SCOPE) },
  { name: 'objectives in force', query: objectivesInForceQuery(EXAMPLE_SCOPE.networkId) },
];
