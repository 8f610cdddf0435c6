import type { EntityManager } from 'typeorm';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';
import { isLeaderSql } from '../../ingestion/membership.entity';

/**
 * The scorecard's window (SPEC §3.10): the 28 local days ending with the day `at` in the network's
 * time zone, `to` the next local midnight. A DST change inside makes it 28 × 24 h ± 1 h.
 */
export function scorecardWindowQuery(at: string, timezone: string) {
  return sql<{ from: Date; to: Date }>`SELECT ((${at}::date - 27)::timestamp AT TIME ZONE ${timezone}) AS "from",
            ((${at}::date + 1)::timestamp AT TIME ZONE ${timezone}) AS "to"`;
}

export function scorecardWindow(db: EntityManager, at: string, timezone: string): Promise<{ from: Date; to: Date }> {
  return row(db, scorecardWindowQuery(at, timezone));
}

/** The tags of some activities of a network (by externalId). */
export function activityTagsQuery(networkId: number, externalIds: readonly string[]) {
  return sql<{ externalId: string; tags: string[] | null }>`SELECT a.external_id, a.tags FROM activities a
     WHERE a.network_id = ${networkId} AND a.external_id = ANY(${[...externalIds]}::text[]) AND a.deleted_at IS NULL`;
}

export function activityTags(db: EntityManager, networkId: number, externalIds: readonly string[]): Promise<{ externalId: string; tags: string[] | null }[]> {
  if (externalIds.length === 0) return Promise.resolve([]);
  return rows(db, activityTagsQuery(networkId, externalIds));
}

export interface GroupMemberRow {
  group: string;
  member: string;
  leader: boolean;
}

/**
 * Members of some groups at `at` (SPEC §3.1's group members: a membership record or a declared
 * leader, joinedAt — or ingestion time — ≤ at, leftAt null or > at), each with whether they lead
 * the group (the leader rule of ingestion/membership.entity.ts), and the group's leaders whatever
 * their dates, so that a leader is never suggested.
 */
export function groupMembersQuery(networkId: number, groups: readonly string[], at: Date) {
  return sql<GroupMemberRow>`SELECT g.external_id AS "group", m.external_id AS member, bool_or(${fragment(isLeaderSql('ms'))}) AS leader
     FROM memberships ms
     JOIN groups g ON g.network_id = ms.network_id AND g.id = ms.group_id
     JOIN members m ON m.id = ms.member_id
     WHERE ms.network_id = ${networkId} AND g.external_id = ANY(${[...groups]}::text[])
       AND (${fragment(isLeaderSql('ms'))}
            OR (ms.has_record AND coalesce(ms.joined_at, ms.created_at) <= ${at} AND (ms.left_at IS NULL OR ms.left_at > ${at})))
     GROUP BY g.external_id, m.external_id`;
}

export function groupMembers(db: EntityManager, networkId: number, groups: readonly string[], at: Date): Promise<GroupMemberRow[]> {
  if (groups.length === 0) return Promise.resolve([]);
  return rows(db, groupMembersQuery(networkId, groups, at));
}

/** Which of these members (externalIds) belong to the network. */
export function networkMembersAmongQuery(networkId: number, members: readonly string[]) {
  return sql<{ member: string }>`SELECT m.external_id AS member FROM network_members nm JOIN members m ON m.id = nm.member_id
     WHERE nm.network_id = ${networkId} AND m.external_id = ANY(${[...members]}::text[])`;
}

export async function networkMembersAmong(db: EntityManager, networkId: number, members: readonly string[]): Promise<Set<string>> {
  if (members.length === 0) return new Set();
  return new Set((await rows(db, networkMembersAmongQuery(networkId, members))).map((r) => r.member));
}

const EXAMPLE_AT = new Date('2026-03-29T00:00:00Z');
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'the 28 local days ending 2026-03-28', query: scorecardWindowQuery('2026-03-28', 'Europe/Paris') },
  { name: 'tags of some activities', query: activityTagsQuery(1, ['q-1', 'q-2']) },
  { name: 'members and leaders of some groups', query: groupMembersQuery(1, ['g-cloud', 'g-data'], EXAMPLE_AT) },
  { name: 'which members belong to the network', query: networkMembersAmongQuery(1, ['u17', 'u18']) },
];
