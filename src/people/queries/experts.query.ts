import type { EntityManager } from 'typeorm';
import { memberInNetworksSql } from '../../governance/principal';
import { CURRENT_GENERATION, readableNetwork } from '../people-scope';

/** Observed evidence of a member on a topic (summed over the networks read). */
export interface Evidence {
  acceptedAnswers: number;
  replies: number;
  reactionsReceived: number;
  peopleHelped: number;
}

/** A member shows observed expertise on a topic (and is a hidden expert when they did not declare it) from this observed score. */
export const HIDDEN_EXPERT_MIN_SCORE = 5;
/** Each declared level (1–5) adds this much to the expert score. */
export const DECLARED_LEVEL_WEIGHT = 2;

/** observed score = 3 × acceptedAnswers + replies + 0.5 × reactionsReceived + 2 × peopleHelped (src/people/people-scores.ts) */
export { observedScore } from '../people-scores';

/** The same score in SQL, on a `member_topic_evidence` row of alias `e`. */
export const observedScoreSql = (e: string) => `(3 * ${e}.accepted_answers + ${e}.replies + 0.5 * ${e}.reactions_received + 2 * ${e}.people_helped)`;

export interface ExpertRow extends Evidence {
  memberId: string;
  externalId: string;
  displayName: string | null;
  department: string | null;
  declaredLevel: number | null;
  declaredAs: 'expertise' | 'competence' | null;
}

/**
 * Members with evidence or a declaration on topic key $1, in the networks a key may read ($2: its
 * network keys or null). Evidence comes from the current people index of each network; declarations
 * are the members' profiles (the higher of expertise and competence levels), limited to members of
 * those networks for a key limited to networks.
 */
export async function expertsOn(db: EntityManager, topicKey: string, networks: string[] | null): Promise<ExpertRow[]> {
  return db.query(
    `WITH observed AS (
       SELECT e.member_id, sum(e.accepted_answers)::int AS accepted, sum(e.replies)::int AS replies,
              sum(e.reactions_received)::int AS reactions, sum(e.people_helped)::int AS helped
       FROM member_topic_evidence e ${CURRENT_GENERATION('e')}
       WHERE e.topic_key = $1 AND ${readableNetwork('e.network_id', '$2')}
       GROUP BY e.member_id
     ), declared AS (
       SELECT DISTINCT ON (p.member_id) p.member_id, p.level, p.facet FROM profile_topics p
       WHERE p.topic_key = $1 AND p.facet IN ('expertise', 'competence')
         AND ${memberInNetworksSql('p.member_id', '$2')}
       ORDER BY p.member_id, p.level DESC, p.facet DESC
     )
     SELECT m.id::text AS "memberId", m.external_id AS "externalId", m.display_name AS "displayName", m.department,
            d.level AS "declaredLevel", d.facet AS "declaredAs",
            coalesce(o.accepted, 0) AS "acceptedAnswers", coalesce(o.replies, 0) AS replies,
            coalesce(o.reactions, 0) AS "reactionsReceived", coalesce(o.helped, 0) AS "peopleHelped"
     FROM observed o FULL JOIN declared d ON d.member_id = o.member_id
     JOIN members m ON m.id = coalesce(o.member_id, d.member_id)`,
    [topicKey, networks],
  );
}

/**
 * The oldest computedAt of the people index among the networks read (null when one was never
 * indexed); with `memberId`, among the networks read that the member belongs to.
 */
export async function indexComputedAt(db: EntityManager, networks: string[] | null, memberId: string | null = null): Promise<Date | null> {
  const [row]: { computed_at: Date | null; missing: boolean }[] = await db.query(
    `SELECT min(r.computed_at) AS computed_at, bool_or(r.network_id IS NULL) AS missing
     FROM networks n LEFT JOIN people_index_runs r ON r.network_id = n.id
     WHERE ${readableNetwork('n.id', '$1')}
       AND ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM network_members nm WHERE nm.network_id = n.id AND nm.member_id = $2))`,
    [networks, memberId],
  );
  return row.missing ? null : row.computed_at;
}
