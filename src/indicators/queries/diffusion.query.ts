import type { EntityManager } from 'typeorm';
import { execute, fragment, RawBuilder, rows, sql, SqlExample } from '../../database/sql';
import { interactionSql } from '../../ingestion/activity.entity';
import { inScope, Scope, SQL_EXAMPLE_SCOPE } from '../indicator-scope';
import { DaySplit, partialDays, splitIntoDays, SQL_EXAMPLE_SPLIT } from '../rollups';

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
function interactionsOf(activities: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`${activities}
     JOIN activities p ON ${fragment(interactionSql('a', 'p'))} AND p.deleted_at IS NULL
     JOIN members ma ON ma.id = a.author_id
     JOIN members mp ON mp.id = p.author_id
     WHERE ma.department IS NOT NULL AND mp.department IS NOT NULL`;
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
  return rows(db, diffusionQuery(scope));
}

export interface GroupDiffusionRow {
  group: string;
  interactions: number;
  cross: number;
}

/**
 * SPEC §3.5 interactions of every group at once (the interaction's own group, as diffusion with
 * group=), partitioned by group in one scan of the window: the same interaction rule
 * (interactionsOf) as the per-scope queries; the scope's group and department filters are not used.
 * Groups without interactions have no row.
 */
export function diffusionByGroupQuery(scope: Scope) {
  const network: Scope = { ...scope, groupIds: null, department: null };
  return sql<GroupDiffusionRow>`SELECT g.external_id AS "group", count(*)::int AS interactions, count(*) FILTER (WHERE ma.department <> mp.department)::int AS cross
     FROM ${interactionsOf(sql`activities a JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id`)}
       AND ${inScope(network)}
     GROUP BY g.external_id`;
}

export function diffusionByGroup(db: EntityManager, scope: Scope): Promise<GroupDiffusionRow[]> {
  return rows(db, diffusionByGroupQuery(scope));
}

/** The interactions of a scope from its raw activities (the group and department conditions written when given). */
export function diffusionQuery(scope: Scope) {
  return sql<DiffusionDepartmentRow>`SELECT ma.department, count(*)::int AS interactions, count(*) FILTER (WHERE ma.department <> mp.department)::int AS cross
     FROM ${interactionsOf(sql`activities a`)}
       AND a.network_id = ${scope.networkId} AND a.deleted_at IS NULL AND a.occurred_at >= ${scope.from} AND a.occurred_at < ${scope.to}
       ${scope.groupIds === null ? sql`` : sql`AND a.group_id = ANY(${scope.groupIds}::bigint[])`}
       ${scope.department === null ? sql`` : sql`AND ma.department = ${scope.department}`}
     GROUP BY ma.department
     ORDER BY ma.department`;
}

/**
 * Network-wide: the whole local days from `interaction_day_counts` (migration InteractionRollups),
 * after recomputing those of them marked stale since the last read, and the partial first and last
 * days from the raw activities.
 */
async function diffusionFromRollups(db: EntityManager, scope: Scope): Promise<DiffusionDepartmentRow[]> {
  const split = await splitIntoDays(db, scope);
  await execute(db, refreshInteractionDaysQuery(scope.networkId, split));
  return rows(db, diffusionFromRollupsQuery(scope, split));
}

/** Recomputes the stale days of `interaction_day_counts` among the whole days of a split window. */
export function refreshInteractionDaysQuery(networkId: number, split: DaySplit) {
  return sql`SELECT refresh_interaction_days(${networkId}, ${split.firstDay}, ${split.endDay})`;
}

export function diffusionFromRollupsQuery(scope: Scope, split: DaySplit) {
  const { department } = scope;
  return sql<DiffusionDepartmentRow>`WITH counts AS (
       SELECT author_department AS department, interactions AS n, author_department <> parent_department AS crossing
       FROM interaction_day_counts
       WHERE network_id = ${scope.networkId} AND day >= ${split.firstDay}::date AND day < ${split.endDay}::date
         ${department === null ? sql`` : sql`AND author_department = ${department}`}
       UNION ALL
       SELECT ma.department, 1, ma.department <> mp.department
       FROM ${interactionsOf(partialDays(scope, split))}
         ${department === null ? sql`` : sql`AND ma.department = ${department}`}
     )
     SELECT department, sum(n)::int AS interactions, coalesce(sum(n) FILTER (WHERE crossing), 0)::int AS cross
     FROM counts GROUP BY department ORDER BY department`;
}

const EXAMPLE_SCOPE = SQL_EXAMPLE_SCOPE;
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'refresh of the stale interaction days (network)', query: refreshInteractionDaysQuery(EXAMPLE_SCOPE.networkId, SQL_EXAMPLE_SPLIT) },
  { name: 'diffusion (network: rollups and partial days)', query: diffusionFromRollupsQuery(EXAMPLE_SCOPE, SQL_EXAMPLE_SPLIT) },
  {
    name: 'diffusion (network and department: rollups and partial days)',
    query: diffusionFromRollupsQuery({ ...EXAMPLE_SCOPE, department: 'R&D' }, SQL_EXAMPLE_SPLIT),
  },
  { name: 'diffusion (group and department: raw activities)', query: diffusionQuery({ ...EXAMPLE_SCOPE, groupIds: ['7'], department: 'R&D' }) },
  { name: 'interactions across departments of every group', query: diffusionByGroupQuery(EXAMPLE_SCOPE) },
];
