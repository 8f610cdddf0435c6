import type { EntityManager } from 'typeorm';
import type { Granularity } from '../dto/indicator-query.dto';
import { CONFIDENTIAL_ACTIVITIES_CTE } from '../../governance/principal';
import { CONTRIBUTION_KINDS_SQL, IN_SCOPE, Scope, SCOPED_ACTIVITIES, windowParams } from '../indicator-scope';
import { rollupParams, splitIntoDays, usesRollups } from '../rollups';

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
 * Per-activity keyword sets of the raw matches of $1..$5 (a scope, windowParams), as
 * `sets(activity_id, keyword_ids, occurred_at)`. The group and department conditions are written
 * only when the scope has them: with `$4 IS NULL OR group_id = ANY($4)` the plan kept for the
 * statement read the whole network's window instead of the group's index range.
 */
function rawSets(scope: Scope): string {
  return `sets AS (
  SELECT km.activity_id, array_agg(km.keyword_id ORDER BY km.keyword_id) AS keyword_ids, min(km.occurred_at) AS occurred_at
  FROM keyword_matches km
  WHERE km.network_id = $1 AND km.occurred_at >= $2 AND km.occurred_at < $3
    ${scope.groupIds === null ? 'AND $4::bigint[] IS NULL' : 'AND km.group_id = ANY($4::bigint[])'}
    ${scope.department === null ? 'AND $5::text IS NULL' : 'AND EXISTS (SELECT 1 FROM members mm WHERE mm.id = km.author_id AND mm.department = $5)'}
  GROUP BY km.activity_id
)`;
}

/** The same over the partial days of a split window ($1 network, $2 from, $6 fullFrom, $7 fullTo, $3 to: rollupParams). */
const EDGE_SETS = `sets AS (
  SELECT km.activity_id, array_agg(km.keyword_id ORDER BY km.keyword_id) AS keyword_ids, min(km.occurred_at) AS occurred_at
  FROM keyword_matches km
  WHERE km.network_id = $1 AND ((km.occurred_at >= $2 AND km.occurred_at < $6) OR (km.occurred_at >= $7 AND km.occurred_at < $3 AND $6 < $7))
  GROUP BY km.activity_id
)`;

/** Contributions of the scope per keyword set (every keyword, active or not: `tally` decides). */
export async function keywordSetCounts(db: EntityManager, scope: Scope): Promise<KeywordSetCount[]> {
  if (!usesRollups(scope)) {
    return db.query(`WITH ${rawSets(scope)} SELECT keyword_ids AS "keywordIds", count(*)::int AS n FROM sets GROUP BY keyword_ids`, windowParams(scope));
  }
  return db.query(
    `WITH ${EDGE_SETS}
     SELECT keyword_ids AS "keywordIds", sum(n)::int AS n FROM (
       SELECT keyword_ids, contributions AS n FROM keyword_set_day_counts WHERE network_id = $1 AND day >= $4::date AND day < $5::date
       UNION ALL SELECT keyword_ids, count(*) FROM sets GROUP BY keyword_ids
     ) x GROUP BY keyword_ids`,
    rollupParams(scope, await splitIntoDays(db, scope)),
  );
}

/** The same per bucket of the network's time zone (`start` = the bucket's local start, as activitySeries). */
export async function keywordSetSeries(db: EntityManager, scope: Scope, granularity: Granularity): Promise<(KeywordSetCount & { start: Date })[]> {
  if (!usesRollups(scope)) {
    return db.query(
      `WITH ${rawSets(scope)}
       SELECT date_trunc($7, occurred_at AT TIME ZONE $6) AT TIME ZONE $6 AS start, keyword_ids AS "keywordIds", count(*)::int AS n
       FROM sets GROUP BY 1, 2`,
      [...windowParams(scope), scope.timezone, granularity],
    );
  }
  return db.query(
    `WITH ${EDGE_SETS}
     SELECT local_start AT TIME ZONE $9 AS start, keyword_ids AS "keywordIds", sum(n)::int AS n FROM (
       SELECT date_trunc($8, day::timestamp) AS local_start, keyword_ids, contributions AS n
       FROM keyword_set_day_counts WHERE network_id = $1 AND day >= $4::date AND day < $5::date
       UNION ALL
       SELECT date_trunc($8, occurred_at AT TIME ZONE $9), keyword_ids, 1 FROM sets
     ) x GROUP BY local_start, keyword_ids`,
    [...rollupParams(scope, await splitIntoDays(db, scope)), granularity, scope.timezone],
  );
}

/**
 * SPEC §4: for a key that may not see confidential groups, keyword-derived figures leave the
 * confidential activities (CONFIDENTIAL_ACTIVITIES_CTE) out entirely, numerators and denominators
 * alike. What they would add to a scope is read apart, in proportion to the confidential content,
 * and subtracted from the figures of the whole scope (counts per keyword set add up, so the
 * difference is exactly the figure over the visible contributions).
 */
export interface ConfidentialShare {
  contributions: number;
  sets: KeywordSetCount[];
}

const CONFIDENTIAL_IN_SCOPE = `${CONFIDENTIAL_ACTIVITIES_CTE}, hidden AS (
  SELECT a.id, a.occurred_at FROM confidential_activities c JOIN activities a ON a.network_id = $1 AND a.id = c.id
  WHERE ${IN_SCOPE} AND a.kind IN ${CONTRIBUTION_KINDS_SQL}
), hidden_sets AS (
  SELECT km.activity_id, array_agg(km.keyword_id ORDER BY km.keyword_id) AS keyword_ids, min(h.occurred_at) AS occurred_at
  FROM hidden h JOIN keyword_matches km ON km.network_id = $1 AND km.activity_id = h.id
  GROUP BY km.activity_id
)`;

