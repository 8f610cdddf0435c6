import type { EntityManager } from 'typeorm';
import { execute, fragment, sql, SqlExample } from '../../database/sql';
import { acceptedRepliesCte } from './accepted-replies';

/**
 * Observed expertise per member and topic of a network, written as generation `generation` of the people index
 * from the `thread_topics` of that generation (written just before): over the live replies a member wrote in other people's threads on the topic,
 *   replies            — how many,
 *   accepted_answers   — how many are the accepted reply of their question (the reply named by the
 *                        latest live accept of the thread, as SPEC §3.3),
 *   reactions_received — live reactions by others to those replies,
 *   people_helped      — distinct authors of those threads.
 */
export function expertiseEvidenceInsert(networkId: number, generation: number) {
  return sql`
WITH topics AS (
  SELECT root_id, topic_key FROM thread_topics WHERE network_id = ${networkId} AND generation = ${generation}
), roots AS (
  SELECT r.id, r.author_id FROM activities r WHERE r.network_id = ${networkId} AND r.id IN (SELECT root_id FROM topics)
), replies AS (
  SELECT x.id, x.root_id, x.author_id FROM activities x
  WHERE x.network_id = ${networkId} AND x.kind = 'reply' AND x.deleted_at IS NULL AND x.root_id IN (SELECT root_id FROM topics)
), ${acceptedRepliesCte(networkId, fragment('SELECT root_id FROM topics'))}, reactions AS (
  SELECT re.parent_id AS reply_id, count(*) AS n FROM activities re JOIN replies rep ON rep.id = re.parent_id
  WHERE re.network_id = ${networkId} AND re.kind = 'reaction' AND re.deleted_at IS NULL AND re.author_id <> rep.author_id
  GROUP BY re.parent_id
)
INSERT INTO member_topic_evidence (network_id, generation, member_id, topic_key, replies, accepted_answers, reactions_received, people_helped)
SELECT ${networkId}::int, ${generation}::int, rep.author_id, t.topic_key, count(*), count(*) FILTER (WHERE acc.reply_id = rep.id), coalesce(sum(re.n), 0), count(DISTINCT ro.author_id)
FROM topics t
JOIN roots ro ON ro.id = t.root_id
JOIN replies rep ON rep.root_id = t.root_id AND rep.author_id <> ro.author_id
LEFT JOIN accepted acc ON acc.root_id = t.root_id
LEFT JOIN reactions re ON re.reply_id = rep.id
WHERE NOT EXISTS (SELECT 1 FROM members e WHERE e.id = rep.author_id AND e.erased_at IS NOT NULL) -- erased (GDPR): no profile any more
GROUP BY rep.author_id, t.topic_key`;
}

/** Writes the observed expertise of a generation; answers how many rows were written. */
export async function writeExpertiseEvidence(db: EntityManager, networkId: number, generation: number): Promise<number> {
  return (await execute(db, expertiseEvidenceInsert(networkId, generation))).rowCount;
}

export const SQL_EXAMPLES: SqlExample[] = [{ name: 'observed expertise of a network, generation 2', query: expertiseEvidenceInsert(1, 2) }];
