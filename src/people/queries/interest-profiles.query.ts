import { memberInNetworksSql } from '../../governance/principal';
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
       AND ${memberInNetworksSql('m.id', '$2')}
       AND (EXISTS (SELECT 1 FROM profile_topics p WHERE p.member_id = m.id)
            OR EXISTS (SELECT 1 FROM member_interests i ${CURRENT_GENERATION('i')} WHERE i.member_id = m.id AND ${readableNetwork('i.network_id', '$2')}))
     ORDER BY m.id LIMIT $3`,
    [afterId, networks, limit],
  );
}

/** How many members profileMembers lists over every page (the same conditions). */
export async function countProfileMembers(db: EntityManager, networks: string[] | null): Promise<number> {
  const [row]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM members m
     WHERE NOT m.is_placeholder
       AND ${memberInNetworksSql('m.id', '$1')}
       AND (EXISTS (SELECT 1 FROM profile_topics p WHERE p.member_id = m.id)
            OR EXISTS (SELECT 1 FROM member_interests i ${CURRENT_GENERATION('i')} WHERE i.member_id = m.id AND ${readableNetwork('i.network_id', '$1')}))`,
    [networks],
  );
  return row.n;
}

/** Declared topics of these members, in facet and declaration order. */
export async function declaredTopics(
  db: EntityManager,
  memberIds: string[],
): Promise<{ member_id: string; facet: string; topic: string; topic_key: string; level: number | null }[]> {
  return db.query(
    `SELECT member_id::text, facet, topic, topic_key, level FROM profile_topics WHERE member_id = ANY($1::bigint[]) ORDER BY member_id, facet, position`,
    [memberIds],
  );
}

/** Top inferred terms of these members across the networks read (weights summed), best first. */
export async function inferredTerms(
  db: EntityManager,
  memberIds: string[],
  networks: string[] | null,
): Promise<{ member_id: string; term: string; weight: number }[]> {
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
 * The interest map before suppression: per unit ($2: department or site; null for members without
 * one) of the members (not placeholders) of the networks read ($1), the unit's members and, per topic,
 * how many of them hold it — a declared interest, expertise or competence, or an inferred interest of
 * the current people index, compared by SPEC §3.6 key and labelled by the most frequent written form.
 */
export async function interestMapCells(
  db: EntityManager,
  networks: string[] | null,
  by: 'department' | 'site',
): Promise<{ unit: string | null; unit_members: number; topic_key: string | null; label: string | null; members: number | null }[]> {
  return db.query(
    `WITH scoped AS (
       SELECT m.id, m.${by === 'site' ? 'site' : 'department'} AS unit FROM members m
       WHERE NOT m.is_placeholder
         AND ${memberInNetworksSql('m.id', '$1')}
     ), topics AS (
       SELECT p.member_id, p.topic_key, p.topic AS label FROM profile_topics p JOIN scoped s ON s.id = p.member_id
       UNION ALL
       SELECT i.member_id, i.topic_key, i.term FROM member_interests i ${CURRENT_GENERATION('i')} JOIN scoped s ON s.id = i.member_id
       WHERE i.topic_key <> '' AND ${readableNetwork('i.network_id', '$1')}
     ), cells AS (
       SELECT s.unit, t.topic_key, mode() WITHIN GROUP (ORDER BY t.label) AS label, count(DISTINCT t.member_id)::int AS members
       FROM topics t JOIN scoped s ON s.id = t.member_id GROUP BY s.unit, t.topic_key
     ), units AS (
       SELECT unit, count(*)::int AS members FROM scoped GROUP BY unit
     )
     SELECT u.unit, u.members AS unit_members, c.topic_key, c.label, c.members
     FROM units u LEFT JOIN cells c ON c.unit IS NOT DISTINCT FROM u.unit`,
    [networks],
  );
}
