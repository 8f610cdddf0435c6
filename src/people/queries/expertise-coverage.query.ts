import type { EntityManager } from 'typeorm';
import { CURRENT_GENERATION } from '../people-scope';
import { HIDDEN_EXPERT_MIN_SCORE, observedScoreSql } from './experts.query';

export interface CoverageRow {
  topicKey: string;
  topic: string;
  questions: number;
  resolvedQuestions: number;
  declaredExperts: number;
  observedExperts: number;
}

/**
 * The topics network $1 asks about, from the tags of its questions created in [$2, $3) (topics from
 * the current people index; resolution live from thread_facts: a question is resolved when it has an
 * accepted reply), with the members of the network who declared expertise or a competence on each,
 * and those whose observed score there reaches HIDDEN_EXPERT_MIN_SCORE. Most asked first.
 */
export async function expertiseCoverage(db: EntityManager, networkId: number, from: Date, to: Date): Promise<CoverageRow[]> {
  return db.query(
    `WITH asked AS (
       SELECT t.topic_key, count(*)::int AS questions, count(*) FILTER (WHERE tf.accepted_reply_at IS NOT NULL)::int AS resolved
       FROM thread_topics t ${CURRENT_GENERATION('t')}
       JOIN thread_facts tf ON tf.network_id = t.network_id AND tf.root_id = t.root_id
       WHERE t.network_id = $1 AND t.from_tag AND tf.kind = 'question' AND tf.occurred_at >= $2 AND tf.occurred_at < $3
       GROUP BY t.topic_key
     ), declared AS (
       SELECT p.topic_key, count(DISTINCT p.member_id)::int AS n FROM profile_topics p
       JOIN network_members nm ON nm.member_id = p.member_id AND nm.network_id = $1
       WHERE p.facet IN ('expertise', 'competence') AND p.topic_key IN (SELECT topic_key FROM asked)
       GROUP BY p.topic_key
     ), observed AS (
       SELECT e.topic_key, count(*)::int AS n FROM member_topic_evidence e ${CURRENT_GENERATION('e')}
       WHERE e.network_id = $1 AND e.topic_key IN (SELECT topic_key FROM asked)
         AND ${observedScoreSql('e')} >= ${HIDDEN_EXPERT_MIN_SCORE}
       GROUP BY e.topic_key
     )
     SELECT a.topic_key AS "topicKey", coalesce(l.label, a.topic_key) AS topic, a.questions, a.resolved AS "resolvedQuestions",
            coalesce(d.n, 0) AS "declaredExperts", coalesce(o.n, 0) AS "observedExperts"
     FROM asked a
     LEFT JOIN declared d ON d.topic_key = a.topic_key
     LEFT JOIN observed o ON o.topic_key = a.topic_key
     LEFT JOIN topic_labels l ON l.network_id = $1 AND l.topic_key = a.topic_key
       AND l.generation = (SELECT generation FROM people_index_runs WHERE network_id = $1)
     ORDER BY a.questions DESC, a.topic_key`,
    [networkId, from, to],
  );
}
