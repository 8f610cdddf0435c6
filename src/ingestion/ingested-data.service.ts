import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/errors/domain-errors';
import { decodeCursor, encodeCursor, PageQuery, toPage } from '../common/pagination/pagination';
import { fragment, rows, sql, SqlExample } from '../database/sql';
import {
  activityVisibility,
  canSeeConfidential,
  confidentialGroup,
  isConfidentialGroup,
  memberInNetworks,
  networkLimit,
  Principal,
} from '../governance/principal';
import { isLeaderSql } from './membership.entity';
import { NetworksService } from '../networks/networks.service';
import {
  ActivityPage,
  IngestedActivityQuery,
  IngestedActivityView,
  GroupPage,
  GroupView,
  MemberPage,
  MemberView,
  MembershipPage,
  MembershipQuery,
} from './dto/ingested-views.dto';

/** Membership pages continue after a (group id, member id) pair. */
const MEMBERSHIP_CURSOR = /^\d{1,15}:\d{1,15}$/;
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

interface MemberRow {
  id: string;
  externalId: string;
  displayName: string | null;
  email: string | null;
  department: string | null;
  site: string | null;
  jobTitle: string | null;
  joinedAt: Date | null;
  isPlaceholder: boolean;
}
interface GroupRow {
  id: string;
  externalId: string;
  name: string | null;
  visibility: string | null;
  sourceCreatedAt: Date | null;
  isPlaceholder: boolean;
  leaders: string[] | null;
}
interface MembershipRow {
  cursor: string;
  groupExt: string;
  memberExt: string;
  role: string;
  joinedAt: Date | null;
  leftAt: Date | null;
}
interface ActivityRow {
  id: string;
  externalId: string;
  kind: string;
  author: string;
  groupExt: string | null;
  parentExternalId: string | null;
  rootExt: string | null;
  occurredAt: Date;
  text: string | null;
  tags: string[] | null;
  reaction: string | null;
  confidential: boolean;
}

/** An org-wide member by externalId, when ingested through one of `networks` (null: every network). */
export function memberQuery(externalId: string, networks: readonly string[] | null) {
  return sql<MemberRow>`SELECT m.* FROM members m WHERE m.external_id = ${externalId} AND ${memberInNetworks('m.id', networks)}`;
}

/** A page of a network's members in id order, after the member id `after` when given. */
export function membersQuery(networkId: number, after: string | null, limit: number) {
  return sql<MemberRow>`SELECT m.* FROM network_members nm JOIN members m ON m.id = nm.member_id
     WHERE nm.network_id = ${networkId} ${after === null ? sql`` : sql`AND m.id > ${after}::bigint`} ORDER BY m.id LIMIT ${limit}`;
}

/** A page of a network's groups in id order with their current leaders, optionally the one group `externalId`. */
export function groupsQuery(networkId: number, after: string | null, limit: number, externalId: string | null) {
  return sql<GroupRow>`SELECT g.*, (SELECT array_agg(m.external_id ORDER BY m.external_id) FROM memberships ms JOIN members m ON m.id = ms.member_id
                    WHERE ms.network_id = g.network_id AND ms.group_id = g.id AND ${fragment(isLeaderSql('ms'))}) AS leaders
     FROM groups g WHERE g.network_id = ${networkId} ${after === null ? sql`` : sql`AND g.id > ${after}::bigint`}
       ${externalId === null ? sql`` : sql`AND g.external_id = ${externalId}`}
     ORDER BY g.id LIMIT ${limit}`;
}

/**
 * A page of a network's memberships in (group id, member id) order, after the pair `after` when
 * given, optionally of one group; those of confidential groups only when `withConfidential`.
 */
