import type { EntityManager } from 'typeorm';
import { fragment, row, RawBuilder, rows, sql, SqlExample } from '../../database/sql';
import { memberInNetworks } from '../../governance/principal';
import { OBSERVED_SCORE_WEIGHTS } from '../../indicators/metrics.registry';
import { CURRENT_GENERATION, inReadableNetworks } from '../people-scope';

/** Observed evidence of a member on a topic (summed over the networks read). */
export interface Evidence {
  acceptedAnswers: number;
  replies: number;
  reactionsReceived: number;
  peopleHelped: number;
}

/** observed score = 3 × acceptedAnswers + replies + 0.5 × reactionsReceived + 2 × peopleHelped (src/people/people-scores.ts) */
export { compareExperts, observedScore } from '../people-scores';

/** The columns of `member_topic_evidence` the observed-score weights apply to. */
const EVIDENCE_COLUMNS: Record<keyof typeof OBSERVED_SCORE_WEIGHTS, string> = {
  acceptedAnswers: 'accepted_answers',
  replies: 'replies',
  reactionsReceived: 'reactions_received',
  peopleHelped: 'people_helped',
};

/**
 * The same score in SQL, on a `member_topic_evidence` row of alias `e` (trusted text), with the
 * weights of the metric registry: `(3 * e.accepted_answers + e.replies + 0.5 * e.reactions_received + 2 * e.people_helped)`.
 */
export const observedScoreSql = (e: string): RawBuilder<unknown> =>
  fragment(
    `(${Object.entries(OBSERVED_SCORE_WEIGHTS)
      .map(([term, w]) => `${w === 1 ? '' : `${w} * `}${e}.${EVIDENCE_COLUMNS[term as keyof typeof OBSERVED_SCORE_WEIGHTS]}`)
      .join(' + ')})`,
  );

export interface ExpertRow extends Evidence {
  memberId: string;
  externalId: string;
  displayName: string | null;
  department: string | null;
  declaredLevel: number | null;
  declaredAs: 'expertise' | 'competence' | null;
}

/**
 * Members with evidence or a declaration on a topic key, in the networks a key may read (`networks`:
 * its network keys or null). Evidence comes from the current people index of each network; declarations
 * are the members' profiles (the higher of expertise and competence levels), limited to members of
 * those networks for a key limited to networks.
 */
export function expertsOnQuery(topicKey: string, networks: readonly string[] | null) {
  return sql<ExpertRow>`WITH observed AS (
       SELECT e.member_id, sum(e.accepted_answers)::int AS accepted, sum(e.replies)::int AS replies,
              sum(e.reactions_received)::int AS reactions, sum(e.people_helped)::int AS helped
       FROM member_topic_evidence e ${fragment(CURRENT_GENERATION('e'))}
       WHERE e.topic_key = ${topicKey} AND ${inReadableNetworks('e.network_id', networks)}
       GROUP BY e.member_id
     ), declared AS (
       SELECT DISTINCT ON (p.member_id) p.member_id, p.level, p.facet FROM profile_topics p
       WHERE p.topic_key = ${topicKey} AND p.facet IN ('expertise', 'competence')
         AND ${memberInNetworks('p.member_id', networks)}
       ORDER BY p.member_id, p.level DESC, p.facet DESC
     )
     SELECT m.id::text AS member_id, m.external_id, m.display_name, m.department,
            d.level AS declared_level, d.facet AS declared_as,
            coalesce(o.accepted, 0) AS accepted_answers, coalesce(o.replies, 0) AS replies,
            coalesce(o.reactions, 0) AS reactions_received, coalesce(o.helped, 0) AS people_helped
     FROM observed o FULL JOIN declared d ON d.member_id = o.member_id
     JOIN members m ON m.id = coalesce(o.member_id, d.member_id)`;
}

export function expertsOn(db: EntityManager, topicKey: string, networks: readonly string[] | null): Promise<ExpertRow[]> {
  return rows(db, expertsOnQuery(topicKey, networks));
}

/**
 * The oldest computedAt of the people index among the networks read (null when one was never
 * indexed); with `memberId`, among the networks read that the member belongs to.
 */
export function indexComputedAtQuery(networks: readonly string[] | null, memberId: string | null) {
  return sql<{ computedAt: Date | null; missing: boolean | null }>`SELECT min(r.computed_at) AS computed_at, bool_or(r.network_id IS NULL) AS missing
     FROM networks n LEFT JOIN people_index_runs r ON r.network_id = n.id
     WHERE ${inReadableNetworks('n.id', networks)}
       ${memberId === null ? sql`` : sql`AND EXISTS (SELECT 1 FROM network_members nm WHERE nm.network_id = n.id AND nm.member_id = ${memberId}::bigint)`}`;
}

export async function indexComputedAt(db: EntityManager, networks: readonly string[] | null, memberId: string | null = null): Promise<Date | null> {
  const found = await row(db, indexComputedAtQuery(networks, memberId));
  return found.missing ? null : found.computedAt;
}

/** The networks a key reads (`networks`: its keys or null) whose people index never ran. */
export function unindexedNetworksQuery(networks: readonly string[] | null) {
  return sql<{ id: number }>`SELECT n.id FROM networks n WHERE ${inReadableNetworks('n.id', networks)}
       AND NOT EXISTS (SELECT 1 FROM people_index_runs r WHERE r.network_id = n.id) ORDER BY n.id`;
}

export async function unindexedNetworks(db: EntityManager, networks: readonly string[] | null): Promise<number[]> {
  return (await rows(db, unindexedNetworksQuery(networks))).map((r) => Number(r.id));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'networks a key reads whose people index never ran', query: unindexedNetworksQuery(['rse-france']) },
  { name: 'experts on a topic, every network', query: expertsOnQuery('cybersecurite', null) },
  { name: 'experts on a topic, for a key limited to networks', query: expertsOnQuery('cybersecurite', ['rse-france', 'rse-spain']) },
  { name: 'when the people index was computed, every network', query: indexComputedAtQuery(null, null) },
  { name: 'when the people index was computed, networks of a member a key reads', query: indexComputedAtQuery(['rse-france'], '42') },
];
