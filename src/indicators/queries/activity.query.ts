import type { EntityManager } from 'typeorm';
import { ratio } from '../../common/numbers';
import { fragment, RawBuilder, row, rows, sql, SqlExample } from '../../database/sql';
import type { Granularity } from '../dto/indicator-query.dto';
import { CONTRIBUTION_KINDS_SQL, inScope, Scope, SQL_EXAMPLE_SCOPE } from '../indicator-scope';
import { contributionsByGroupQuery } from './alignment.query';
import { authorsCte, DaySplit, memberBitIndex, memberBlock, partialDays, splitIntoDays, SQL_EXAMPLE_SPLIT, usesRollups } from '../rollups';

export interface ActivityCounts {
  posts: number;
  questions: number;
  replies: number;
  reactions: number;
  shares: number;
  accepts: number;
  contributions: number;
  activeMembers: number;
  contributors: number;
}

export interface ActivityBucket extends ActivityCounts {
  start: Date;
}

const CONTRIBUTION_KINDS = fragment(CONTRIBUTION_KINDS_SQL);

const COUNTS = fragment(`
  count(*) FILTER (WHERE a.kind = 'post')::int AS posts,
  count(*) FILTER (WHERE a.kind = 'question')::int AS questions,
  count(*) FILTER (WHERE a.kind = 'reply')::int AS replies,
  count(*) FILTER (WHERE a.kind = 'reaction')::int AS reactions,
  count(*) FILTER (WHERE a.kind = 'share')::int AS shares,
  count(*) FILTER (WHERE a.kind = 'accept')::int AS accepts,
  count(*) FILTER (WHERE a.kind IN ${CONTRIBUTION_KINDS_SQL})::int AS contributions,
  count(DISTINCT a.author_id)::int AS "activeMembers",
  count(DISTINCT a.author_id) FILTER (WHERE a.kind IN ${CONTRIBUTION_KINDS_SQL})::int AS contributors`);

/** The per-kind counts and contributions from rows (kind, n) of the rollup and the partial days. */
const KIND_SUMS = fragment(`
  coalesce(sum(n) FILTER (WHERE kind = 'post'), 0)::int AS posts,
  coalesce(sum(n) FILTER (WHERE kind = 'question'), 0)::int AS questions,
  coalesce(sum(n) FILTER (WHERE kind = 'reply'), 0)::int AS replies,
  coalesce(sum(n) FILTER (WHERE kind = 'reaction'), 0)::int AS reactions,
  coalesce(sum(n) FILTER (WHERE kind = 'share'), 0)::int AS shares,
  coalesce(sum(n) FILTER (WHERE kind = 'accept'), 0)::int AS accepts,
  coalesce(sum(n) FILTER (WHERE kind IN ${CONTRIBUTION_KINDS_SQL}), 0)::int AS contributions`);

/**
 * SPEC §3.1 counts over [from, to): posts, questions, replies, reactions, shares, accepts,
 * contributions (post + question + reply + share), activeMembers (distinct authors of any
 * activity) and contributors (distinct authors of contributions).
 *
 * Network-wide without a department, the whole local days of the window come from the rollups
 * (`activity_day_counts`, `active_member_bitmaps`) and only the partial first and last days from the
 * raw activities; a group or a department reads the raw activities through their indexes. Both paths
 * give the same numbers (test/integration/rollups-consistency.spec.ts).
 */
export async function activityTotals(db: EntityManager, scope: Scope): Promise<ActivityCounts> {
  if (usesRollups(scope)) return row(db, activityTotalsFromRollupsQuery(scope, await splitIntoDays(db, scope)));
  return row(db, activityTotalsQuery(scope));
}

/** The counts from the raw activities of the scope. */
export function activityTotalsQuery(scope: Scope) {
  return sql<ActivityCounts>`SELECT ${COUNTS} FROM activities a WHERE ${inScope(scope)}`;
}

/** The same counts for every group of the scope at once (group id → counts; groups without activity have no row). */
export function activityTotalsByGroupQuery(scope: Scope) {
  return sql<
    ActivityCounts & { groupId: string }
  >`SELECT a.group_id::text AS group_id, ${COUNTS} FROM activities a WHERE ${inScope(scope)} AND a.group_id IS NOT NULL
     GROUP BY a.group_id`;
}