export function membershipsQuery(networkId: number, after: [string, string] | null, group: string | null, withConfidential: boolean, limit: number) {
  return sql<MembershipRow>`SELECT g.id::text || ':' || m.id::text AS cursor, g.external_id AS group_ext, m.external_id AS member_ext,
            CASE WHEN ${fragment(isLeaderSql('ms'))} THEN 'leader' ELSE 'member' END AS role, ms.joined_at, ms.left_at
     FROM memberships ms JOIN groups g ON g.network_id = ms.network_id AND g.id = ms.group_id JOIN members m ON m.id = ms.member_id
     WHERE ms.network_id = ${networkId} ${group === null ? sql`` : sql`AND g.external_id = ${group}`}
       ${withConfidential ? sql`` : sql`AND NOT ${confidentialGroup('g')}`}
       ${after === null ? sql`` : sql`AND (ms.group_id, ms.member_id) > (${after[0]}::bigint, ${after[1]}::bigint)`}
     ORDER BY ms.group_id, ms.member_id LIMIT ${limit}`;
}

export interface ActivityFilter {
  kind: string | null;
  group: string | null;
  externalId: string | null;
}

/** A page of a network's live activities in id order, with whether each is confidential (SPEC §4), filtered as given. */
export function activitiesQuery(networkId: number, after: string | null, limit: number, filter: ActivityFilter) {
  const visibility = activityVisibility('a');
  return sql<ActivityRow>`SELECT a.id, a.external_id, a.kind, m.external_id AS author, g.external_id AS group_ext, a.parent_external_id,
            r.external_id AS root_ext, a.occurred_at, a.text, a.tags, a.reaction,
            ${visibility.confidential} AS confidential
     FROM activities a
     JOIN members m ON m.id = a.author_id
     LEFT JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id
     LEFT JOIN activities r ON r.network_id = a.network_id AND r.id = a.root_id
     ${visibility.joins}
     WHERE a.network_id = ${networkId} AND a.deleted_at IS NULL ${after === null ? sql`` : sql`AND a.id > ${after}::bigint`}
       ${filter.kind === null ? sql`` : sql`AND a.kind = ${filter.kind}`} ${filter.group === null ? sql`` : sql`AND g.external_id = ${filter.group}`}
       ${filter.externalId === null ? sql`` : sql`AND a.external_id = ${filter.externalId}`}
     ORDER BY a.id LIMIT ${limit}`;
}

/** Read-back of what was ingested (admin and integrator keys), paginated by insertion order. */
@Injectable()
export class IngestedDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly networks: NetworksService,
  ) {}

  /**
   * An org-wide member. A key limited to networks reads only members ingested through one of them
   * ("reads of what it ingested"); others get the same 404 as for an unknown member.
   */
  async member(externalId: string, principal?: Principal): Promise<MemberView> {
    const found = await rows(this.db.manager, memberQuery(externalId, principal ? networkLimit(principal) : null));
    if (found.length === 0) throw new NotFound(`No member with externalId "${externalId}"`);
    return memberView(found[0]);
  }

  async members(networkKey: string, page: PageQuery): Promise<MemberPage> {
    const network = await this.networks.require(networkKey);
    const found = await rows(this.db.manager, membersQuery(network.id, decodeCursor(page.cursor) ?? null, page.limit + 1));
    return toPage(found, page.limit, (r) => r.id, memberView);
  }

  async groups(principal: Principal, networkKey: string, page: PageQuery, externalId?: string): Promise<GroupPage> {
    const network = await this.networks.require(networkKey);
    const found = await rows(this.db.manager, groupsQuery(network.id, decodeCursor(page.cursor) ?? null, page.limit + 1, externalId ?? null));
    const seeAll = canSeeConfidential(principal, networkKey);
    return toPage(
      found,
      page.limit,
      (r) => r.id,
      (r) => groupView(r, seeAll),
    );
  }

  async group(principal: Principal, networkKey: string, externalId: string): Promise<GroupView> {
    const page = await this.groups(principal, networkKey, { limit: 1 }, externalId);
    if (page.items.length === 0) throw new NotFound(`No group "${externalId}" in network "${networkKey}"`);
    return page.items[0];
  }

  async memberships(principal: Principal, networkKey: string, query: MembershipQuery): Promise<MembershipPage> {
    const network = await this.networks.require(networkKey);
    const cursor = decodeCursor(query.cursor, MEMBERSHIP_CURSOR);
    const after = cursor === undefined ? null : (cursor.split(':') as [string, string]);
    // memberships of confidential groups are part of what only privileged keys see
    const found = await rows(
      this.db.manager,
      membershipsQuery(network.id, after, query.group ?? null, canSeeConfidential(principal, networkKey), query.limit + 1),
    );
    const hasMore = found.length > query.limit;
    const items = found.slice(0, query.limit);
    return {
      items: items.map((r) => ({ group: r.groupExt, member: r.memberExt, role: r.role, joinedAt: iso(r.joinedAt), leftAt: iso(r.leftAt) })),
      nextCursor: hasMore ? encodeCursor(items[items.length - 1].cursor) : null,
    };
  }

  async activities(principal: Principal, networkKey: string, query: IngestedActivityQuery, externalId?: string): Promise<ActivityPage> {
    const network = await this.networks.require(networkKey);
    const found = await rows(
      this.db.manager,
      activitiesQuery(network.id, decodeCursor(query.cursor) ?? null, query.limit + 1, {
        kind: query.kind ?? null,
        group: query.group ?? null,
        externalId: externalId ?? null,
      }),
    );
    const seeAll = canSeeConfidential(principal, networkKey);
    return toPage(
      found,
      query.limit,
      (r) => r.id,
      (r) => activityView(r, seeAll),
    );
  }

  async activity(principal: Principal, networkKey: string, externalId: string): Promise<IngestedActivityView> {
    const page = await this.activities(principal, networkKey, { limit: 1 }, externalId);
    if (page.items.length === 0) throw new NotFound(`No activity "${externalId}" in network "${networkKey}"`);
    return page.items[0];
  }
}

