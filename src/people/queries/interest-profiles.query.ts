import type { EntityManager } from 'typeorm';
import { CURRENT_GENERATION, MemberRow, readableNetwork } from '../people-scope';

/**
 * A page of HR interest profiles: members (not placeholders) after id $1, of the networks a key may
 * read ($2: its network keys or null for all), with a declared profile or inferred interests.
 */
export async function profileMembers(db: EntityManager, afterId: string, networks: string[] | null, limit: number): Promise<MemberRow[]> {
  return db.query(
    `SELECT m.id::text, m.external_id, m.display_name, m.department, m.site, m.job_title FROM members m
     WHERE m.id > $1 AND NOT m.is_placeholder
       AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM network_members nm JOIN networks n ON n.id = nm.network_id WHERE nm.member_id = m.id AND n.key = ANY($2::text[])))
       AND (EXISTS (SELECT 1 FROM profile_topics p WHERE p.member_id = m.id)
            OR EXISTS (SELECT 1 FROM member_interests i ${CURRENT_GENERATION('i')} WHERE i.member_id = m.id AND ${readableNetwork('i.network_id', '$2')}))
     ORDER BY m.id LIMIT $3`,
    [afterId, networks, limit],
  );
}

/** Declared topics of these members, in facet and declaration order. */
export async function declaredTopics(db: EntityManager, memberIds: string[]): Promise<{ member_id: string; facet: string; topic: string; topic_key: string; level: number | null }[]> {
  return db.query(`SELECT member_id::text, facet, topic, topic_key, level FROM profile_topics WHERE member_id = ANY($1::bigint[]) ORDER BY member_id, facet, position`, [memberIds]);
}

/** Top inferred terms of these members across the networks read (weights summed), best first. */
export async function inferredTerms(db: EntityManager, memberIds: string[], networks: string[] | null): Promise<{ member_id: string; term: string; weight: number }[]> {
  return db.query(
    `SELECT member_id, term, weight FROM (
       SELECT i.member_id::text, (array_agg(i.term ORDER BY i.weight DESC))[1] AS term, sum(i.weight) AS weight,
              row_number() OVER (PARTITION BY i.member_id ORDER BY sum(i.weight) DESC, i.term_key) AS rank
       FROM member_interests i ${CURRENT_GENERATION('i')}
       WHERE i.member_id = ANY($1::bigint[]) AND ${readableNetwork('i.network_id', '$2')}
       GROUP BY i.member_id, i.term_key
     ) x WHERE rank <= 10 ORDER BY member_id, weight DESC, term`,
    [memberIds, networks],
  );
}

/**
 * For the interest map: per member of the networks read, their unit ($3: department or site) and
 * their topics — declared interests, expertise and competences (SPEC §3.6 keys) and inferred terms
 * (normalised the same way by the caller).
 */
export async function unitMembers(db: EntityManager, networks: string[] | null, by: 'department' | 'site'): Promise<{ id: string; unit: string | null }[]> {
  return db.query(
    `SELECT m.id::text, m.${by === 'site' ? 'site' : 'department'} AS unit FROM members m
     WHERE NOT m.is_placeholder
       AND ($1::text[] IS NULL OR EXISTS (SELECT 1 FROM network_members nm JOIN networks n ON n.id = nm.network_id WHERE nm.member_id = m.id AND n.key = ANY($1::text[])))`,
    [networks],
  );
}
