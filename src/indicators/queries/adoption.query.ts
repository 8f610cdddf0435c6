import type { EntityManager } from 'typeorm';
import { fragment, RawBuilder, row, rows, sql, SqlExample } from '../../database/sql';
import { activityVisibility } from '../../governance/principal';
import { interactionSql } from '../../ingestion/activity.entity';
import type { Granularity } from '../dto/indicator-query.dto';
import { CONTRIBUTION_KINDS_SQL, leadersCte, Scope, SQL_EXAMPLE_SCOPE } from '../indicator-scope';
import { bucketsCte } from './activity.query';
import { matchGroupAndDepartment } from './alignment.query';

/**
 * SPEC §3.9 change adoption of one business objective, from the keyword matches written at ingestion
 * (no text is read). A **mention** is a live contribution (CONTRIBUTION_KINDS) in scope (`group`:
 * the activity's group; `department`: its author's) matching ≥ 1 keyword of the objective, counted
 * once however many keywords it matches. Over the mentions of the window [from, to):
 *
 * - `mentions` = count; `authors` = distinct authors; `departments` = distinct known departments of authors;
 * - `pulled` = mentions that are a `question`, or a `reply` whose thread root is a question;
 * - `pushed` = mentions that are a `post` or `share` written by a leader of the activity's group (leadersCte);
 * - `pullShare = pulled / mentions`, `pushShare = pushed / mentions` (null when mentions = 0);
 * - `organicReach` = distinct members other than the mention's author who replied to or reacted on a
 *   mention (§3.5 interactions: a live reply or reaction whose parent is the mention, by someone else), at any time;
 * - `firstMentionAt` = the earliest mention in scope at any time (before `from` or after `to` included).
 *
 * Per bucket of the network's time zone (the buckets of the activity series, bucketsCte): `mentions`,
 * `authors`, `newAuthors` = authors whose earliest mention in scope, at any time, falls in the bucket
 * (and in the window), `cumulativeAuthors` = distinct authors of the window's mentions from `from` to
 * the bucket's end (Σ over buckets so far of the authors whose first mention of the window is in them).
 *
 * SPEC §4: for a key that may not see confidential groups, confidential mentions (activityVisibility,
 * the one definition) are left out entirely, from every figure and from the earliest mentions.
 */

export interface AdoptionTotals {
  mentions: number;
  authors: number;
  departments: number;
  pulled: number;
  pushed: number;
  organicReach: number;
  firstMentionAt: Date | null;
}

export interface AdoptionBucket {
  start: Date;
  mentions: number;
  authors: number;
  newAuthors: number;
  cumulativeAuthors: number;
}

/** What an adoption read needs besides the scope: the objective's keywords and whether confidential mentions are left out. */
export interface AdoptionTarget {
  keywordIds: number[];
  hideConfidential: boolean;
}

/** The conditions that make the activity `a` (a keyword match's) a mention: live, a contribution, and visible when confidential ones are left out. */
function liveMention(a: string, target: AdoptionTarget): { joins: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const vis = activityVisibility(a, `${a}_vis`);
  return {
    joins: target.hideConfidential ? vis.joins : sql``,
    where: sql`${fragment(a)}.deleted_at IS NULL AND ${fragment(a)}.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
      ${target.hideConfidential ? sql`AND NOT ${vis.confidential}` : sql``}`,
  };
}

/**
 * CTE `in_window(id, network_id, author_id, occurred_at, kind, group_id, root_id)`: the mentions of
 * the window. The matches are read through the window index (or the group index with a group), each
 * activity once, then joined to its activity by primary key for its kind, thread and liveness.
 */
function inWindowCte(scope: Scope, target: AdoptionTarget): RawBuilder<unknown> {
  const live = liveMention('a', target);
  return sql`in_window AS (
  SELECT a.id, a.network_id, a.author_id, a.occurred_at, a.kind, a.group_id, a.root_id
  FROM (
    SELECT DISTINCT km.activity_id FROM keyword_matches km
    WHERE km.network_id = ${scope.networkId} AND km.occurred_at >= ${scope.from} AND km.occurred_at < ${scope.to}
      AND km.keyword_id = ANY(${target.keywordIds}::int[])
      ${matchGroupAndDepartment(scope)}
  ) k
  JOIN activities a ON a.network_id = ${scope.networkId} AND a.id = k.activity_id
  ${live.joins}
  WHERE ${live.where}
)`;
}

/** The earliest mention of the scope at any time: the window index read from the oldest match until the first that is a mention. */
function firstMentionAt(scope: Scope, target: AdoptionTarget): RawBuilder<unknown> {
  const live = liveMention('f', target);
  return sql`(SELECT km.occurred_at FROM keyword_matches km
       JOIN activities f ON f.network_id = km.network_id AND f.id = km.activity_id
       ${live.joins}
       WHERE km.network_id = ${scope.networkId} AND km.keyword_id = ANY(${target.keywordIds}::int[]) ${matchGroupAndDepartment(scope)} AND ${live.where}
       ORDER BY km.occurred_at LIMIT 1)`;
}

/**
 * CTE `window_authors(author_id, first_at, seen_before)`: each author of the window's mentions, their
 * first mention in the window, and whether they had a mention in scope before `from` (their own live
 * activities before `from`, author index, each probed for a match of the objective by primary key):
 * an author is new in the bucket of `first_at` unless seen before.
 */
