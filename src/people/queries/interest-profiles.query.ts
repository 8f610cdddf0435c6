import type { EntityManager } from 'typeorm';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';
import { memberInNetworks } from '../../governance/principal';
import { CURRENT_GENERATION, inReadableNetworks, MemberRow } from '../people-scope';

/** Members (not placeholders) of the networks read with a declared profile or inferred interests. */
const profiled = (networks: readonly string[] | null) => sql`NOT m.is_placeholder
       AND ${memberInNetworks('m.id', networks)}
       AND (EXISTS (SELECT 1 FROM profile_topics p WHERE p.member_id = m.id)
            OR EXISTS (SELECT 1 FROM member_interests i ${fragment(CURRENT_GENERATION('i'))} WHERE i.member_id = m.id AND ${inReadableNetworks('i.network_id', networks)}))`;

/**
 * A page of HR interest profiles: members (not placeholders) after id `afterId`, of the networks a key
 * may read (`networks`: its network keys or null for all), with a declared profile or inferred interests.
 */
export function profileMembersQuery(afterId: string, networks: readonly string[] | null, limit: number) {
  return sql<MemberRow>`SELECT m.id::text, m.external_id, m.display_name, m.department, m.site, m.job_title FROM members m
     WHERE m.id > ${afterId}::bigint AND ${profiled(networks)}
     ORDER BY m.id LIMIT ${limit}`;
}

export function profileMembers(db: EntityManager, afterId: string, networks: readonly string[] | null, limit: number): Promise<MemberRow[]> {
  return rows(db, profileMembersQuery(afterId, networks, limit));
}

/** How many members profileMembers lists over every page (the same conditions). */
export function countProfileMembersQuery(networks: readonly string[] | null) {
  return sql<{ n: number }>`SELECT count(*)::int AS n FROM members m
     WHERE ${profiled(networks)}`;
}

export async function countProfileMembers(db: EntityManager, networks: readonly string[] | null): Promise<number> {
  return (await row(db, countProfileMembersQuery(networks))).n;
}

export interface DeclaredTopicRow {
  memberId: string;
  facet: string;
  topic: string;
  topicKey: string;
  level: number | null;
}

/** Declared topics of these members, in facet and declaration order. */
export function declaredTopicsQuery(memberIds: readonly string[]) {
  return sql<DeclaredTopicRow>`SELECT member_id::text, facet, topic, topic_key, level FROM profile_topics WHERE member_id = ANY(${[...memberIds]}::bigint[]) ORDER BY member_id, facet, position`;
}

export function declaredTopics(db: EntityManager, memberIds: readonly string[]): Promise<DeclaredTopicRow[]> {
  return rows(db, declaredTopicsQuery(memberIds));
}

export interface InferredTermRow {
  memberId: string;
  term: string;
  weight: number;
}

/** Top inferred terms of these members across the networks read (weights summed), best first. */
export function inferredTermsQuery(memberIds: readonly string[], networks: readonly string[] | null) {
  return sql<InferredTermRow>`SELECT member_id, term, weight FROM (
       SELECT i.member_id::text, (array_agg(i.term ORDER BY i.weight DESC))[1] AS term, sum(i.weight) AS weight,
              row_number() OVER (PARTITION BY i.member_id ORDER BY sum(i.weight) DESC, i.term_key) AS rank
       FROM member_interests i ${fragment(CURRENT_GENERATION('i'))}
       WHERE i.member_id = ANY(${[...memberIds]}::bigint[]) AND ${inReadableNetworks('i.network_id', networks)}
       GROUP BY i.member_id, i.term_key
     ) x WHERE rank <= 10 ORDER BY member_id, weight DESC, term`;
}

export function inferredTerms(db: EntityManager, memberIds: readonly string[], networks: readonly string[] | null): Promise<InferredTermRow[]> {
  return rows(db, inferredTermsQuery(memberIds, networks));
}

export interface InterestMapCellRow {
  unit: string | null;
  unitMembers: number;
  topicKey: string | null;
  label: string | null;
  members: number | null;
}

/**
 * The interest map before suppression: per unit (`by`: department or site; null for members without
 * one) of the members (not placeholders) of the networks read, the unit's members and, per topic,
 * how many of them hold it — a declared interest, expertise or competence, or an inferred interest of
 * the current people index, compared by SPEC §3.6 key and labelled by the most frequent written form.
 */
export function interestMapCellsQuery(networks: readonly string[] | null, by: 'department' | 'site') {
  return sql<InterestMapCellRow>`WITH scoped AS (
       SELECT m.id, m.${fragment(by === 'site' ? 'site' : 'department')} AS unit FROM members m
       WHERE NOT m.is_placeholder
         AND ${memberInNetworks('m.id', networks)}
     ), topics AS (
       SELECT p.member_id, p.topic_key, p.topic AS label FROM profile_topics p JOIN scoped s ON s.id = p.member_id
       UNION ALL
       SELECT i.member_id, i.topic_key, i.term FROM member_interests i ${fragment(CURRENT_GENERATION('i'))} JOIN scoped s ON s.id = i.member_id
       WHERE i.topic_key <> '' AND ${inReadableNetworks('i.network_id', networks)}
     ), cells AS (
       SELECT s.unit, t.topic_key, mode() WITHIN GROUP (ORDER BY t.label) AS label, count(DISTINCT t.member_id)::int AS members
       FROM topics t JOIN scoped s ON s.id = t.member_id GROUP BY s.unit, t.topic_key
     ), units AS (
       SELECT unit, count(*)::int AS members FROM scoped GROUP BY unit
     )
     SELECT u.unit, u.members AS unit_members, c.topic_key, c.label, c.members
     FROM units u LEFT JOIN cells c ON c.unit IS NOT DISTINCT FROM u.unit`;
}

export function interestMapCells(db: EntityManager, networks: readonly string[] | null, by: 'department' | 'site'): Promise<InterestMapCellRow[]> {
  return rows(db, interestMapCellsQuery(networks, by));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'a page of interest profiles, every network', query: profileMembersQuery('0', null, 51) },
  { name: 'a page of interest profiles, for a key limited to networks', query: profileMembersQuery('1234', ['rse-france'], 51) },
  { name: 'how many interest profiles, for a key limited to networks', query: countProfileMembersQuery(['rse-france']) },
  { name: 'declared topics of a page of members', query: declaredTopicsQuery(['1', '2', '3']) },
  { name: 'inferred terms of a page of members, for a key limited to networks', query: inferredTermsQuery(['1', '2', '3'], ['rse-france']) },
  { name: 'interest map by department, every network', query: interestMapCellsQuery(null, 'department') },
  { name: 'interest map by site, for a key limited to networks', query: interestMapCellsQuery(['rse-france'], 'site') },
];
