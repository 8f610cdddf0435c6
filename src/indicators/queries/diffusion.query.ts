import type { EntityManager } from 'typeorm';
import { Scope, windowParams } from '../indicator-scope';
import { PARTIAL_DAYS, rollupParams, splitIntoDays } from '../rollups';

export interface DiffusionDepartmentRow {
  department: string;
  interactions: number;
  cross: number;
}

/**
 * The interactions among the activities `a` (a replacement for `FROM activities a`), with the
 * author's department `ma.department` and the parent author's `mp.department`; add conditions on `a`
 * with AND. One definition for the raw path and the partial days of the rollup path.
 */
function interactionsOf(activities: string): string {
  return `${activities}
     JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL
     JOIN members ma ON ma.id = a.author_id
     JOIN members mp ON mp.id = p.author_id
     WHERE a.kind IN ('reply', 'reaction') AND p.author_id <> a.author_id AND ma.department IS NOT NULL AND mp.department IS NOT NULL`;
}

/**
 * SPEC §3.5 interactions: non-deleted replies and reactions in the window whose parent is known (and
 * not deleted) and written by someone else, from the author's department to the parent author's,
 * kept when both departments are known. Grouped by the author's department with the number crossing
 * departments (E); I = interactions − E. Filters: the interaction's group, the author's department.
 * With a group: the raw activities of the window on the group index; network-wide: see below.
 */
export async function diffusionByDepartment(db: EntityManager, scope: Scope): Promise<DiffusionDepartmentRow[]> {
  if (scope.groupIds === null) return diffusionFromRollups(db, scope);
  return db.query(
    `SELECT ma.department, count(*)::int AS interactions, count(*) FILTER (WHERE ma.department <> mp.department)::int AS cross
     FROM ${interactionsOf('activities a')}
       AND a.network_id = $1 AND a.deleted_at IS NULL AND a.occurred_at >= $2 AND a.occurred_at < $3
       AND ($4::bigint[] IS NULL OR a.group_id = ANY($4::bigint[])) AND ($5::text IS NULL OR ma.department = $5)
     GROUP BY ma.department
     ORDER BY ma.department`,
    windowParams(scope),
  );
}

/**
 * Network-wide: the whole local days from `interaction_day_counts` (migration InteractionRollups),
 * after recomputing those of them marked stale since the last read, and the partial first and last
 * days from the raw activities.
 */
async function diffusionFromRollups(db: EntityManager, scope: Scope): Promise<DiffusionDepartmentRow[]> {
  const split = await splitIntoDays(db, scope);
  await db.query('SELECT refresh_interaction_days($1, $2, $3)', [scope.networkId, split.firstDay, split.endDay]);
  return db.query(
    `WITH counts AS (
       SELECT author_department AS department, interactions AS n, author_department <> parent_department AS crossing
       FROM interaction_day_counts
       WHERE network_id = $1 AND day >= $4::date AND day < $5::date AND ($8::text IS NULL OR author_department = $8)
       UNION ALL
       SELECT ma.department, 1, ma.department <> mp.department
       FROM ${interactionsOf(PARTIAL_DAYS)}
         AND ($8::text IS NULL OR ma.department = $8)
     )
     SELECT department, sum(n)::int AS interactions, coalesce(sum(n) FILTER (WHERE crossing), 0)::int AS cross
     FROM counts GROUP BY department ORDER BY department`,
    [...rollupParams(scope, split), scope.department],
  );
}
