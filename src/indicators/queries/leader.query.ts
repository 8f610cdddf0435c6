import type { EntityManager } from 'typeorm';
import { fragment, RawBuilder, row, rows, sql, SqlExample } from '../../database/sql';
import { confidentialGroupSql } from '../../governance/principal';
import { CONTRIBUTION_KINDS_SQL } from '../../ingestion/activity.entity';
import { isLeaderSql } from '../../ingestion/membership.entity';
import { inScope, Scope, SQL_EXAMPLE_SCOPE } from '../indicator-scope';
import { threadsCte } from './responsiveness.query';

export interface LeaderRow {
  memberId: string;
  externalId: string;
  displayName: string | null;
  department: string | null;
  groupIds: string[];
}

/**
 * Members leading at least one group of the network (group record's leaders list or membership role),
 * with those groups; without `withConfidential`, only the groups that are not confidential
 * (isConfidentialGroup), and only the members who lead one of them.
 */
export function leadersOfQuery(networkId: number, withConfidential: boolean) {
  return sql<LeaderRow>`SELECT m.id::text AS member_id, m.external_id, m.display_name, m.department,
            array_agg(ms.group_id::text ORDER BY ms.group_id) AS group_ids
     FROM memberships ms JOIN members m ON m.id = ms.member_id JOIN groups g ON g.network_id = ms.network_id AND g.id = ms.group_id
     WHERE ms.network_id = ${networkId} AND ${fragment(isLeaderSql('ms'))} ${withConfidential ? sql`` : sql`AND NOT ${fragment(confidentialGroupSql('g'))}`}
     GROUP BY m.id ORDER BY m.id`;
}

export function leadersOf(db: EntityManager, networkId: number, withConfidential: boolean): Promise<LeaderRow[]> {
  return rows(db, leadersOfQuery(networkId, withConfidential));
}

/**
 * SPEC §3.7 leader extras, inside the groups the leader leads (the scope's groups): their own
 * contributions in the window, and the first responses (SPEC §3.3) they wrote to the window's roots.
 */
export function leaderContributionsQuery(scope: Scope, memberId: string) {
  return sql<{ ownContributions: number; firstResponses: number }>`WITH ${threadsCte(scope)}
     SELECT (SELECT count(*) FROM activities a WHERE ${inScope(scope)} AND a.author_id = ${memberId} AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)})::int AS own_contributions,
            (SELECT count(*) FROM threads WHERE responder = ${memberId})::int AS first_responses`;
}

export function leaderContributions(db: EntityManager, scope: Scope, memberId: string): Promise<{ ownContributions: number; firstResponses: number }> {
  return row(db, leaderContributionsQuery(scope, memberId));
}

/**
 * `leaderInactive` (SPEC §3.7): true when none of the group's leaders authored an activity in it
 * during [to − 28 days, to). A group without leaders is inactive by that definition.
 */
export function groupLeaderActiveQuery(networkId: number, groupId: string, to: Date) {
  return sql<{ active: boolean }>`SELECT EXISTS (
       SELECT 1 ${leaderActivities(networkId, sql`AND a.group_id = ${groupId} `, to)}
     ) AS active`;
}

/** The groups of the network (ids) a leader of which authored an activity in it during [to − 28 days, to): one query for every group's leaderInactive. */
export function groupsWithActiveLeaderQuery(networkId: number, to: Date) {
  return sql<{ groupId: string }>`SELECT DISTINCT a.group_id::text AS group_id ${leaderActivities(networkId, sql``, to)}`;
}

export async function groupsWithActiveLeader(db: EntityManager, networkId: number, to: Date): Promise<Set<string>> {
  return new Set((await rows(db, groupsWithActiveLeaderQuery(networkId, to))).map((r) => r.groupId));
}

/** One home for the leaderInactive rule: the activities of the network (`group`: a condition on a.group_id) written by a leader of their group during [to − 28 days, to). */
function leaderActivities(networkId: number, group: RawBuilder<unknown>, to: Date): RawBuilder<unknown> {
  return sql`FROM activities a JOIN memberships ms ON ms.network_id = a.network_id AND ms.group_id = a.group_id AND ms.member_id = a.author_id
       WHERE a.network_id = ${networkId} ${group}AND a.deleted_at IS NULL AND ${fragment(isLeaderSql('ms'))}
         AND a.occurred_at >= ${to}::timestamptz - interval '672 hours' AND a.occurred_at < ${to}`;
}

export async function groupLeaderActive(db: EntityManager, networkId: number, groupId: string, to: Date): Promise<boolean> {
  return (await row(db, groupLeaderActiveQuery(networkId, groupId, to))).active;
}

const EXAMPLE_SCOPE: Scope = { ...SQL_EXAMPLE_SCOPE, groupIds: ['7', '9'] };
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'leaders of a network (a key that may see confidential groups)', query: leadersOfQuery(1, true) },
  { name: 'leaders of a network (a key that may not)', query: leadersOfQuery(1, false) },
  { name: "a leader's own contributions and first responses in the groups they lead", query: leaderContributionsQuery(EXAMPLE_SCOPE, '42') },
  { name: 'was a leader of the group active in the 28 days before `to`', query: groupLeaderActiveQuery(1, '7', new Date('2026-03-29T00:00:00Z')) },
  { name: 'groups a leader of which was active in the 28 days before `to`', query: groupsWithActiveLeaderQuery(1, new Date('2026-03-29T00:00:00Z')) },
];
