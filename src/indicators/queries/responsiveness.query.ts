import type { EntityManager } from 'typeorm';
import { RawBuilder, row, rows, sql, SqlExample } from '../../database/sql';
import { leadersCte, Scope, SQL_EXAMPLE_SCOPE } from '../indicator-scope';

export interface ResponsivenessRow {
  roots: number;
  respondedRoots: number;
  medianTimeToFirstResponse: number | null;
  p90TimeToFirstResponse: number | null;
  meanTimeToFirstResponse: number | null;
  questions: number;
  resolvedQuestions: number;
  medianTimeToResolution: number | null;
  unansweredQuestions: number;
  leaderFirstResponses: number;
}

/**
 * Roots in scope (SPEC §3.3) with the facts of their threads: live posts and questions created in
 * [from, to), filtered by the root's group and its author's department (as inScope).
 *
 * `thread_facts` (migration ThreadFacts) holds, per live root, its first response — the earliest live
 * reply anywhere in its thread (any depth) by a member other than the root's author, at any time,
 * not bounded by `to`; ties go to the reply ingested first — and, for a question, the occurredAt of
 * its accepted reply: the live reply of the same thread named by the latest live accept (by
 * occurredAt). Triggers recompute a thread's row whenever one of its activities changes.
 */
export function threadsCte(scope: Scope) {
  return sql`threads AS (
  SELECT f.root_id AS id, f.kind, f.author_id, f.group_id, f.occurred_at, f.first_response_at, f.first_responder_id AS responder, f.accepted_reply_at
  FROM thread_facts f
  WHERE f.network_id = ${scope.networkId} AND f.occurred_at >= ${scope.from} AND f.occurred_at < ${scope.to}
    ${scope.groupIds === null ? sql`` : sql`AND f.group_id = ANY(${scope.groupIds}::bigint[])`}
    ${scope.department === null ? sql`` : sql`AND EXISTS (SELECT 1 FROM members m WHERE m.id = f.author_id AND m.department = ${scope.department})`}
)`;
}

/**
 * SPEC §3.3 responsiveness. Times to first response are `first response occurredAt − root
 * occurredAt` in seconds, aggregated over responded roots with percentile_cont (0.5 and 0.9) and
 * the mean. A question is resolved when its thread holds a non-deleted accept of a non-deleted reply
 * of the same thread; the latest such accept (by occurredAt) names the accepted reply, and time to
 * resolution is that reply's occurredAt − the question's. Unanswered: questions without a first
 * response whose occurredAt is more than 48 h before min(to, now). leaderFirstResponses counts first
 * responses written by a leader of the root's group (share = / respondedRoots).
 */
export function responsivenessQuery(scope: Scope, now: Date) {
  return sql<ResponsivenessRow>`${responsivenessOf(scope, now, false)}`;
}

/**
 * The same figures for every group of the network at once (the scope's window and department; its
 * groups are not used), by the root's group id: one query instead of one per group. Groups without
 * roots have no row (responsiveness of an empty scope: 0 roots, null times).
 */
export function responsivenessByGroupQuery(scope: Scope, now: Date) {
  return sql<ResponsivenessRow & { groupId: string }>`${responsivenessOf({ ...scope, groupIds: null }, now, true)}`;
}

/** One home for the §3.3 figures: of the whole scope, or partitioned by the root's group. */
function responsivenessOf(scope: Scope, now: Date, byGroup: boolean): RawBuilder<unknown> {
  return sql`WITH ${threadsCte(scope)}, ${leadersCte(scope.networkId)},
     facts AS (
       SELECT ${byGroup ? sql`t.group_id, ` : sql``}t.kind, t.occurred_at, t.first_response_at IS NOT NULL AS responded, ld.member_id IS NOT NULL AS leader_responded,
              extract(epoch FROM t.first_response_at - t.occurred_at) AS ttfr,
              extract(epoch FROM t.accepted_reply_at - t.occurred_at) AS ttr
       FROM threads t LEFT JOIN leaders ld ON ld.group_id = t.group_id AND ld.member_id = t.responder
     )
     SELECT ${byGroup ? sql`group_id::text AS group_id, ` : sql``}count(*)::int AS roots,
            count(*) FILTER (WHERE responded)::int AS responded_roots,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ttfr) AS median_time_to_first_response,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY ttfr) AS p90_time_to_first_response,
            avg(ttfr)::float8 AS mean_time_to_first_response,
            count(*) FILTER (WHERE kind = 'question')::int AS questions,
            count(ttr)::int AS resolved_questions,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ttr) AS median_time_to_resolution,
            count(*) FILTER (WHERE kind = 'question' AND NOT responded AND occurred_at < least(${scope.to}::timestamptz, ${now}::timestamptz) - interval '48 hours')::int AS unanswered_questions,
            count(*) FILTER (WHERE leader_responded)::int AS leader_first_responses
     FROM facts${
       byGroup
         ? sql`
     WHERE group_id IS NOT NULL
     GROUP BY group_id`
         : sql``
     }`;
}

export function responsiveness(db: EntityManager, scope: Scope, now: Date): Promise<ResponsivenessRow> {
  return row(db, responsivenessQuery(scope, now));
}

export interface UnansweredQuestionRow {
  id: string;
  externalId: string;
  author: string;
  group: string | null;
  /** Visibility of the group (null: no group, or a placeholder group whose visibility is unknown). */
  visibility: string | null;
  occurredAt: Date;
}

export function unansweredQuestionsQuery(scope: Scope, now: Date, offset: number, limit: number) {
  return sql<UnansweredQuestionRow>`WITH ${threadsCte(scope)}
     SELECT t.id::text AS id, r.external_id, m.external_id AS author, g.external_id AS "group", g.visibility, t.occurred_at
     FROM threads t
     JOIN activities r ON r.network_id = ${scope.networkId} AND r.id = t.id
     JOIN members m ON m.id = t.author_id
     LEFT JOIN groups g ON g.network_id = ${scope.networkId} AND g.id = t.group_id
     WHERE t.kind = 'question' AND t.first_response_at IS NULL
       AND t.occurred_at < least(${scope.to}::timestamptz, ${now}::timestamptz) - interval '48 hours'
     ORDER BY t.occurred_at, t.id
     OFFSET ${offset} LIMIT ${limit}`;
}

/** The unanswered questions of SPEC §3.3, oldest first (then by ingestion order), one page. */
export function unansweredQuestions(db: EntityManager, scope: Scope, now: Date, offset: number, limit: number): Promise<UnansweredQuestionRow[]> {
  return rows(db, unansweredQuestionsQuery(scope, now, offset, limit));
}

const EXAMPLE_SCOPE = SQL_EXAMPLE_SCOPE;
const EXAMPLE_NOW = new Date('2026-03-30T12:00:00Z');
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'responsiveness (network)', query: responsivenessQuery(EXAMPLE_SCOPE, EXAMPLE_NOW) },
  { name: 'responsiveness (group and department)', query: responsivenessQuery({ ...EXAMPLE_SCOPE, groupIds: ['7'], department: 'R&D' }, EXAMPLE_NOW) },
  { name: 'responsiveness of every group (department)', query: responsivenessByGroupQuery({ ...EXAMPLE_SCOPE, department: 'R&D' }, EXAMPLE_NOW) },
  { name: 'unanswered questions', query: unansweredQuestionsQuery(EXAMPLE_SCOPE, EXAMPLE_NOW, 0, 51) },
];