function windowAuthorsCte(scope: Scope, target: AdoptionTarget): RawBuilder<unknown> {
  const live = liveMention('e', target);
  return sql`window_authors AS (
  SELECT w.author_id, min(w.occurred_at) AS first_at,
         EXISTS (
           SELECT 1 FROM activities e
           ${live.joins}
           WHERE e.network_id = ${scope.networkId} AND e.author_id = w.author_id AND e.occurred_at < ${scope.from} AND ${live.where}
             ${scope.groupIds === null ? sql`` : sql`AND e.group_id = ANY(${scope.groupIds}::bigint[])`}
             AND EXISTS (SELECT 1 FROM keyword_matches km WHERE km.network_id = e.network_id AND km.activity_id = e.id AND km.keyword_id = ANY(${target.keywordIds}::int[]))
         ) AS seen_before
  FROM in_window w GROUP BY w.author_id
)`;
}

export function adoptionTotalsQuery(scope: Scope, target: AdoptionTarget) {
  return sql<AdoptionTotals>`WITH ${leadersCte(scope.networkId)}, ${inWindowCte(scope, target)}
     SELECT
       (SELECT count(*) FROM in_window)::int AS mentions,
       (SELECT count(DISTINCT author_id) FROM in_window)::int AS authors,
       (SELECT count(DISTINCT m.department) FROM in_window w JOIN members m ON m.id = w.author_id)::int AS departments,
       (SELECT count(*) FROM in_window w
         WHERE w.kind = 'question'
            OR (w.kind = 'reply' AND EXISTS (SELECT 1 FROM activities r WHERE r.network_id = w.network_id AND r.id = w.root_id AND r.kind = 'question')))::int AS pulled,
       (SELECT count(*) FROM in_window w
         WHERE w.kind IN ('post', 'share') AND EXISTS (SELECT 1 FROM leaders l WHERE l.group_id = w.group_id AND l.member_id = w.author_id))::int AS pushed,
       (SELECT count(DISTINCT i.author_id) FROM in_window w JOIN activities i ON ${fragment(interactionSql('i', 'w'))})::int AS "organicReach",
       ${firstMentionAt(scope, target)} AS "firstMentionAt"`;
}

export function adoptionSeriesQuery(scope: Scope, target: AdoptionTarget, granularity: Granularity) {
  const { timezone } = scope;
  const bucketOf = (column: string) => sql`date_trunc(${granularity}, ${fragment(column)} AT TIME ZONE ${timezone})`;
  return sql<AdoptionBucket>`WITH ${bucketsCte(scope, granularity)}, ${inWindowCte(scope, target)}, ${windowAuthorsCte(scope, target)},
     counts AS (
       SELECT ${bucketOf('occurred_at')} AS local_start, count(*)::int AS mentions, count(DISTINCT author_id)::int AS authors FROM in_window GROUP BY 1
     ), firsts AS (
       SELECT ${bucketOf('first_at')} AS local_start, count(*) FILTER (WHERE NOT seen_before)::int AS new_authors, count(*)::int AS n
       FROM window_authors GROUP BY 1
     )
     SELECT b.local_start AT TIME ZONE ${timezone} AS start,
            coalesce(c.mentions, 0) AS mentions, coalesce(c.authors, 0) AS authors, coalesce(f.new_authors, 0) AS "newAuthors",
            (sum(coalesce(f.n, 0)) OVER (ORDER BY b.local_start))::int AS "cumulativeAuthors"
     FROM buckets b
       LEFT JOIN counts c ON c.local_start = b.local_start
       LEFT JOIN firsts f ON f.local_start = b.local_start
     ORDER BY b.local_start`;
}

export function adoptionTotals(db: EntityManager, scope: Scope, target: AdoptionTarget): Promise<AdoptionTotals> {
  return row(db, adoptionTotalsQuery(scope, target));
}

export function adoptionSeries(db: EntityManager, scope: Scope, target: AdoptionTarget, granularity: Granularity): Promise<AdoptionBucket[]> {
  return rows(db, adoptionSeriesQuery(scope, target, granularity));
}

const EXAMPLE_TARGET: AdoptionTarget = { keywordIds: [3, 4], hideConfidential: false };
const EXAMPLE_GROUP_SCOPE: Scope = { ...SQL_EXAMPLE_SCOPE, groupIds: ['7'], department: 'R&D' };
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'adoption totals (network)', query: adoptionTotalsQuery(SQL_EXAMPLE_SCOPE, EXAMPLE_TARGET) },
  {
    name: 'adoption totals (group and department, confidential mentions left out)',
    query: adoptionTotalsQuery(EXAMPLE_GROUP_SCOPE, { ...EXAMPLE_TARGET, hideConfidential: true }),
  },
  { name: 'adoption series by week (network)', query: adoptionSeriesQuery(SQL_EXAMPLE_SCOPE, EXAMPLE_TARGET, 'week') },
  {
    name: 'adoption series by day (group and department, confidential mentions left out)',
    query: adoptionSeriesQuery(EXAMPLE_GROUP_SCOPE, { ...EXAMPLE_TARGET, hideConfidential: true }, 'day'),
  },
];
