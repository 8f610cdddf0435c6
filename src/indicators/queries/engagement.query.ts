import type { EntityManager } from 'typeorm';

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
export async function engagement(db: EntityManager, p: EngagementParams): Promise<EngagementRow> {
  if (p.groupIds === null && p.department === null) {
    // network-wide: 28 whole local days, so the day bitmaps answer alone
    const [row] = await db.query(
      `WITH days AS (
         SELECT day, block, active FROM active_member_bitmaps WHERE network_id = $1 AND day > $2::date - 28 AND day <= $2::date
       ), blocks AS (
         SELECT bit_count(bit_or(active) FILTER (WHERE day = $2::date)) AS dau,
                bit_count(bit_or(active) FILTER (WHERE day > $2::date - 7)) AS wau,
                bit_count(bit_or(active)) AS mau, sum(bit_count(active)) AS member_days
         FROM days GROUP BY block
       )
       SELECT coalesce(sum(dau), 0)::int AS dau, coalesce(sum(wau), 0)::int AS wau, coalesce(sum(mau), 0)::int AS mau,
              coalesce(sum(member_days), 0)::int AS "memberDays",
              members_active_on_at_least($1, ($2::date - 27), ($2::date + 1), 10) AS "engagedMembers"
       FROM blocks`,
      [p.networkId, p.at],
    );
    return row;
  }
  const [row] = await db.query(
    `WITH days AS (
       SELECT DISTINCT a.author_id, (a.occurred_at AT TIME ZONE $2)::date AS day
       FROM activities a JOIN members m ON m.id = a.author_id
       WHERE a.network_id = $1 AND a.deleted_at IS NULL
         AND a.occurred_at >= (($3::date - 27)::timestamp AT TIME ZONE $2)
         AND a.occurred_at < (($3::date + 1)::timestamp AT TIME ZONE $2)
         AND ($4::bigint[] IS NULL OR a.group_id = ANY($4::bigint[])) AND ($5::text IS NULL OR m.department = $5)
     )
     SELECT count(DISTINCT author_id) FILTER (WHERE day = $3::date)::int AS dau,
            count(DISTINCT author_id) FILTER (WHERE day > $3::date - 7)::int AS wau,
            count(DISTINCT author_id)::int AS mau,
            count(*)::int AS "memberDays",
            (SELECT count(*) FROM (SELECT 1 FROM days GROUP BY author_id HAVING count(*) >= 10) e)::int AS "engagedMembers"
     FROM days`,
    [p.networkId, p.timezone, p.at, p.groupIds, p.department],
  );
  return row;
}