/** The counts network-wide: the whole days from the rollups, the partial days from the raw activities. */
export function activityTotalsFromRollupsQuery(scope: Scope, split: DaySplit) {
  return sql<ActivityCounts>`WITH edge AS (
       SELECT a.kind, a.author_id FROM ${partialDays(scope, split)}
     ), kinds AS (
       SELECT kind, activities AS n FROM activity_day_counts
       WHERE network_id = ${scope.networkId} AND day >= ${split.firstDay}::date AND day < ${split.endDay}::date
       UNION ALL SELECT kind, count(*) FROM edge GROUP BY kind
     ), ${authorsCte(scope.networkId, split)}
     SELECT ${KIND_SUMS},
            (SELECT active_members FROM authors)::int AS "activeMembers",
            (SELECT contributors FROM authors)::int AS contributors
     FROM kinds`;
}

/**
 * The same counts per bucket of the network's time zone (day, ISO week from Monday, month), every
 * bucket from the one containing `from` to the last one starting before `to`, empty ones included.
 * Buckets are cut on local midnights, so a DST day lasts 23 or 25 hours.
 */
export async function activitySeries(db: EntityManager, scope: Scope, granularity: Granularity): Promise<ActivityBucket[]> {
  if (usesRollups(scope)) return rows(db, activitySeriesFromRollupsQuery(scope, await splitIntoDays(db, scope), granularity));
  return rows(db, activitySeriesQuery(scope, granularity));
}

/** The series from the raw activities of the scope. */
export function activitySeriesQuery(scope: Scope, granularity: Granularity) {
  return sql<ActivityBucket>`WITH ${bucketsCte(scope, granularity)}, counts AS (
       SELECT date_trunc(${granularity}, a.occurred_at AT TIME ZONE ${scope.timezone}) AS local_start, ${COUNTS}
       FROM activities a WHERE ${inScope(scope)}
       GROUP BY 1
     )
     ${seriesSelect(scope.timezone)}`;
}

/**
 * The series network-wide: per bucket, the kind counts of its whole days and the OR of their member
 * bitmaps per block, plus the partial first and last days from the raw activities (each in its
 * bucket; an author already set in the bucket's bitmap is not counted twice).
 */
export function activitySeriesFromRollupsQuery(scope: Scope, split: DaySplit, granularity: Granularity) {
  const { networkId, timezone } = scope;
  const block = fragment(memberBlock('e.author_id'));
  const bit = fragment(memberBitIndex('e.author_id'));
  return sql<ActivityBucket>`WITH ${bucketsCte(scope, granularity)},
     edge AS (
       SELECT a.kind, a.author_id, date_trunc(${granularity}, a.occurred_at AT TIME ZONE ${timezone}) AS local_start FROM ${partialDays(scope, split)}
     ), kinds AS (
       SELECT date_trunc(${granularity}, day::timestamp) AS local_start, kind, sum(activities) AS n FROM activity_day_counts
       WHERE network_id = ${networkId} AND day >= ${split.firstDay}::date AND day < ${split.endDay}::date GROUP BY 1, 2
       UNION ALL SELECT local_start, kind, count(*) FROM edge GROUP BY 1, 2
     ), whole AS (
       SELECT date_trunc(${granularity}, day::timestamp) AS local_start, block, bit_or(active) AS active, bit_or(contributing) AS contributing
       FROM active_member_bitmaps WHERE network_id = ${networkId} AND day >= ${split.firstDay}::date AND day < ${split.endDay}::date GROUP BY 1, 2
     ), edge_authors AS (
       SELECT local_start, author_id, bool_or(kind IN ${CONTRIBUTION_KINDS}) AS contributes FROM edge GROUP BY 1, 2
     ), authors AS (
       SELECT local_start, sum(active) AS active, sum(contributing) AS contributing FROM (
         SELECT local_start, bit_count(active) AS active, bit_count(contributing) AS contributing FROM whole
         UNION ALL
         SELECT e.local_start, (w.block IS NULL OR get_bit(w.active, ${bit}) = 0)::int,
                (e.contributes AND (w.block IS NULL OR get_bit(w.contributing, ${bit}) = 0))::int
         FROM edge_authors e LEFT JOIN whole w ON w.local_start = e.local_start AND w.block = ${block}
       ) x GROUP BY local_start
     ), counts AS (
       SELECT k.local_start, ${KIND_SUMS},
              coalesce(max(au.active), 0)::int AS "activeMembers", coalesce(max(au.contributing), 0)::int AS contributors
       FROM kinds k LEFT JOIN authors au ON au.local_start = k.local_start
       GROUP BY k.local_start
     )
     ${seriesSelect(timezone)}`;
}

/** CTE `buckets(local_start)`: every bucket from the one containing `from` to the last one starting before `to`. */
export function bucketsCte(scope: Scope, granularity: Granularity): RawBuilder<unknown> {
  const { from, to, timezone } = scope;
  return sql`buckets AS (
    SELECT b AS local_start
    FROM generate_series(date_trunc(${granularity}, ${from}::timestamptz AT TIME ZONE ${timezone}), ${to}::timestamptz AT TIME ZONE ${timezone}, ('1 ' || ${granularity})::interval) AS b
    WHERE b < ${to}::timestamptz AT TIME ZONE ${timezone}
  )`;
}

