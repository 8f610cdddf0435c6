import type { EntityManager } from 'typeorm';
import { ratio } from '../../common/numbers';
import type { Granularity } from '../dto/indicator-query.dto';
import { CONTRIBUTION_KINDS_SQL, Scope, SCOPED_ACTIVITIES, windowParams } from '../indicator-scope';
import { AUTHORS_CTE, memberBitIndex, memberBlock, monthParams, PARTIAL_DAYS, rollupParams, splitIntoDays, usesRollups } from '../rollups';

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

const COUNTS_SQL = `
  count(*) FILTER (WHERE a.kind = 'post')::int AS posts,
  count(*) FILTER (WHERE a.kind = 'question')::int AS questions,
  count(*) FILTER (WHERE a.kind = 'reply')::int AS replies,
  count(*) FILTER (WHERE a.kind = 'reaction')::int AS reactions,
  count(*) FILTER (WHERE a.kind = 'share')::int AS shares,
  count(*) FILTER (WHERE a.kind = 'accept')::int AS accepts,
  count(*) FILTER (WHERE a.kind IN ${CONTRIBUTION_KINDS_SQL})::int AS contributions,
  count(DISTINCT a.author_id)::int AS "activeMembers",
  count(DISTINCT a.author_id) FILTER (WHERE a.kind IN ${CONTRIBUTION_KINDS_SQL})::int AS contributors`;

/** The per-kind counts and contributions from rows (kind, n) of the rollup and the partial days. */
const KIND_SUMS_SQL = `
  coalesce(sum(n) FILTER (WHERE kind = 'post'), 0)::int AS posts,
  coalesce(sum(n) FILTER (WHERE kind = 'question'), 0)::int AS questions,
  coalesce(sum(n) FILTER (WHERE kind = 'reply'), 0)::int AS replies,
  coalesce(sum(n) FILTER (WHERE kind = 'reaction'), 0)::int AS reactions,
  coalesce(sum(n) FILTER (WHERE kind = 'share'), 0)::int AS shares,
  coalesce(sum(n) FILTER (WHERE kind = 'accept'), 0)::int AS accepts,
  coalesce(sum(n) FILTER (WHERE kind IN ${CONTRIBUTION_KINDS_SQL}), 0)::int AS contributions`;

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
  if (usesRollups(scope)) {
    const [row] = await db.query(
      `WITH edge AS (
         SELECT a.kind, a.author_id FROM ${PARTIAL_DAYS}
       ), kinds AS (
         SELECT kind, activities AS n FROM activity_day_counts WHERE network_id = $1 AND day >= $4::date AND day < $5::date
         UNION ALL SELECT kind, count(*) FROM edge GROUP BY kind
       ), ${AUTHORS_CTE}
       SELECT ${KIND_SUMS_SQL},
              (SELECT active_members FROM authors)::int AS "activeMembers",
              (SELECT contributors FROM authors)::int AS contributors
       FROM kinds`,
      await totalsParams(db, scope),
    );
    return row;
  }
  const [row] = await db.query(`SELECT ${COUNTS_SQL} FROM ${SCOPED_ACTIVITIES}`, windowParams(scope));
  return row;
}

async function totalsParams(db: EntityManager, scope: Scope) {
  const split = await splitIntoDays(db, scope);
  return [...rollupParams(scope, split), ...monthParams(split)];
}

/**
 * The same counts per bucket of the network's time zone (day, ISO week from Monday, month), every
 * bucket from the one containing `from` to the last one starting before `to`, empty ones included.
 * Buckets are cut on local midnights, so a DST day lasts 23 or 25 hours.
 */
export async function activitySeries(db: EntityManager, scope: Scope, granularity: Granularity): Promise<ActivityBucket[]> {
  if (usesRollups(scope)) return activitySeriesFromRollups(db, scope, granularity);
  return db.query(
    `WITH ${bucketsCte('$2', '$3', '$6', '$7')}, counts AS (
       SELECT date_trunc($7, a.occurred_at AT TIME ZONE $6) AS local_start, ${COUNTS_SQL}
       FROM ${SCOPED_ACTIVITIES}
       GROUP BY 1
     )
     ${seriesSelect('$6')}`,
    [...windowParams(scope), scope.timezone, granularity],
  );
}

/**
 * The series network-wide: per bucket, the kind counts of its whole days and the OR of their member
 * bitmaps per block, plus the partial first and last days from the raw activities (each in its
 * bucket; an author already set in the bucket's bitmap is not counted twice).
 */
