import { LEADERS_CTE } from '../../indicators/indicator-scope';
import { acceptedRepliesCte } from './accepted-replies';

/**
 * The interaction graph of network $1 over [$2, $3) (SPEC §3.5: a live reply or reaction whose parent
 * is known and written by someone else goes from its author to the parent's author), aggregated
 * per pair: the edges the people index computes centrality on.
 */
export const INTERACTION_EDGES_SQL = `
SELECT a.author_id::text AS source, p.author_id::text AS target, count(*)::int AS weight
FROM activities a JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL
WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.kind IN ('reply', 'reaction') AND a.occurred_at >= $2 AND a.occurred_at < $3
  AND p.author_id <> a.author_id
GROUP BY 1, 2`;

/**
 * Per member of network $1 who is no leader of any of its groups, over [$2, $3): the helping signals
 * of an animator —
 *   people_helped        — distinct authors they replied to,
 *   departments_reached  — distinct known departments of those people,
 *   groups               — the groups where they replied,
 *   accepted_answers     — their replies that are the accepted answer of a question,
 *   median_first_response — median seconds from a root to their reply, over the roots where they
 *                           wrote the first response (SPEC §3.3, thread_facts).
 */
export const ANIMATOR_SIGNALS_SQL = `
WITH ${LEADERS_CTE},
replies AS (
  SELECT a.id, a.author_id, a.group_id, a.root_id, p.author_id AS helped
  FROM activities a JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL
  WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.kind = 'reply' AND a.occurred_at >= $2 AND a.occurred_at < $3
    AND p.author_id <> a.author_id
    AND NOT EXISTS (SELECT 1 FROM leaders l WHERE l.member_id = a.author_id)
    AND NOT EXISTS (SELECT 1 FROM members e WHERE e.id = a.author_id AND e.erased_at IS NOT NULL)
), ${acceptedRepliesCte('SELECT root_id FROM replies')}, first_responses AS (
  SELECT tf.first_responder_id AS member_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM tf.first_response_at - tf.occurred_at)) AS median
  FROM thread_facts tf
  WHERE tf.network_id = $1 AND tf.first_response_at >= $2 AND tf.first_response_at < $3 AND tf.first_responder_id IN (SELECT author_id FROM replies)
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
