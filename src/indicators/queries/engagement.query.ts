import type { EntityManager } from 'typeorm';
import { row, sql, SqlExample } from '../../database/sql';

export interface EngagementParams {
  networkId: number;
  timezone: string;
  /** The day, YYYY-MM-DD in the network's time zone. */
  at: string;
  groupIds: string[] | null;
  department: string | null;
}

export interface EngagementRow {
  dau: number;
  wau: number;
  mau: number;
  /** Distinct (member, day) pairs over the 28 days: Σ daily dau. */
  memberDays: number;
  engagedMembers: number;
}

/**
 * SPEC §3.2 for the day `at` (network time zone): dau (distinct active members that day), wau (the
 * 7 days ending `at`), mau (the 28 days ending `at`), Σ daily dau over the 28 days (stickiness =
 * that / 28 / mau) and engagedMembers (active on ≥ 10 distinct days of the 28). Active = authored
 * any non-deleted activity, reactions included.
 *
 * Network-wide, the 28 whole days are read from the `active_member_bitmaps` rollup: OR and bit counts
 * of the days' bitmaps, and for engagedMembers a per-member day counter kept as bit planes
 * (members_active_on_at_least); a group or a department reads the raw activities of those days.
 */
export function engagementQuery(p: EngagementParams) {
  if (p.groupIds === null && p.department === null) {
    // network-wide: 28 whole local days, so the day bitmaps answer alone
    return sql<EngagementRow>`WITH days AS (
         SELECT day, block, active FROM active_member_bitmaps WHERE network_id = ${p.networkId} AND day > ${p.at}::date - 28 AND day <= ${p.at}::date
       ), blocks AS (
         SELECT bit_count(bit_or(active) FILTER (WHERE day = ${p.at}::date)) AS dau,
                bit_count(bit_or(active) FILTER (WHERE day > ${p.at}::date - 7)) AS wau,
                bit_count(bit_or(active)) AS mau, sum(bit_count(active)) AS member_days
         FROM days GROUP BY block
       )
       SELECT coalesce(sum(dau), 0)::int AS dau, coalesce(sum(wau), 0)::int AS wau, coalesce(sum(mau), 0)::int AS mau,
              coalesce(sum(member_days), 0)::int AS member_days,
              members_active_on_at_least(${p.networkId}, (${p.at}::date - 27), (${p.at}::date + 1), 10) AS engaged_members
       FROM blocks`;
  }
  return sql<EngagementRow>`WITH days AS (
       SELECT DISTINCT a.author_id, (a.occurred_at AT TIME ZONE ${p.timezone})::date AS day
       FROM activities a JOIN members m ON m.id = a.author_id
       WHERE a.network_id = ${p.networkId} AND a.deleted_at IS NULL
         AND a.occurred_at >= ((${p.at}::date - 27)::timestamp AT TIME ZONE ${p.timezone})
         AND a.occurred_at < ((${p.at}::date + 1)::timestamp AT TIME ZONE ${p.timezone})
         ${p.groupIds === null ? sql`` : sql`AND a.group_id = ANY(${p.groupIds}::bigint[])`}
         ${p.department === null ? sql`` : sql`AND m.department = ${p.department}`}
     )
     SELECT count(DISTINCT author_id) FILTER (WHERE day = ${p.at}::date)::int AS dau,
            count(DISTINCT author_id) FILTER (WHERE day > ${p.at}::date - 7)::int AS wau,
            count(DISTINCT author_id)::int AS mau,
            count(*)::int AS member_days,
            (SELECT count(*) FROM (SELECT 1 FROM days GROUP BY author_id HAVING count(*) >= 10) e)::int AS engaged_members
     FROM days`;
}

export function engagement(db: EntityManager, p: EngagementParams): Promise<EngagementRow> {
  return row(db, engagementQuery(p));
}

const EXAMPLE: EngagementParams = { networkId: 1, timezone: 'Europe/Paris', at: '2026-03-29', groupIds: null, department: null };
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'engagement (network: the day bitmaps)', query: engagementQuery(EXAMPLE) },
  { name: 'engagement (group and department: the raw activities)', query: engagementQuery({ ...EXAMPLE, groupIds: ['7'], department: 'R&D' }) },
];