async function activitySeriesFromRollups(db: EntityManager, scope: Scope, granularity: Granularity): Promise<ActivityBucket[]> {
  return db.query(
    `WITH ${bucketsCte('$2', '$3', '$9', '$8')},
     edge AS (
       SELECT a.kind, a.author_id, date_trunc($8, a.occurred_at AT TIME ZONE $9) AS local_start FROM ${PARTIAL_DAYS}
     ), kinds AS (
       SELECT date_trunc($8, day::timestamp) AS local_start, kind, sum(activities) AS n FROM activity_day_counts
       WHERE network_id = $1 AND day >= $4::date AND day < $5::date GROUP BY 1, 2
       UNION ALL SELECT local_start, kind, count(*) FROM edge GROUP BY 1, 2
     ), whole AS (
       SELECT date_trunc($8, day::timestamp) AS local_start, block, bit_or(active) AS active, bit_or(contributing) AS contributing
       FROM active_member_bitmaps WHERE network_id = $1 AND day >= $4::date AND day < $5::date GROUP BY 1, 2
     ), edge_authors AS (
       SELECT local_start, author_id, bool_or(kind IN ${CONTRIBUTION_KINDS_SQL}) AS contributes FROM edge GROUP BY 1, 2
     ), authors AS (
       SELECT local_start, sum(active) AS active, sum(contributing) AS contributing FROM (
         SELECT local_start, bit_count(active) AS active, bit_count(contributing) AS contributing FROM whole
         UNION ALL
         SELECT e.local_start, (w.block IS NULL OR get_bit(w.active, ${memberBitIndex('e.author_id')}) = 0)::int,
                (e.contributes AND (w.block IS NULL OR get_bit(w.contributing, ${memberBitIndex('e.author_id')}) = 0))::int
         FROM edge_authors e LEFT JOIN whole w ON w.local_start = e.local_start AND w.block = ${memberBlock('e.author_id')}
       ) x GROUP BY local_start
     ), counts AS (
       SELECT k.local_start, ${KIND_SUMS_SQL},
              coalesce(max(au.active), 0)::int AS "activeMembers", coalesce(max(au.contributing), 0)::int AS contributors
       FROM kinds k LEFT JOIN authors au ON au.local_start = k.local_start
       GROUP BY k.local_start
     )
     ${seriesSelect('$9')}`,
    [...rollupParams(scope, await splitIntoDays(db, scope)), granularity, scope.timezone],
  );
}

/** CTE `buckets(local_start)`: every bucket from the one containing `from` to the last one starting before `to`. */
function bucketsCte(from: string, to: string, timezone: string, granularity: string): string {
  return `buckets AS (
    SELECT b AS local_start
    FROM generate_series(date_trunc(${granularity}, ${from}::timestamptz AT TIME ZONE ${timezone}), ${to}::timestamptz AT TIME ZONE ${timezone}, ('1 ' || ${granularity})::interval) AS b
    WHERE b < ${to}::timestamptz AT TIME ZONE ${timezone}
  )`;
}

/** Every bucket with its counts (CTE `counts`), zeros for empty ones. */
function seriesSelect(timezone: string): string {
  return `SELECT b.local_start AT TIME ZONE ${timezone} AS start,
            coalesce(c.posts, 0) AS posts, coalesce(c.questions, 0) AS questions, coalesce(c.replies, 0) AS replies,
            coalesce(c.reactions, 0) AS reactions, coalesce(c.shares, 0) AS shares, coalesce(c.accepts, 0) AS accepts,
            coalesce(c.contributions, 0) AS contributions, coalesce(c."activeMembers", 0) AS "activeMembers",
            coalesce(c.contributors, 0) AS contributors
     FROM buckets b LEFT JOIN counts c ON c.local_start = b.local_start
     ORDER BY b.local_start`;
}

/** Contributions in [from − (to − from), from): the denominator of `growth`. */
export async function previousWindowContributions(db: EntityManager, scope: Scope): Promise<number> {
  const length = scope.to.getTime() - scope.from.getTime();
  const previous = { ...scope, from: new Date(scope.from.getTime() - length), to: scope.from };
  if (usesRollups(previous)) {
    const [row] = await db.query(
      `SELECT ((SELECT coalesce(sum(activities), 0) FROM activity_day_counts
                WHERE network_id = $1 AND day >= $4::date AND day < $5::date AND kind IN ${CONTRIBUTION_KINDS_SQL})
             + (SELECT count(*) FROM ${PARTIAL_DAYS} WHERE a.kind IN ${CONTRIBUTION_KINDS_SQL}))::int AS n`,
      rollupParams(previous, await splitIntoDays(db, previous)),
    );
    return row.n;
  }
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${SCOPED_ACTIVITIES} AND a.kind IN ${CONTRIBUTION_KINDS_SQL}`, windowParams(previous));
  return row.n;
}

/**
 * Members at `to` (SPEC §3.1): without groups, members ingested through the network whose
 * joinedAt (or ingestion time when absent) is ≤ to — `counted_from`, kept by triggers; with groups,
 * the distinct members of those groups whose joinedAt (or ingestion time) ≤ to and leftAt is null or
 * > to. `department` keeps that department.
 */
export async function membersAt(db: EntityManager, scope: Scope): Promise<number> {
  const [row] =
    scope.groupIds === null
      ? await db.query(
          `SELECT count(*)::int AS n FROM network_members nm
         WHERE nm.network_id = $1 AND nm.counted_from <= $2
           AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = nm.member_id AND m.department = $3))`,
          [scope.networkId, scope.to, scope.department],
        )
      : await db.query(
          `SELECT count(DISTINCT ms.member_id)::int AS n FROM memberships ms JOIN members m ON m.id = ms.member_id
         WHERE ms.network_id = $1 AND ms.group_id = ANY($4::bigint[]) AND (ms.has_record OR ms.is_declared_leader)
           AND coalesce(ms.joined_at, ms.created_at) <= $2 AND (ms.left_at IS NULL OR ms.left_at > $2)
           AND ($3::text IS NULL OR m.department = $3)`,
          [scope.networkId, scope.to, scope.department, scope.groupIds],
        );
  return row.n;
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
  return {
    ...totals,
    members,
    participationRate: ratio(totals.contributors, members),
    contributionsPerMember: ratio(totals.contributions, members),
    growth: ratio(totals.contributions - previous, previous),
  };
}
