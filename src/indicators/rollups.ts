import type { EntityManager } from 'typeorm';
import { fragment, RawBuilder, row, sql } from '../database/sql';
import { CONTRIBUTION_KINDS_SQL, type Scope, SQL_EXAMPLE_SCOPE } from './indicator-scope';

/**
 * Members per rollup block: the width of the `bit(n)` columns the migration 1764400000000-activity-rollups
 * created (it keeps its own copy: migrations are frozen history and runtime code does not import them).
 */
export const MEMBER_BLOCK_BITS = 4096;

/**
 * Reading the per-day rollups kept by the triggers of migrations ActivityRollups and
 * InteractionRollups (see their doc comments and docs/indicators.md): `activity_day_counts` (live
 * activities per network, local day and kind), `active_member_bitmaps` and
 * `active_member_month_bitmaps` (per network, local day or month and block of member ids, one bit per
 * member with an activity / a contribution), `interaction_day_counts`. A window rarely starts and
 * ends on local midnights: its whole days come from the rollups, its partial first and last days from
 * the raw activities.
 */

/** The rollups hold network-wide figures per day; a group or a department reads the raw activities. */
export function usesRollups(scope: Scope): boolean {
  return scope.groupIds === null && scope.department === null;
}

/**
 * A window split into the whole local days it contains, [firstDay, endDay), and the partial days
 * around them, read from the raw activities: [from, fullFrom) and [fullTo, to). A window holding no
 * whole day is all partial: firstDay = endDay and fullFrom = fullTo = to.
 */
export interface DaySplit {
  firstDay: string;
  endDay: string;
  fullFrom: Date;
  fullTo: Date;
  /** The whole calendar months inside [firstDay, endDay), [firstMonth, endMonth) (first days); empty when equal. */
  firstMonth: string;
  endMonth: string;
}

/** Local midnights are the database's to compute (DST, time-zone rules), once per request. */
export async function splitIntoDays(db: EntityManager, scope: Scope): Promise<DaySplit> {
  const { from, to, timezone } = scope;
  const days = await row(
    db,
    sql<{ firstDay: string; endDay: string; fullFrom: Date; fullTo: Date }>`SELECT first_day::text AS "firstDay", end_day::text AS "endDay",
            first_day::timestamp AT TIME ZONE ${timezone} AS "fullFrom", end_day::timestamp AT TIME ZONE ${timezone} AS "fullTo"
     FROM (SELECT CASE WHEN (${from}::timestamptz AT TIME ZONE ${timezone})::time = '00:00' THEN (${from}::timestamptz AT TIME ZONE ${timezone})::date
                       ELSE (${from}::timestamptz AT TIME ZONE ${timezone})::date + 1 END AS first_day,
                  (${to}::timestamptz AT TIME ZONE ${timezone})::date AS end_day) d`,
  );
  if (days.firstDay >= days.endDay)
    return { firstDay: days.endDay, endDay: days.endDay, fullFrom: scope.to, fullTo: scope.to, firstMonth: days.endDay, endMonth: days.endDay };
  const firstMonth = days.firstDay.endsWith('-01') ? days.firstDay : nextMonth(days.firstDay);
  const endMonth = `${days.endDay.slice(0, 8)}01`;
  return firstMonth < endMonth ? { ...days, firstMonth, endMonth } : { ...days, firstMonth: days.endDay, endMonth: days.endDay };
}

/** The first day of the month after the one of `day` (YYYY-MM-DD). */
export function nextMonth(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The block of a member id in `active_member_bitmaps` (the block size is the migration's). */
export function memberBlock(member: string): string {
  return `(${member} / ${MEMBER_BLOCK_BITS})::integer`;
}

/** The position of a member id's bit in its block's bitmap. */
export function memberBitIndex(member: string): string {
  return `(${member} % ${MEMBER_BLOCK_BITS})::integer`;
}

/**
 * Raw live activities of the scope's network in the partial days of its split window (alias `a`):
 * [from, fullFrom) and [fullTo, to), two index ranges.
 */
export function partialDays(scope: Scope, split: DaySplit): RawBuilder<unknown> {
  return sql`(
  SELECT a.* FROM activities a WHERE a.network_id = ${scope.networkId} AND a.deleted_at IS NULL AND a.occurred_at >= ${scope.from} AND a.occurred_at < ${split.fullFrom}
  UNION ALL
  SELECT a.* FROM activities a WHERE a.network_id = ${scope.networkId} AND a.deleted_at IS NULL AND a.occurred_at >= ${split.fullTo} AND a.occurred_at < ${scope.to}
    AND ${split.fullFrom}::timestamptz < ${split.fullTo}::timestamptz
) a`;
}

/**
 * Distinct authors of a network over a split window, as CTE `authors(active_members, contributors)`:
 * the bit counts of the member bitmaps of the whole months and remaining whole days OR-ed per block,
 * plus the authors of the partial days (CTE `edge` with `kind`, `author_id`) whose bit is not set yet.
 */
export function authorsCte(networkId: number, split: DaySplit): RawBuilder<unknown> {
  const block = fragment(memberBlock('e.author_id'));
  const bit = fragment(memberBitIndex('e.author_id'));
  return sql`whole AS (
  SELECT block, bit_or(active) AS active, bit_or(contributing) AS contributing FROM (
    SELECT block, active, contributing FROM active_member_month_bitmaps
    WHERE network_id = ${networkId} AND month >= ${split.firstMonth}::date AND month < ${split.endMonth}::date
    UNION ALL
    SELECT block, active, contributing FROM active_member_bitmaps
    WHERE network_id = ${networkId}
      AND ((day >= ${split.firstDay}::date AND day < ${split.firstMonth}::date) OR (day >= ${split.endMonth}::date AND day < ${split.endDay}::date))
  ) x GROUP BY block
), edge_authors AS (
  SELECT author_id, bool_or(kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}) AS contributes FROM edge GROUP BY author_id
), authors AS (
  SELECT (SELECT coalesce(sum(bit_count(active)), 0) FROM whole)
         + (SELECT count(*) FROM edge_authors e LEFT JOIN whole w ON w.block = ${block}
            WHERE w.block IS NULL OR get_bit(w.active, ${bit}) = 0) AS active_members,
         (SELECT coalesce(sum(bit_count(contributing)), 0) FROM whole)
         + (SELECT count(*) FROM edge_authors e LEFT JOIN whole w ON w.block = ${block}
            WHERE e.contributes AND (w.block IS NULL OR get_bit(w.contributing, ${bit}) = 0)) AS contributors
)`;
}

/** The split of SQL_EXAMPLE_SCOPE (its four weeks are whole days, no whole month), for the query modules' SQL_EXAMPLES. */
export const SQL_EXAMPLE_SPLIT: DaySplit = {
  firstDay: '2026-03-01',
  endDay: '2026-03-29',
  fullFrom: SQL_EXAMPLE_SCOPE.from,
  fullTo: SQL_EXAMPLE_SCOPE.to,
  firstMonth: '2026-03-29',
  endMonth: '2026-03-29',
};
