import type { EntityManager } from 'typeorm';
import { fragment, rows, sql, SqlExample } from '../../database/sql';
import { interactionSql } from '../../ingestion/activity.entity';
import { leadersCte } from '../../indicators/indicator-scope';
import { acceptedRepliesCte } from './accepted-replies';

export interface InteractionEdgeRow {
  source: string;
  target: string;
  weight: number;
}

/**
 * The interaction graph of a network over [from, to) (SPEC §3.5: a live reply or reaction whose parent
 * is known and written by someone else goes from its author to the parent's author), aggregated
 * per pair: the edges the people index computes centrality on.
 */
export function interactionEdgesQuery(networkId: number, from: Date, to: Date) {
  return sql<InteractionEdgeRow>`
SELECT a.author_id::text AS source, p.author_id::text AS target, count(*)::int AS weight
FROM activities a JOIN activities p ON ${fragment(interactionSql('a', 'p'))} AND p.deleted_at IS NULL
WHERE a.network_id = ${networkId} AND a.occurred_at >= ${from} AND a.occurred_at < ${to}
GROUP BY 1, 2`;
}

export function interactionEdges(db: EntityManager, networkId: number, from: Date, to: Date): Promise<InteractionEdgeRow[]> {
  return rows(db, interactionEdgesQuery(networkId, from, to));
}

/** The signals of one animator candidate over the window. */
export interface AnimatorSignalRow {
  memberId: string;
  peopleHelped: number;
  departmentsReached: number;
  groups: string[];
  acceptedAnswers: number;
  /** Median first response, in seconds (null: never responded first). */
  medianFirstResponse: number | null;
}

/**
 * Per member of a network who is no leader of any of its groups, over [from, to): the helping signals
 * of an animator —
 *   people_helped        — distinct authors they replied to,
 *   departments_reached  — distinct known departments of those people,
 *   groups               — the groups where they replied,
 *   accepted_answers     — their replies that are the accepted answer of a question,
 *   median_first_response — median seconds from a root to their reply, over the roots where they
 *                           wrote the first response (SPEC §3.3, thread_facts).
 */
export function animatorSignalsQuery(networkId: number, from: Date, to: Date) {
  return sql<AnimatorSignalRow>`
WITH ${leadersCte(networkId)},
replies AS (
  SELECT a.id, a.author_id, a.group_id, a.root_id, p.author_id AS helped
  FROM activities a JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL
  WHERE a.network_id = ${networkId} AND a.deleted_at IS NULL AND a.kind = 'reply' AND a.occurred_at >= ${from} AND a.occurred_at < ${to}
    AND p.author_id <> a.author_id
    AND NOT EXISTS (SELECT 1 FROM leaders l WHERE l.member_id = a.author_id)
    AND NOT EXISTS (SELECT 1 FROM members e WHERE e.id = a.author_id AND e.erased_at IS NOT NULL)
), ${acceptedRepliesCte(networkId, fragment('SELECT root_id FROM replies'))}, first_responses AS (
  SELECT tf.first_responder_id AS member_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM tf.first_response_at - tf.occurred_at)) AS median
  FROM thread_facts tf
  WHERE tf.network_id = ${networkId} AND tf.first_response_at >= ${from} AND tf.first_response_at < ${to} AND tf.first_responder_id IN (SELECT author_id FROM replies)
  GROUP BY 1
)
SELECT r.author_id::text AS member_id,
       count(DISTINCT r.helped)::int AS people_helped,
       count(DISTINCT mh.department)::int AS departments_reached,
       array_remove(array_agg(DISTINCT r.group_id), NULL)::text[] AS groups,
       count(DISTINCT r.id) FILTER (WHERE acc.reply_id = r.id)::int AS accepted_answers,
       max(fr.median) AS median_first_response
FROM replies r
LEFT JOIN members mh ON mh.id = r.helped
LEFT JOIN accepted acc ON acc.root_id = r.root_id
LEFT JOIN first_responses fr ON fr.member_id = r.author_id
GROUP BY r.author_id`;
}

export function animatorSignals(db: EntityManager, networkId: number, from: Date, to: Date): Promise<AnimatorSignalRow[]> {
  return rows(db, animatorSignalsQuery(networkId, from, to));
}

const YEAR = { from: new Date('2025-03-29T00:00:00Z'), to: new Date('2026-03-29T00:00:00Z') };

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'interaction edges of a network over a year', query: interactionEdgesQuery(1, YEAR.from, YEAR.to) },
  { name: 'animator signals of a network over a year', query: animatorSignalsQuery(1, YEAR.from, YEAR.to) },
];