/** Every bucket with its counts (CTE `counts`), zeros for empty ones. */
function seriesSelect(timezone: string): RawBuilder<unknown> {
  return sql`SELECT b.local_start AT TIME ZONE ${timezone} AS start,
            coalesce(c.posts, 0) AS posts, coalesce(c.questions, 0) AS questions, coalesce(c.replies, 0) AS replies,
            coalesce(c.reactions, 0) AS reactions, coalesce(c.shares, 0) AS shares, coalesce(c.accepts, 0) AS accepts,
            coalesce(c.contributions, 0) AS contributions, coalesce(c."activeMembers", 0) AS "activeMembers",
            coalesce(c.contributors, 0) AS contributors
     FROM buckets b LEFT JOIN counts c ON c.local_start = b.local_start
     ORDER BY b.local_start`;
}

/** The window of the same length just before the scope's: [from − (to − from), from). */
function previousWindow(scope: Scope): Scope {
  const length = scope.to.getTime() - scope.from.getTime();
  return { ...scope, from: new Date(scope.from.getTime() - length), to: scope.from };
}

/** Contributions in [from − (to − from), from): the denominator of `growth`. */
export async function previousWindowContributions(db: EntityManager, scope: Scope): Promise<number> {
  const previous = previousWindow(scope);
  const query = usesRollups(previous) ? contributionsFromRollupsQuery(previous, await splitIntoDays(db, previous)) : contributionsQuery(previous);
  return (await row(db, query)).n;
}

/** Contributions of a scope from its raw activities. */
export function contributionsQuery(scope: Scope) {
  return sql<{ n: number }>`SELECT count(*)::int AS n FROM activities a WHERE ${inScope(scope)} AND a.kind IN ${CONTRIBUTION_KINDS}`;
}

/** Contributions network-wide: the whole days from the rollups, the partial days from the raw activities. */
export function contributionsFromRollupsQuery(scope: Scope, split: DaySplit) {
  return sql<{ n: number }>`SELECT ((SELECT coalesce(sum(activities), 0) FROM activity_day_counts
                WHERE network_id = ${scope.networkId} AND day >= ${split.firstDay}::date AND day < ${split.endDay}::date AND kind IN ${CONTRIBUTION_KINDS})
             + (SELECT count(*) FROM ${partialDays(scope, split)} WHERE a.kind IN ${CONTRIBUTION_KINDS}))::int AS n`;
}

/**
 * Members at `to` (SPEC §3.1): without groups, members ingested through the network whose
 * joinedAt (or ingestion time when absent) is ≤ to — `counted_from`, kept by triggers; with groups,
 * the distinct members of those groups whose joinedAt (or ingestion time) ≤ to and leftAt is null or
 * > to. `department` keeps that department.
 */
export async function membersAt(db: EntityManager, scope: Scope): Promise<number> {
  return (await row(db, membersAtQuery(scope))).n;
}

export function membersAtQuery(scope: Scope) {
  const { networkId, to, department, groupIds } = scope;
  if (groupIds === null)
    return sql<{ n: number }>`SELECT count(*)::int AS n FROM network_members nm
         WHERE nm.network_id = ${networkId} AND nm.counted_from <= ${to}
           ${department === null ? sql`` : sql`AND EXISTS (SELECT 1 FROM members m WHERE m.id = nm.member_id AND m.department = ${department})`}`;
  return sql<{ n: number }>`SELECT count(DISTINCT ms.member_id)::int AS n FROM memberships ms JOIN members m ON m.id = ms.member_id
         WHERE ms.network_id = ${networkId} AND ms.group_id = ANY(${groupIds}::bigint[]) AND ${groupMemberAt(scope)}`;
}

/** A membership `ms` (member `m`) of a group member at `to` (SPEC §3.1), of the scope's department when it has one. */
function groupMemberAt(scope: Scope): RawBuilder<unknown> {
  const { to, department } = scope;
  return sql`(ms.has_record OR ms.is_declared_leader)
           AND coalesce(ms.joined_at, ms.created_at) <= ${to} AND (ms.left_at IS NULL OR ms.left_at > ${to})
           ${department === null ? sql`` : sql`AND m.department = ${department}`}`;
}

/** Members at `to` of every group of the network at once (group id → members; groups without members have no row). */
export function membersAtByGroupQuery(scope: Scope) {
  return sql<{
    groupId: string;
    n: number;
  }>`SELECT ms.group_id::text AS group_id, count(DISTINCT ms.member_id)::int AS n FROM memberships ms JOIN members m ON m.id = ms.member_id
         WHERE ms.network_id = ${scope.networkId} AND ${groupMemberAt(scope)}
         GROUP BY ms.group_id`;
}

