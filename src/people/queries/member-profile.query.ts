import type { EntityManager } from 'typeorm';
import { round } from '../../common/numbers';
import { CURRENT_GENERATION, readableNetwork } from '../people-scope';
import { Evidence, indexComputedAt, observedScore } from './experts.query';

/**
 * A member's inferred interest centres across the networks a key may read ($2): the TF-IDF weights of
 * each network's index summed per term, top 10, with up to 5 supporting activities.
 */
export async function memberInterests(
  db: EntityManager,
  memberId: string,
  networks: string[] | null,
): Promise<{ items: { term: string; weight: number; activities: string[] }[]; computedAt: Date | null }> {
  const rows: { term: string; weight: number; activities: string[] }[] = await db.query(
    `SELECT (array_agg(i.term ORDER BY i.weight DESC))[1] AS term, sum(i.weight) AS weight,
            (array_agg(to_jsonb(i.activity_ids) ORDER BY i.weight DESC))[1] AS activities
     FROM member_interests i ${CURRENT_GENERATION('i')}
     WHERE i.member_id = $1 AND ${readableNetwork('i.network_id', '$2')}
     GROUP BY i.term_key ORDER BY sum(i.weight) DESC, i.term_key LIMIT 10`,
    [memberId, networks],
  );
  return {
    items: rows.map((r) => ({ term: r.term, weight: round(Number(r.weight), 4), activities: r.activities })),
    computedAt: await indexComputedAt(db, networks, memberId),
  };
}

/** A member's observed expertise per topic across the networks read, by observed score. */
export async function memberObservedExpertise(
  db: EntityManager,
  memberId: string,
  networks: string[] | null,
): Promise<(Evidence & { topic: string; topicKey: string; score: number })[]> {
  const rows: (Evidence & { topic_key: string; label: string | null })[] = await db.query(
    `SELECT e.topic_key, (array_agg(l.label ORDER BY e.replies DESC, e.network_id))[1] AS label, sum(e.accepted_answers)::int AS "acceptedAnswers", sum(e.replies)::int AS replies,
            sum(e.reactions_received)::int AS "reactionsReceived", sum(e.people_helped)::int AS "peopleHelped"
     FROM member_topic_evidence e ${CURRENT_GENERATION('e')}
     LEFT JOIN topic_labels l ON l.network_id = e.network_id AND l.generation = e.generation AND l.topic_key = e.topic_key
     WHERE e.member_id = $1 AND ${readableNetwork('e.network_id', '$2')}
     GROUP BY e.topic_key`,
    [memberId, networks],
  );
  return rows
    .map((r) => ({
      topic: r.label ?? r.topic_key,
      topicKey: r.topic_key,
      acceptedAnswers: r.acceptedAnswers,
      replies: r.replies,
      reactionsReceived: r.reactionsReceived,
      peopleHelped: r.peopleHelped,
      score: observedScore(r),
    }))
    .sort((a, b) => b.score - a.score || (a.topicKey < b.topicKey ? -1 : 1));
}
