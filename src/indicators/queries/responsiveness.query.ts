import type { EntityManager } from 'typeorm';
import { IS_LEADER_SQL, Scope, windowParams } from '../indicator-scope';

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
 * Roots in scope (SPEC §3.3): non-deleted posts and questions created in [from, to), filtered by the
 * root's group and its author's department. $1..$5 as in SCOPED_ACTIVITIES.
 */
export const ROOTS_CTE = `roots AS (
  SELECT r.id, r.external_id, r.kind, r.author_id, r.group_id, r.occurred_at
  FROM activities r JOIN members m ON m.id = r.author_id
  WHERE r.network_id = $1 AND r.deleted_at IS NULL AND r.kind IN ('post', 'question')
    AND r.occurred_at >= $2 AND r.occurred_at < $3
    AND ($4::bigint[] IS NULL OR r.group_id = ANY($4::bigint[])) AND ($5::text IS NULL OR m.department = $5)
)`;

/**
 * A root's first response: the earliest non-deleted reply anywhere in its thread (any depth) by a
 * member other than the root's author, at any time — not bounded by `to`. Ties on occurredAt go to
 * the reply ingested first.
 */
export const FIRST_RESPONSES_CTE = `first_responses AS (
  SELECT DISTINCT ON (ro.id) ro.id AS root_id, x.author_id AS responder, x.occurred_at
  FROM roots ro
  JOIN activities x ON x.network_id = $1 AND x.root_id = ro.id AND x.kind = 'reply' AND x.deleted_at IS NULL AND x.author_id <> ro.author_id
  ORDER BY ro.id, x.occurred_at, x.id
)`;

/**
 * SPEC §3.3 responsiveness. Times to first response are `first response occurredAt − root
 * occurredAt` in seconds, aggregated over responded roots with percentile_cont (0.5 and 0.9) and
 * the mean. A question is resolved when its thread holds a non-deleted accept of a non-deleted reply
 * of the same thread; the latest such accept (by occurredAt) names the accepted reply, and time to
 * resolution is that reply's occurredAt − the question's. Unanswered: questions without a first
 * response whose occurredAt is more than 48 h before min(to, now). leaderFirstResponses counts first
 * responses written by a leader of the root's group (share = / respondedRoots).
 */
export async function responsiveness(db: EntityManager, scope: Scope, now: Date): Promise<ResponsivenessRow> {
  const [row] = await db.query(
    `WITH ${ROOTS_CTE}, ${FIRST_RESPONSES_CTE},
     accepted AS (
       SELECT DISTINCT ON (q.id) q.id AS root_id, rep.occurred_at AS accepted_at
       FROM roots q
       JOIN activities acc ON acc.network_id = $1 AND acc.root_id = q.id AND acc.kind = 'accept' AND acc.deleted_at IS NULL
       JOIN activities rep ON rep.network_id = $1 AND rep.id = acc.parent_id AND rep.kind = 'reply' AND rep.deleted_at IS NULL AND rep.root_id = q.id
       WHERE q.kind = 'question'
       ORDER BY q.id, acc.occurred_at DESC, acc.id DESC
     ),
     facts AS (
       SELECT ro.kind, ro.group_id, ro.occurred_at, fr.root_id IS NOT NULL AS responded, fr.responder,
              extract(epoch FROM fr.occurred_at - ro.occurred_at) AS ttfr,
              extract(epoch FROM ac.accepted_at - ro.occurred_at) AS ttr
       FROM roots ro LEFT JOIN first_responses fr ON fr.root_id = ro.id LEFT JOIN accepted ac ON ac.root_id = ro.id
     )
     SELECT count(*)::int AS roots,
            count(*) FILTER (WHERE responded)::int AS "respondedRoots",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ttfr) AS "medianTimeToFirstResponse",
            percentile_cont(0.9) WITHIN GROUP (ORDER BY ttfr) AS "p90TimeToFirstResponse",
            avg(ttfr)::float8 AS "meanTimeToFirstResponse",
            count(*) FILTER (WHERE kind = 'question')::int AS questions,
            count(ttr)::int AS "resolvedQuestions",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ttr) AS "medianTimeToResolution",
            count(*) FILTER (WHERE kind = 'question' AND NOT responded AND occurred_at < least($3::timestamptz, $6::timestamptz) - interval '48 hours')::int AS "unansweredQuestions",
            count(*) FILTER (WHERE responded AND group_id IS NOT NULL AND ${IS_LEADER_SQL('facts.responder', 'facts.group_id')})::int AS "leaderFirstResponses"
     FROM facts`,
    [...windowParams(scope), now],
  );
  return row;
}

export interface UnansweredQuestionRow {
  id: string;
  externalId: string;
  author: string;
  group: string | null;
  occurredAt: Date;
}

/** The unanswered questions of SPEC §3.3, oldest first (then by ingestion order), one page. */
export async function unansweredQuestions(db: EntityManager, scope: Scope, now: Date, offset: number, limit: number): Promise<UnansweredQuestionRow[]> {
  return db.query(
    `WITH ${ROOTS_CTE}, ${FIRST_RESPONSES_CTE}
     SELECT ro.id::text AS id, ro.external_id AS "externalId", m.external_id AS author, g.external_id AS "group", ro.occurred_at AS "occurredAt"
     FROM roots ro
     JOIN members m ON m.id = ro.author_id
     LEFT JOIN groups g ON g.network_id = $1 AND g.id = ro.group_id
     WHERE ro.kind = 'question' AND NOT EXISTS (SELECT 1 FROM first_responses fr WHERE fr.root_id = ro.id)
       AND ro.occurred_at < least($3::timestamptz, $6::timestamptz) - interval '48 hours'
     ORDER BY ro.occurred_at, ro.id
     OFFSET $7 LIMIT $8`,
    [...windowParams(scope), now, offset, limit],
  );
}
