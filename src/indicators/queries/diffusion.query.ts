import type { EntityManager } from 'typeorm';
import { Scope, windowParams } from '../indicator-scope';

export interface DiffusionDepartmentRow {
  department: string;
  interactions: number;
  cross: number;
}

/**
 * SPEC §3.5 interactions: non-deleted replies and reactions in the window whose parent is known (and
 * not deleted) and written by someone else, from the author's department to the parent author's,
 * kept when both departments are known. Grouped by the author's department with the number crossing
 * departments (E); I = interactions − E. Filters: the interaction's group, the author's department.
 */
export async function diffusionByDepartment(db: EntityManager, scope: Scope): Promise<DiffusionDepartmentRow[]> {
  return db.query(
    `SELECT ma.department, count(*)::int AS interactions, count(*) FILTER (WHERE ma.department <> mp.department)::int AS cross
     FROM activities a
     JOIN members ma ON ma.id = a.author_id
     JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL
     JOIN members mp ON mp.id = p.author_id
     WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.kind IN ('reply', 'reaction')
       AND a.occurred_at >= $2 AND a.occurred_at < $3
       AND ($4::bigint[] IS NULL OR a.group_id = ANY($4::bigint[])) AND ($5::text IS NULL OR ma.department = $5)
       AND p.author_id <> a.author_id AND ma.department IS NOT NULL AND mp.department IS NOT NULL
     GROUP BY ma.department
     ORDER BY ma.department`,
    windowParams(scope),
  );
}
