import type { EntityManager } from 'typeorm';
import { CONTRIBUTION_KINDS_SQL } from '../../ingestion/activity.entity';
import { activityVisibility } from '../../governance/principal';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';

export interface LiveCountsRow {
  todayActivities: number;
  todayContributions: number;
  todayQuestions: number;
  todayActiveMembers: number;
  lastHourActivities: number;
  lastHourContributions: number;
  lastHourActiveMembers: number;
  /** The network's local day holding `now`: [dayStart, dayEnd). */
  dayStart: Date;
  dayEnd: Date;
  /** Local midnight 27 days before dayStart: the 28 local days ending with today start here. */
  windowStart: Date;
}

/**
 * The live counters of a network at `now` (SPEC §3.11), over the live (non-deleted) activities:
 * `today` = the network's local day holding `now`, [local midnight, next local midnight) — as the
 * activity indicator (§3.1) counts it for from = that midnight, to = the next; `lastHour` =
 * [now − 1 h, now). Activities: every kind; contributions: CONTRIBUTION_KINDS (activity.entity.ts);
 * questions: kind `question`; active members: distinct authors of any activity (SPEC §2). One index
 * range of activities_window_idx (covering), from the earlier of the two starts; always one row.
 */
export function liveCountsQuery(networkId: number, timezone: string, now: Date) {
  const contribution = fragment(`r.kind IN ${CONTRIBUTION_KINDS_SQL}`);
  return sql<LiveCountsRow>`WITH p AS (
  SELECT ${timezone}::text AS tz, ${now}::timestamptz AS now, date_trunc('day', ${now}::timestamptz AT TIME ZONE ${timezone}::text) AS local_day
), b AS (
  SELECT local_day AT TIME ZONE tz AS day_start, (local_day + interval '1 day') AT TIME ZONE tz AS day_end,
         (local_day - interval '27 days') AT TIME ZONE tz AS window_start, now - interval '1 hour' AS hour_start, now
  FROM p
), recent AS (
  SELECT a.kind, a.author_id, a.occurred_at >= b.day_start AND a.occurred_at < b.day_end AS today, a.occurred_at >= b.hour_start AND a.occurred_at < b.now AS last_hour
  FROM b JOIN activities a ON a.network_id = ${networkId} AND a.deleted_at IS NULL
   AND a.occurred_at >= least(b.day_start, b.hour_start) AND a.occurred_at < greatest(b.day_end, b.now)
)
SELECT count(*) FILTER (WHERE r.today)::int AS today_activities,
       count(*) FILTER (WHERE r.today AND ${contribution})::int AS today_contributions,
       count(*) FILTER (WHERE r.today AND r.kind = 'question')::int AS today_questions,
       count(DISTINCT r.author_id) FILTER (WHERE r.today)::int AS today_active_members,
       count(*) FILTER (WHERE r.last_hour)::int AS last_hour_activities,
       count(*) FILTER (WHERE r.last_hour AND ${contribution})::int AS last_hour_contributions,
       count(DISTINCT r.author_id) FILTER (WHERE r.last_hour)::int AS last_hour_active_members,
       b.day_start, b.day_end, b.window_start
FROM b LEFT JOIN recent r ON TRUE
GROUP BY b.day_start, b.day_end, b.window_start`;
}

export function liveCounts(db: EntityManager, networkId: number, timezone: string, now: Date): Promise<LiveCountsRow> {
  return row(db, liveCountsQuery(networkId, timezone, now));
}

export interface LiveActivityRow {
  externalId: string;
  kind: string;
  /** externalId of the activity's own group (null without one). */
  group: string | null;
  /** SPEC §4 (principal.ts): the activity is confidential, its group is shown only to keys that may see it. */
  confidential: boolean;
  occurredAt: Date;
}

/**
 * The live contributions of a network whose ids lie in one of the ranges (after, upTo] announced by
 * ingestion transactions (database/notifications.ts), in id order (the order they were written), at
 * most `limit`: read by primary key, one index range per announced range. No text, no author.
 */
export function liveActivitiesQuery(networkId: number, ranges: readonly (readonly [string, string])[], limit: number) {
  const visibility = activityVisibility('a');
  return sql<LiveActivityRow>`SELECT a.external_id, a.kind, CASE WHEN a.group_id IS NOT NULL THEN vis.external_id END AS "group",
       ${visibility.confidential} AS confidential, a.occurred_at
FROM unnest(${ranges.map((r) => r[0])}::bigint[], ${ranges.map((r) => r[1])}::bigint[]) AS r(after, up_to)
JOIN activities a ON a.network_id = ${networkId} AND a.id > r.after AND a.id <= r.up_to
${visibility.joins}
WHERE a.deleted_at IS NULL AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
ORDER BY a.id
LIMIT ${limit}`;
}

export function liveActivities(
  db: EntityManager,
  networkId: number,
  ranges: readonly (readonly [string, string])[],
  limit: number,
): Promise<LiveActivityRow[]> {
  if (ranges.length === 0) return Promise.resolve([]);
  return rows(db, liveActivitiesQuery(networkId, ranges, limit));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'live counters', query: liveCountsQuery(1, 'Europe/Paris', new Date('2026-03-30T12:00:00Z')) },
  {
    name: 'live contributions of announced id ranges',
    query: liveActivitiesQuery(
      1,
      [
        ['1000', '1500'],
        ['1720', '1800'],
      ],
      50,
    ),
  },
];
