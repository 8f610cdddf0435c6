import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-errors';
import { checkSeriesBuckets, resolveWindow } from '../common/validation/window-limits';
import { fragment, RawBuilder, row, rows, sql } from '../database/sql';
import { isLeaderSql } from '../ingestion/membership.entity';
import { NetworksService } from '../networks/networks.service';
import { Granularity, GRANULARITIES } from './dto/indicator-query.dto';

export const DEFAULT_WINDOW_DAYS = 28;

type BucketCounts = Record<Granularity, number>;

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

/**
 * Turns `from/to/group/department` into a Scope: 404 for an unknown network, 400 for a bad window
 * (outside the bounds of common/validation/window-limits.ts) or group.
 */
@Injectable()
export class ScopeResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly networks: NetworksService,
  ) {}

  async resolve(networkKey: string, query: { from?: string; to?: string; group?: string; department?: string }, now = new Date()): Promise<Scope> {
    const network = await this.networks.require(networkKey);
    const { from, to } = resolveWindow(query, now, DEFAULT_WINDOW_DAYS);
    const groupId = await this.groupId(network.id, query.group);
    return { networkId: network.id, timezone: network.timezone, from, to, groupIds: groupId === null ? null : [groupId], department: query.department ?? null };
  }

  /** The scope of a series read and its granularity (default day): a 400 when the series would exceed MAX_SERIES_BUCKETS. */
  async resolveSeries(
    networkKey: string,
    query: { from?: string; to?: string; group?: string; department?: string; granularity?: Granularity },
    now = new Date(),
  ): Promise<{ scope: Scope; granularity: Granularity }> {
    const scope = await this.resolve(networkKey, query, now);
    const granularity = query.granularity ?? 'day';
    checkSeriesBuckets(granularity, await this.bucketCounts(scope), query.granularity !== undefined);
    return { scope, granularity };
  }

  /**
   * Buckets of each granularity over the scope's window, as the series counts them (activity.query.ts
   * bucketsCte): from the bucket holding `from` to the last one starting before `to`, in local time.
   */
  private async bucketCounts(scope: Scope): Promise<BucketCounts> {
    const counts = await row(
      this.db.manager,
      sql<BucketCounts>`WITH w AS (SELECT ${scope.from}::timestamptz AT TIME ZONE ${scope.timezone} AS f, ${scope.to}::timestamptz AT TIME ZONE ${scope.timezone} AS e)
       SELECT ceil(extract(epoch FROM e - date_trunc('day', f)) / 86400)::int AS day,
              ceil(extract(epoch FROM e - date_trunc('week', f)) / 604800)::int AS week,
              ((extract(year FROM e) * 12 + extract(month FROM e)) - (extract(year FROM f) * 12 + extract(month FROM f))
                + CASE WHEN e > date_trunc('month', e) THEN 1 ELSE 0 END)::int AS month
       FROM w`,
    );
    return Object.fromEntries(GRANULARITIES.map((g) => [g, Number(counts[g])])) as BucketCounts;
  }

  /**
   * Every group of a network, in code-point order of externalId: the order rows of equal value keep
   * in comparisons (the same on every database, whatever its collation).
   */
  groupsOf(networkId: number): Promise<NetworkGroup[]> {
    return rows(
      this.db.manager,
      sql<NetworkGroup>`SELECT id::text, external_id, name, visibility FROM groups WHERE network_id = ${networkId} ORDER BY external_id COLLATE "C"`,
    );
  }

  async groupId(networkId: number, externalId: string | undefined): Promise<string | null> {
    if (externalId === undefined) return null;
    const [group] = await rows(
      this.db.manager,
      sql<{ id: string }>`SELECT id::text FROM groups WHERE network_id = ${networkId} AND external_id = ${externalId}`,
    );
    if (group === undefined) throw new ValidationFailed([{ path: 'group', message: `group "${externalId}" is not a group of this network` }]);
    return group.id;
  }
}

export { CONTRIBUTION_KINDS_SQL } from '../ingestion/activity.entity';

/** A group of a network as the per-group reads list it (visibility null: a placeholder). */
export interface NetworkGroup {
  id: string;
  externalId: string;
  name: string | null;
  visibility: string | null;
}

/**
 * Conditions on `a` for the activities of a scope (src/database/sql.ts binds the values). Deleted
 * activities and tombstones never count. The group and department conditions are written only when
 * the scope has them; the department test is a subquery rather than a join so that, without a
 * department, the plan reads the activities alone.
 */
export function inScope(scope: Scope): RawBuilder<unknown> {
  return sql`a.network_id = ${scope.networkId} AND a.deleted_at IS NULL AND a.occurred_at >= ${scope.from} AND a.occurred_at < ${scope.to}
    ${scope.groupIds === null ? sql`` : sql`AND a.group_id = ANY(${scope.groupIds}::bigint[])`}
    ${scope.department === null ? sql`` : sql`AND EXISTS (SELECT 1 FROM members m WHERE m.id = a.author_id AND m.department = ${scope.department})`}`;
}

/** The scope the typed query modules compile their SQL_EXAMPLES with (four weeks of March 2026, network 1). */
export const SQL_EXAMPLE_SCOPE: Scope = {
  networkId: 1,
  timezone: 'UTC',
  from: new Date('2026-03-01T00:00:00Z'),
  to: new Date('2026-03-29T00:00:00Z'),
  groupIds: null,
  department: null,
};

/**
 * CTE `leaders(group_id, member_id)`: who leads which group of the network (group record's leaders
 * list or membership role). A few rows per group: joined by hash, where a per-row EXISTS would probe
 * the memberships once per activity.
 */
export function leadersCte(networkId: number): RawBuilder<unknown> {
  return sql`leaders AS (
  SELECT DISTINCT group_id, member_id FROM memberships ms WHERE network_id = ${networkId} AND ${fragment(isLeaderSql('ms'))}
)`;
}
