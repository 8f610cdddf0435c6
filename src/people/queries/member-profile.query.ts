import type { EntityManager } from 'typeorm';
import { round } from '../../common/numbers';
import { fragment, rows, sql, SqlExample } from '../../database/sql';
import { CURRENT_GENERATION, inReadableNetworks } from '../people-scope';
import { Evidence, indexComputedAt, observedScore } from './experts.query';

export interface MemberInterestRow {
  term: string;
  weight: number;
  activities: string[];
}

/**
 * A member's inferred interest centres across the networks a key may read (`networks`): the TF-IDF weights of
 * each network's index summed per term, top 10, with up to 5 supporting activities.
 */
export function memberInterestsQuery(memberId: string, networks: readonly string[] | null) {
  return sql<MemberInterestRow>`SELECT (array_agg(i.term ORDER BY i.weight DESC))[1] AS term, sum(i.weight) AS weight,
            (array_agg(to_jsonb(i.activity_ids) ORDER BY i.weight DESC))[1] AS activities
     FROM member_interests i ${fragment(CURRENT_GENERATION('i'))}
     WHERE i.member_id = ${memberId}::bigint AND ${inReadableNetworks('i.network_id', networks)}
     GROUP BY i.term_key ORDER BY sum(i.weight) DESC, i.term_key LIMIT 10`;
}

export async function memberInterests(
  db: EntityManager,
  memberId: string,
  networks: readonly string[] | null,
): Promise<{ items: { term: string; weight: number; activities: string[] }[]; computedAt: Date | null }> {
  const found = await rows(db, memberInterestsQuery(memberId, networks));
  return {
    items: found.map((r) => ({ term: r.term, weight: round(Number(r.weight), 4), activities: r.activities })),
    computedAt: await indexComputedAt(db, networks, memberId),
  };
}

export interface MemberEvidenceRow extends Evidence {
  topicKey: string;
  label: string | null;
}

/** A member's observed evidence per topic across the networks read (summed), labelled by the label of the network where they replied most. */
export function memberObservedExpertiseQuery(memberId: string, networks: readonly string[] | null) {
  return sql<MemberEvidenceRow>`SELECT e.topic_key, (array_agg(l.label ORDER BY e.replies DESC, e.network_id))[1] AS label, sum(e.accepted_answers)::int AS accepted_answers, sum(e.replies)::int AS replies,
            sum(e.reactions_received)::int AS reactions_received, sum(e.people_helped)::int AS people_helped
     FROM member_topic_evidence e ${fragment(CURRENT_GENERATION('e'))}
     LEFT JOIN topic_labels l ON l.network_id = e.network_id AND l.generation = e.generation AND l.topic_key = e.topic_key
     WHERE e.member_id = ${memberId}::bigint AND ${inReadableNetworks('e.network_id', networks)}
     GROUP BY e.topic_key`;
}

/** A member's observed expertise per topic across the networks read, by observed score. */
export async function memberObservedExpertise(
  db: EntityManager,
  memberId: string,
  networks: readonly string[] | null,
): Promise<(Evidence & { topic: string; topicKey: string; score: number })[]> {
  const found = await rows(db, memberObservedExpertiseQuery(memberId, networks));
  return found
    .map((r) => ({
      topic: r.label ?? r.topicKey,
      topicKey: r.topicKey,
      acceptedAnswers: r.acceptedAnswers,
      replies: r.replies,
      reactionsReceived: r.reactionsReceived,
      peopleHelped: r.peopleHelped,
      score: observedScore(r),
    }))
    .sort((a, b) => b.score - a.score || (a.topicKey < b.topicKey ? -1 : 1));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: "a member's inferred interests, every network", query: memberInterestsQuery('42', null) },
  { name: "a member's inferred interests, for a key limited to networks", query: memberInterestsQuery('42', ['rse-france']) },
  { name: "a member's observed expertise, for a key limited to networks", query: memberObservedExpertiseQuery('42', ['rse-france']) },
];
