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
 */
export async function engagement(db: EntityManager, p: EngagementParams): Promise<EngagementRow> {
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
