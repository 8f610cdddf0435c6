import { confidentialGroupSql } from '../../governance/principal';
import { isLeaderSql } from '../../ingestion/membership.entity';
import type { EntityManager } from 'typeorm';
import { CONTRIBUTION_KINDS_SQL, Scope, SCOPED_ACTIVITIES, windowParams } from '../indicator-scope';
import { THREADS_CTE } from './responsiveness.query';

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
export async function leadersOf(db: EntityManager, networkId: number, withConfidential: boolean): Promise<LeaderRow[]> {
  return db.query(
    `SELECT m.id::text AS "memberId", m.external_id AS "externalId", m.display_name AS "displayName", m.department,
            array_agg(ms.group_id::text ORDER BY ms.group_id) AS "groupIds"
     FROM memberships ms JOIN members m ON m.id = ms.member_id JOIN groups g ON g.network_id = ms.network_id AND g.id = ms.group_id
     WHERE ms.network_id = $1 AND ${isLeaderSql('ms')} AND ($2 OR NOT ${confidentialGroupSql('g')})
     GROUP BY m.id ORDER BY m.id`,
    [networkId, withConfidential],
  );
}

/**
 * SPEC §3.7 leader extras, inside the groups the leader leads (the scope's groups): their own
 * contributions in the window, and the first responses (SPEC §3.3) they wrote to the window's roots.
 */
export async function leaderContributions(db: EntityManager, scope: Scope, memberId: string): Promise<{ ownContributions: number; firstResponses: number }> {
  const [row] = await db.query(
    `WITH ${THREADS_CTE}
     SELECT (SELECT count(*) FROM ${SCOPED_ACTIVITIES} AND a.author_id = $6 AND a.kind IN ${CONTRIBUTION_KINDS_SQL})::int AS "ownContributions",
            (SELECT count(*) FROM threads WHERE responder = $6)::int AS "firstResponses"`,
    [...windowParams(scope), memberId],
  );
  return row;
}

/**
 * `leaderInactive` (SPEC §3.7): true when none of the group's leaders authored an activity in it
 * during [to − 28 days, to). A group without leaders is inactive by that definition.
 */
export async function groupLeaderActive(db: EntityManager, networkId: number, groupId: string, to: Date): Promise<boolean> {
  const [row] = await db.query(
    `SELECT EXISTS (
       SELECT 1 FROM activities a JOIN memberships ms ON ms.network_id = a.network_id AND ms.group_id = a.group_id AND ms.member_id = a.author_id
       WHERE a.network_id = $1 AND a.group_id = $2 AND a.deleted_at IS NULL AND ${isLeaderSql('ms')}
         AND a.occurred_at >= $3::timestamptz - interval '672 hours' AND a.occurred_at < $3
     ) AS active`,
    [networkId, groupId, to],
  );
  return row.active;
}
