import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-errors';
import { parseIsoDateTime } from '../common/validation/iso-date-time';
import { NetworksService } from '../networks/networks.service';
import { WindowQuery } from './dto/indicator-query.dto';

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 28;

/** What every indicator query is computed over, resolved and validated from the request. */
export interface Scope {
  networkId: number;
  timezone: string;
  from: Date;
  to: Date;
  /** Internal group ids the scope is limited to (one for `group`, those a leader leads), or null for the whole network. */
  groupIds: string[] | null;
  department: string | null;
}

/** Turns `from/to/group/department` into a Scope: 404 for an unknown network, 400 for a bad window or group. */
@Injectable()
export class ScopeResolver {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly networks: NetworksService) {}

  async resolve(networkKey: string, query: { from?: string; to?: string; group?: string; department?: string }, now = new Date()): Promise<Scope> {
    const network = await this.networks.require(networkKey);
    const to = query.to ? (parseIsoDateTime(query.to) as Date) : now;
    const from = query.from ? (parseIsoDateTime(query.from) as Date) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) throw new ValidationFailed([{ path: 'from', message: 'from must be before to (windows are [from, to))' }]);
    const groupId = await this.groupId(network.id, query.group);
    return { networkId: network.id, timezone: network.timezone, from, to, groupIds: groupId === null ? null : [groupId], department: query.department ?? null };
  }

  async groupId(networkId: number, externalId: string | undefined): Promise<string | null> {
    if (externalId === undefined) return null;
    const rows: { id: string }[] = await this.db.query(`SELECT id::text FROM groups WHERE network_id = $1 AND external_id = $2`, [networkId, externalId]);
    if (rows.length === 0) throw new ValidationFailed([{ path: 'group', message: `group "${externalId}" is not a group of this network` }]);
    return rows[0].id;
  }
}

export function windowParams(scope: Scope): [number, Date, Date, string[] | null, string | null] {
  return [scope.networkId, scope.from, scope.to, scope.groupIds, scope.department];
}

/**
 * Conditions on `a` for the activities of a scope: $1 network, $2 from, $3 to, $4 group ids or
 * null, $5 department or null. Deleted activities and tombstones never count. The department test
 * is a subquery rather than a join so that, without a department, the plan reads the activities alone
 * (the parameters are known when the statement is planned and `NULL IS NULL` folds away).
 */
export const IN_SCOPE = `a.network_id = $1 AND a.deleted_at IS NULL AND a.occurred_at >= $2 AND a.occurred_at < $3
    AND ($4::bigint[] IS NULL OR a.group_id = ANY($4::bigint[]))
    AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.id = a.author_id AND m.department = $5))`;

/** `activities a` restricted to the scope (IN_SCOPE). */
export const SCOPED_ACTIVITIES = `activities a WHERE ${IN_SCOPE}`;

export const CONTRIBUTION_KINDS_SQL = `('post', 'question', 'reply', 'share')`;

/**
 * CTE `leaders(group_id, member_id)`: who leads which group of network $1 (group record's leaders list
 * or membership role). A few rows per group: joined by hash, where a per-row EXISTS would probe the
 * memberships once per activity.
 */
export const LEADERS_CTE = `leaders AS (
  SELECT DISTINCT group_id, member_id FROM memberships WHERE network_id = $1 AND (is_declared_leader OR role = 'leader')
)`;