export interface ActivitySummary extends ActivityCounts {
  members: number;
  participationRate: number | null;
  contributionsPerMember: number | null;
  growth: number | null;
}

/**
 * The SPEC §3.1 `totals` of a scope: the counts, members at `to`, participationRate =
 * contributors / members, contributionsPerMember = contributions / members, and growth =
 * (contributions − previous window's) / previous window's. Shared by the activity endpoint and
 * every comparison row, so both always agree.
 */
export async function activitySummary(db: EntityManager, scope: Scope): Promise<ActivitySummary> {
  const totals = await activityTotals(db, scope);
  const members = await membersAt(db, scope);
  const previous = await previousWindowContributions(db, scope);
  return summaryOf(totals, members, previous);
}

function summaryOf(totals: ActivityCounts, members: number, previous: number): ActivitySummary {
  return {
    ...totals,
    members,
    participationRate: ratio(totals.contributors, members),
    contributionsPerMember: ratio(totals.contributions, members),
    growth: ratio(totals.contributions - previous, previous),
  };
}

const NO_ACTIVITY: ActivityCounts = {
  posts: 0,
  questions: 0,
  replies: 0,
  reactions: 0,
  shares: 0,
  accepts: 0,
  contributions: 0,
  activeMembers: 0,
  contributors: 0,
};

/**
 * The `totals` of every group of the network (the scope's window and department; its groups are not
 * used) at once: the same numbers as activitySummary with that group, one query per figure over all
 * groups instead of three per group. The answer gives a group id's totals (zeros for a group without
 * activity).
 */
export async function activitySummaryByGroup(db: EntityManager, scope: Scope): Promise<(groupId: string) => ActivitySummary> {
  const network: Scope = { ...scope, groupIds: null };
  const [totals, members, previous] = await Promise.all([
    rows(db, activityTotalsByGroupQuery(network)),
    rows(db, membersAtByGroupQuery(network)),
    rows(db, contributionsByGroupQuery(previousWindow(network))),
  ]);
  const totalsOf = new Map(totals.map(({ groupId, ...counts }) => [groupId, counts]));
  const membersOf = new Map(members.map((r) => [r.groupId, r.n]));
  const previousOf = new Map(previous.map((r) => [r.groupId, r.n]));
  return (id) => summaryOf(totalsOf.get(id) ?? NO_ACTIVITY, membersOf.get(id) ?? 0, previousOf.get(id) ?? 0);
}

const EXAMPLE_SCOPE = SQL_EXAMPLE_SCOPE;
const EXAMPLE_GROUP_SCOPE: Scope = { ...EXAMPLE_SCOPE, groupIds: ['7'], department: 'R&D' };
const EXAMPLE_DEPARTMENT_SCOPE: Scope = { ...EXAMPLE_SCOPE, department: 'R&D' };
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'totals (network: rollups and partial days)', query: activityTotalsFromRollupsQuery(EXAMPLE_SCOPE, SQL_EXAMPLE_SPLIT) },
  { name: 'totals (group and department: raw activities)', query: activityTotalsQuery(EXAMPLE_GROUP_SCOPE) },
  { name: 'series by day (network: rollups and partial days)', query: activitySeriesFromRollupsQuery(EXAMPLE_SCOPE, SQL_EXAMPLE_SPLIT, 'day') },
  { name: 'series by week (group and department: raw activities)', query: activitySeriesQuery(EXAMPLE_GROUP_SCOPE, 'week') },
  { name: 'series by month (department: raw activities)', query: activitySeriesQuery(EXAMPLE_DEPARTMENT_SCOPE, 'month') },
  {
    name: 'contributions, for the previous window of growth (network: rollups and partial days)',
    query: contributionsFromRollupsQuery(EXAMPLE_SCOPE, SQL_EXAMPLE_SPLIT),
  },
  { name: 'contributions, for the previous window of growth (group and department)', query: contributionsQuery(EXAMPLE_GROUP_SCOPE) },
  { name: 'members at `to` (network and department)', query: membersAtQuery(EXAMPLE_DEPARTMENT_SCOPE) },
  { name: 'members at `to` (group and department)', query: membersAtQuery(EXAMPLE_GROUP_SCOPE) },
  { name: 'totals of every group (department: raw activities)', query: activityTotalsByGroupQuery(EXAMPLE_DEPARTMENT_SCOPE) },
  { name: 'members at `to` of every group (department)', query: membersAtByGroupQuery(EXAMPLE_DEPARTMENT_SCOPE) },
];
