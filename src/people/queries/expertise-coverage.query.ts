import type { EntityManager } from 'typeorm';
import { fragment, rows, sql, SqlExample } from '../../database/sql';
import { CURRENT_GENERATION } from '../people-scope';
import { observedScoreSql } from './experts.query';
import { OBSERVED_EXPERT_MIN_SCORE } from '../../indicators/metrics.registry';

export interface CoverageRow {
  topicKey: string;
  topic: string;
  questions: number;
  resolvedQuestions: number;
  declaredExperts: number;
  observedExperts: number;
}

/**
 * The topics a network asks about, from the tags of its questions created in [from, to) (topics from
 * the current people index; resolution live from thread_facts: a question is resolved when it has an
 * accepted reply), with the members of the network who declared expertise or a competence on each,
 * and those whose observed score there reaches OBSERVED_EXPERT_MIN_SCORE. Most asked first.
 */
export function expertiseCoverageQuery(networkId: number, from: Date, to: Date) {
  return sql<CoverageRow>`WITH asked AS (
       SELECT t.topic_key, count(*)::int AS questions, count(*) FILTER (WHERE tf.accepted_reply_at IS NOT NULL)::int AS resolved
       FROM thread_topics t ${fragment(CURRENT_GENERATION('t'))}
       JOIN thread_facts tf ON tf.network_id = t.network_id AND tf.root_id = t.root_id
       WHERE t.network_id = ${networkId} AND t.from_tag AND tf.kind = 'question' AND tf.occurred_at >= ${from} AND tf.occurred_at < ${to}
       GROUP BY t.topic_key
     ), declared AS (
       SELECT p.topic_key, count(DISTINCT p.member_id)::int AS n FROM profile_topics p
       JOIN network_members nm ON nm.member_id = p.member_id AND nm.network_id = ${networkId}
       WHERE p.facet IN ('expertise', 'competence') AND p.topic_key IN (SELECT topic_key FROM asked)
       GROUP BY p.topic_key
     ), observed AS (
       SELECT e.topic_key, count(*)::int AS n FROM member_topic_evidence e ${fragment(CURRENT_GENERATION('e'))}
       WHERE e.network_id = ${networkId} AND e.topic_key IN (SELECT topic_key FROM asked)
         AND ${observedScoreSql('e')} >= ${fragment(String(OBSERVED_EXPERT_MIN_SCORE))}
       GROUP BY e.topic_key
     )
     SELECT a.topic_key, coalesce(l.label, a.topic_key) AS topic, a.questions, a.resolved AS resolved_questions,
            coalesce(d.n, 0) AS declared_experts, coalesce(o.n, 0) AS observed_experts
     FROM asked a
     LEFT JOIN declared d ON d.topic_key = a.topic_key
     LEFT JOIN observed o ON o.topic_key = a.topic_key
     LEFT JOIN topic_labels l ON l.network_id = ${networkId} AND l.topic_key = a.topic_key
       AND l.generation = (SELECT generation FROM people_index_runs WHERE network_id = ${networkId})
     ORDER BY a.questions DESC, a.topic_key`;
}

export function expertiseCoverage(db: EntityManager, networkId: number, from: Date, to: Date): Promise<CoverageRow[]> {
  return rows(db, expertiseCoverageQuery(networkId, from, to));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'expertise coverage of a network over a year', query: expertiseCoverageQuery(1, new Date('2025-03-29T00:00:00Z'), new Date('2026-03-29T00:00:00Z')) },
];
