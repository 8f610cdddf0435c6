import type { EntityManager } from 'typeorm';
import { CURRENT_GENERATION } from '../people-scope';

export interface AnimatorCandidateRow {
  externalId: string;
  displayName: string | null;
  department: string | null;
  score: number;
  peopleHelped: number;
  departmentsReached: number;
  groupsReached: number;
  acceptedAnswers: number;
  medianFirstResponse: number | null;
  centrality: number;
}

/**
 * Animator candidates of network $1 from its current people index (the job computes signals and
 * score: src/people/people-index.service.ts), best score first, optionally those who replied in group
 * $2 and those of department $3; $4 offset, $5 limit.
 */
export async function animatorCandidates(
  db: EntityManager,
  networkId: number,
  groupId: string | null,
  department: string | null,
  offset: number,
  limit: number,
): Promise<AnimatorCandidateRow[]> {
  return db.query(
    `SELECT m.external_id AS "externalId", m.display_name AS "displayName", m.department, s.score,
            s.people_helped AS "peopleHelped", s.departments_reached AS "departmentsReached", cardinality(s.groups) AS "groupsReached",
            s.accepted_answers AS "acceptedAnswers", s.median_first_response AS "medianFirstResponse", s.centrality
     FROM animator_scores s ${CURRENT_GENERATION('s')}
     JOIN members m ON m.id = s.member_id
     WHERE s.network_id = $1 AND ($2::bigint IS NULL OR $2::bigint = ANY(s.groups)) AND ($3::text IS NULL OR m.department = $3)
     ORDER BY s.score DESC, m.external_id
     OFFSET $4 LIMIT $5`,
    [networkId, groupId, department, offset, limit],
  );
}