/** The confidential contributions of a scope and their keyword sets. */
export async function confidentialShare(db: EntityManager, scope: Scope): Promise<ConfidentialShare> {
  const params = windowParams(scope);
  const [{ n }]: { n: number }[] = await db.query(`WITH ${CONFIDENTIAL_IN_SCOPE} SELECT count(*)::int AS n FROM hidden`, params);
  const sets: KeywordSetCount[] = await db.query(
    `WITH ${CONFIDENTIAL_IN_SCOPE} SELECT keyword_ids AS "keywordIds", count(*)::int AS n FROM hidden_sets GROUP BY keyword_ids`,
    params,
  );
  return { contributions: n, sets };
}

/** The same per bucket of the network's time zone (`start` as activitySeries). */
export async function confidentialShareSeries(
  db: EntityManager,
  scope: Scope,
  granularity: Granularity,
): Promise<{ start: Date; contributions: number; sets: KeywordSetCount[] }[]> {
  const params = [...windowParams(scope), scope.timezone, granularity];
  const bucket = (column: string) => `date_trunc($7, ${column} AT TIME ZONE $6) AT TIME ZONE $6`;
  const counts: { start: Date; n: number }[] = await db.query(
    `WITH ${CONFIDENTIAL_IN_SCOPE} SELECT ${bucket('occurred_at')} AS start, count(*)::int AS n FROM hidden GROUP BY 1`,
    params,
  );
  const sets: (KeywordSetCount & { start: Date })[] = await db.query(
    `WITH ${CONFIDENTIAL_IN_SCOPE} SELECT ${bucket('occurred_at')} AS start, keyword_ids AS "keywordIds", count(*)::int AS n FROM hidden_sets GROUP BY 1, 2`,
    params,
  );
  const byStart = new Map<number, { start: Date; contributions: number; sets: KeywordSetCount[] }>();
  const at = (start: Date) => {
    const key = new Date(start).getTime();
    if (!byStart.has(key)) byStart.set(key, { start: new Date(start), contributions: 0, sets: [] });
    return byStart.get(key)!;
  };
  for (const c of counts) at(c.start).contributions += c.n;
  for (const s of sets) at(s.start).sets.push({ keywordIds: s.keywordIds, n: s.n });
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
  const rows: { group_id: string; n: number }[] = await db.query(
    `SELECT km.group_id::text, count(DISTINCT km.activity_id)::int AS n
     FROM keyword_matches km
     JOIN objective_keywords k ON k.id = km.keyword_id
     JOIN objectives o ON o.id = k.objective_id AND o.active AND (o.network_ids IS NULL OR $1 = ANY(o.network_ids))
     WHERE km.network_id = $1 AND km.occurred_at >= $2 AND km.occurred_at < $3 AND km.group_id IS NOT NULL
       AND ($4::bigint[] IS NULL OR km.group_id = ANY($4::bigint[]))
       AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM members mm WHERE mm.id = km.author_id AND mm.department = $5))
     GROUP BY km.group_id`,
    windowParams(scope),
  );
  return new Map(rows.map((r) => [r.group_id, r.n]));
}

/** Contributions per group of the scope (group id → count): the denominators of the drift rows. */
export async function contributionsByGroup(db: EntityManager, scope: Scope): Promise<Map<string, number>> {
  const rows: { group_id: string; n: number }[] = await db.query(
    `SELECT a.group_id::text, count(*)::int AS n FROM ${SCOPED_ACTIVITIES} AND a.kind IN ${CONTRIBUTION_KINDS_SQL} AND a.group_id IS NOT NULL GROUP BY a.group_id`,
    windowParams(scope),
  );
  return new Map(rows.map((r) => [r.group_id, r.n]));
}

/** The active objectives that apply to the network, by key, with their keywords in declared order. */
export async function objectivesInForce(db: EntityManager, networkId: number): Promise<ObjectiveInForce[]> {
  const rows: { id: number; key: string; name: string; rematch_state: string; keyword_id: number; term: string; weight: number }[] = await db.query(
    `SELECT o.id, o.key, o.name, o.rematch_state, k.id AS keyword_id, k.term, k.weight
     FROM objectives o JOIN objective_keywords k ON k.objective_id = o.id
     WHERE o.active AND (o.network_ids IS NULL OR $1 = ANY(o.network_ids))
     ORDER BY o.key COLLATE "C", k.position`,
    [networkId],
  );
  const byId = new Map<number, ObjectiveInForce>();
  for (const r of rows) {
    const o = byId.get(r.id) ?? { id: r.id, key: r.key, name: r.name, rematchState: r.rematch_state, keywords: [] };
    o.keywords.push({ id: r.keyword_id, term: r.term, weight: Number(r.weight) });
    byId.set(r.id, o);
  }
  return [...byId.values()];
}

/** Alignment figures are final when every objective in force has finished re-matching existing activities. */
export function finality(objectives: readonly ObjectiveInForce[]): { final: boolean; rematching: string[] } {
  const rematching = objectives.filter((o) => o.rematchState !== 'done').map((o) => o.key);
  return { final: rematching.length === 0, rematching };
}
