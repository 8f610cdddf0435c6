import type { EntityManager } from 'typeorm';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';
import { CONTRIBUTION_KINDS_SQL } from '../../ingestion/activity.entity';
import { isLeaderSql } from '../../ingestion/membership.entity';
import { inScope, Scope, SQL_EXAMPLE_SCOPE } from '../../indicators/indicator-scope';

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

export interface GroupConcentrationRow {
  group: string;
  contributors: number;
  contributions: number;
  busFactor: number;
}

/**
 * SPEC §3.4 `contributors`, `contributions` and `busFactor` of every group of the network at once
 * (the scope's window; its group and department filters are not used): the same counts and the same
 * ranking as src/indicators/queries/concentration.query.ts with group=, partitioned by group in one
 * scan of the window instead of one query per group. Groups without contributions have no row
 * (concentration's empty window: contributors 0, busFactor 0). A test checks it against the endpoint.
 */
export function concentrationByGroupQuery(scope: Scope) {
  const network: Scope = { ...scope, groupIds: null, department: null };
  return sql<GroupConcentrationRow>`WITH counts AS (
       SELECT a.group_id, a.author_id, count(*) AS c
       FROM activities a
       WHERE ${inScope(network)} AND a.group_id IS NOT NULL AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
       GROUP BY a.group_id, a.author_id
     ), ranked AS (
       SELECT group_id, c,
              row_number() OVER (PARTITION BY group_id ORDER BY c DESC, author_id) AS desc_rank,
              sum(c) OVER (PARTITION BY group_id ORDER BY c DESC, author_id ROWS UNBOUNDED PRECEDING) AS cumulative,
              sum(c) OVER (PARTITION BY group_id) AS total
       FROM counts
     )
     SELECT g.external_id AS "group", count(*)::int AS contributors, sum(r.c)::int AS contributions,
            min(r.desc_rank) FILTER (WHERE 2 * r.cumulative >= r.total)::int AS bus_factor
     FROM ranked r JOIN groups g ON g.network_id = ${scope.networkId} AND g.id = r.group_id
     GROUP BY g.external_id`;
}

export function concentrationByGroup(db: EntityManager, scope: Scope): Promise<GroupConcentrationRow[]> {
  return rows(db, concentrationByGroupQuery(scope));
}

export interface GroupDiffusionRow {
  group: string;
  interactions: number;
  cross: number;
}

/**
 * SPEC §3.5 interactions of every group at once (the interaction's own group, as diffusion with
 * group=): non-deleted replies and reactions of the window whose parent is known, not deleted and
 * written by someone else, both departments known; `cross` between different departments. The same
 * conditions as src/indicators/queries/diffusion.query.ts, grouped by group in one scan.
 */
export function diffusionByGroupQuery(scope: Scope) {
  const network: Scope = { ...scope, groupIds: null, department: null };
  return sql<GroupDiffusionRow>`SELECT g.external_id AS "group", count(*)::int AS interactions,
            count(*) FILTER (WHERE ma.department <> mp.department)::int AS cross
     FROM activities a
     JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL
     JOIN members ma ON ma.id = a.author_id
     JOIN members mp ON mp.id = p.author_id
     JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id
     WHERE ${inScope(network)} AND a.group_id IS NOT NULL
       AND a.kind IN ('reply', 'reaction') AND p.author_id <> a.author_id AND ma.department IS NOT NULL AND mp.department IS NOT NULL
     GROUP BY g.external_id`;
}

export function diffusionByGroup(db: EntityManager, scope: Scope): Promise<GroupDiffusionRow[]> {
  return rows(db, diffusionByGroupQuery(scope));
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
  { name: 'contributors, contributions and bus factor of every group', query: concentrationByGroupQuery(SQL_EXAMPLE_SCOPE) },
  { name: 'interactions across departments of every group', query: diffusionByGroupQuery(SQL_EXAMPLE_SCOPE) },
  { name: 'tags of some activities', query: activityTagsQuery(1, ['q-1', 'q-2']) },
  { name: 'members and leaders of some groups', query: groupMembersQuery(1, ['g-cloud', 'g-data'], EXAMPLE_AT) },
  { name: 'which members belong to the network', query: networkMembersAmongQuery(1, ['u17', 'u18']) },
];