function memberView(r: MemberRow): MemberView {
  return {
    externalId: r.externalId,
    displayName: r.displayName,
    email: r.email,
    department: r.department,
    site: r.site,
    jobTitle: r.jobTitle,
    joinedAt: iso(r.joinedAt),
    placeholder: r.isPlaceholder,
  };
}

function groupView(r: GroupRow, seeConfidential: boolean): GroupView {
  const hidden = !seeConfidential && isConfidentialGroup(r.visibility);
  return {
    externalId: r.externalId,
    name: hidden ? null : r.name,
    visibility: r.visibility,
    createdAt: iso(r.sourceCreatedAt),
    leaders: hidden ? [] : (r.leaders ?? []),
    placeholder: r.isPlaceholder,
  };
}

function activityView(r: ActivityRow, seeConfidential: boolean): IngestedActivityView {
  const hidden = r.confidential && !seeConfidential;
  return {
    externalId: r.externalId,
    kind: r.kind,
    author: hidden ? null : r.author,
    group: r.groupExt,
    parent: r.parentExternalId,
    root: r.rootExt,
    occurredAt: r.occurredAt.toISOString(),
    text: hidden ? null : r.text,
    tags: hidden ? null : r.tags,
    // a reaction label is free text from the client too
    reaction: hidden ? null : r.reaction,
  };
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'a member, for a key limited to networks', query: memberQuery('m-1', ['net-a', 'net-b']) },
  { name: 'a member, for an unscoped key', query: memberQuery('m-1', null) },
  { name: 'members of a network, next page', query: membersQuery(1, '120', 51) },
  { name: 'groups of a network, first page', query: groupsQuery(1, null, 51, null) },
  { name: 'one group', query: groupsQuery(1, null, 2, 'g-1') },
  { name: 'memberships without confidential groups, next page', query: membershipsQuery(1, ['7', '120'], null, false, 51) },
  { name: 'memberships of one group, with confidential groups', query: membershipsQuery(1, null, 'g-1', true, 51) },
  { name: 'activities of a network, first page', query: activitiesQuery(1, null, 51, { kind: null, group: null, externalId: null }) },
  { name: 'activities of a kind in a group, next page', query: activitiesQuery(1, '120', 51, { kind: 'post', group: 'g-1', externalId: null }) },
  { name: 'one activity', query: activitiesQuery(1, null, 2, { kind: null, group: null, externalId: 'a-1' }) },
];
