import type { EntityManager } from 'typeorm';
import { fragment, rows, sql, SqlExample } from '../../database/sql';
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
 * Animator candidates of a network from its current people index (the job computes signals and
 * score: src/people/people-index.service.ts), best score first, optionally those who replied in a
 * group and those of a department; one page (offset, limit).
 */
export function animatorCandidatesQuery(networkId: number, groupId: string | null, department: string | null, offset: number, limit: number) {
  return sql<AnimatorCandidateRow>`SELECT m.external_id, m.display_name, m.department, s.score,
            s.people_helped, s.departments_reached, cardinality(s.groups) AS groups_reached,
            s.accepted_answers, s.median_first_response, s.centrality
     FROM animator_scores s ${fragment(CURRENT_GENERATION('s'))}
     JOIN members m ON m.id = s.member_id
     WHERE s.network_id = ${networkId}
       ${groupId === null ? sql`` : sql`AND ${groupId}::bigint = ANY(s.groups)`}
       ${department === null ? sql`` : sql`AND m.department = ${department}`}
     ORDER BY s.score DESC, m.external_id
     OFFSET ${offset} LIMIT ${limit}`;
}

export function animatorCandidates(
  db: EntityManager,
  networkId: number,
  groupId: string | null,
  department: string | null,
  offset: number,
  limit: number,
): Promise<AnimatorCandidateRow[]> {
  return rows(db, animatorCandidatesQuery(networkId, groupId, department, offset, limit));
}

/** Who the candidates of a window computed on the spot are (member ids as text). */
export interface CandidateMemberRow {
  memberId: string;
  externalId: string;
  displayName: string | null;
  department: string | null;
}

export function candidateMembersQuery(memberIds: readonly string[]) {
  return sql<CandidateMemberRow>`SELECT m.id::text AS member_id, m.external_id, m.display_name, m.department FROM members m WHERE m.id = ANY(${memberIds}::bigint[])`;
}

export function candidateMembers(db: EntityManager, memberIds: readonly string[]): Promise<CandidateMemberRow[]> {
  return rows(db, candidateMembersQuery(memberIds));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'who the candidates of a window computed on the spot are', query: candidateMembersQuery(['42', '43']) },
  { name: 'animator candidates of a network', query: animatorCandidatesQuery(1, null, null, 0, 51) },
  { name: 'animator candidates who replied in a group, of a department', query: animatorCandidatesQuery(1, '7', 'R&D', 50, 51) },
];
