import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/errors/domain-errors';
import { decodeCursor, encodeCursor, PageQuery, toPage } from '../common/pagination/pagination';
import {
  activityVisibilitySql,
  canSeeConfidential,
  confidentialGroupSql,
  isConfidentialGroup,
  memberInNetworksSql,
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

interface MemberRowDb {
  id: string;
  external_id: string;
  display_name: string | null;
  email: string | null;
  department: string | null;
  site: string | null;
  job_title: string | null;
  joined_at: Date | null;
  is_placeholder: boolean;
}
interface GroupRowDb {
  id: string;
  external_id: string;
  name: string | null;
  visibility: string | null;
  source_created_at: Date | null;
  is_placeholder: boolean;
  leaders: string[] | null;
}
interface MembershipRowDb {
  cursor: string;
  group_ext: string;
  member_ext: string;
  role: string;
  joined_at: Date | null;
  left_at: Date | null;
}
interface ActivityRowDb {
  id: string;
  external_id: string;
  kind: string;
  author: string;
  group_ext: string | null;
  parent_external_id: string | null;
  root_ext: string | null;
  occurred_at: Date;
  text: string | null;
  tags: string[] | null;
  reaction: string | null;
  confidential: boolean;
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
    const rows: MemberRowDb[] = await this.db.query(`SELECT m.* FROM members m WHERE m.external_id = $1 AND ${memberInNetworksSql('m.id', '$2')}`, [
      externalId,
      principal ? networkLimit(principal) : null,
    ]);
    if (rows.length === 0) throw new NotFound(`No member with externalId "${externalId}"`);
    return memberView(rows[0]);
  }

  async members(networkKey: string, page: PageQuery): Promise<MemberPage> {
    const network = await this.networks.require(networkKey);
    const rows: MemberRowDb[] = await this.db.query(
      `SELECT m.* FROM network_members nm JOIN members m ON m.id = nm.member_id
       WHERE nm.network_id = $1 AND ($2::bigint IS NULL OR m.id > $2) ORDER BY m.id LIMIT $3`,
      [network.id, decodeCursor(page.cursor) ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (r) => r.id, memberView);
  }

  async groups(principal: Principal, networkKey: string, page: PageQuery, externalId?: string): Promise<GroupPage> {
    const network = await this.networks.require(networkKey);
    const rows: GroupRowDb[] = await this.db.query(
      `SELECT g.*, (SELECT array_agg(m.external_id ORDER BY m.external_id) FROM memberships ms JOIN members m ON m.id = ms.member_id
                    WHERE ms.network_id = g.network_id AND ms.group_id = g.id AND ${isLeaderSql('ms')}) AS leaders
       FROM groups g WHERE g.network_id = $1 AND ($2::bigint IS NULL OR g.id > $2) AND ($4::text IS NULL OR g.external_id = $4)
       ORDER BY g.id LIMIT $3`,
      [network.id, decodeCursor(page.cursor) ?? null, page.limit + 1, externalId ?? null],
    );
    const seeAll = canSeeConfidential(principal, networkKey);
    return toPage(
      rows,
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
    // memberships of confidential groups are part of what only privileged keys see
    const rows: MembershipRowDb[] = await this.db.query(
      `SELECT g.id::text || ':' || m.id::text AS cursor, g.external_id AS group_ext, m.external_id AS member_ext,
              CASE WHEN ${isLeaderSql('ms')} THEN 'leader' ELSE 'member' END AS role, ms.joined_at, ms.left_at
       FROM memberships ms JOIN groups g ON g.network_id = ms.network_id AND g.id = ms.group_id JOIN members m ON m.id = ms.member_id
       WHERE ms.network_id = $1 AND ($3::text IS NULL OR g.external_id = $3) AND ($4 OR NOT ${confidentialGroupSql('g')})
         AND ($2::text IS NULL OR (ms.group_id, ms.member_id) > (split_part($2, ':', 1)::bigint, split_part($2, ':', 2)::bigint))
       ORDER BY ms.group_id, ms.member_id LIMIT $5`,
      [network.id, decodeCursor(query.cursor, MEMBERSHIP_CURSOR) ?? null, query.group ?? null, canSeeConfidential(principal, networkKey), query.limit + 1],
    );
    const hasMore = rows.length > query.limit;
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((r) => ({ group: r.group_ext, member: r.member_ext, role: r.role, joinedAt: iso(r.joined_at), leftAt: iso(r.left_at) })),
      nextCursor: hasMore ? encodeCursor(items[items.length - 1].cursor) : null,
    };
  }

  async activities(principal: Principal, networkKey: string, query: IngestedActivityQuery, externalId?: string): Promise<ActivityPage> {
    const network = await this.networks.require(networkKey);
    const visibility = activityVisibilitySql('a');
    const rows: ActivityRowDb[] = await this.db.query(
      `SELECT a.id, a.external_id, a.kind, m.external_id AS author, g.external_id AS group_ext, a.parent_external_id,
              r.external_id AS root_ext, a.occurred_at, a.text, a.tags, a.reaction,
              ${visibility.confidential} AS confidential
       FROM activities a
       JOIN members m ON m.id = a.author_id
       LEFT JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id
       LEFT JOIN activities r ON r.network_id = a.network_id AND r.id = a.root_id
       ${visibility.joins}
       WHERE a.network_id = $1 AND a.deleted_at IS NULL AND ($2::bigint IS NULL OR a.id > $2)
         AND ($4::text IS NULL OR a.kind = $4) AND ($5::text IS NULL OR g.external_id = $5) AND ($6::text IS NULL OR a.external_id = $6)
       ORDER BY a.id LIMIT $3`,
      [network.id, decodeCursor(query.cursor) ?? null, query.limit + 1, query.kind ?? null, query.group ?? null, externalId ?? null],
    );
    const seeAll = canSeeConfidential(principal, networkKey);
    return toPage(
      rows,
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

function memberView(r: MemberRowDb): MemberView {
  return {
    externalId: r.external_id,
    displayName: r.display_name,
    email: r.email,
    department: r.department,
    site: r.site,
    jobTitle: r.job_title,
    joinedAt: iso(r.joined_at),
    placeholder: r.is_placeholder,
  };
}

function groupView(r: GroupRowDb, seeConfidential: boolean): GroupView {
  const hidden = !seeConfidential && isConfidentialGroup(r.visibility);
  return {
    externalId: r.external_id,
    name: hidden ? null : r.name,
    visibility: r.visibility,
    createdAt: iso(r.source_created_at),
    leaders: hidden ? [] : (r.leaders ?? []),
    placeholder: r.is_placeholder,
  };
}

function activityView(r: ActivityRowDb, seeConfidential: boolean): IngestedActivityView {
  const hidden = r.confidential && !seeConfidential;
  return {
    externalId: r.external_id,
    kind: r.kind,
    author: hidden ? null : r.author,
    group: r.group_ext,
    parent: r.parent_external_id,
    root: r.root_ext,
    occurredAt: r.occurred_at.toISOString(),
    text: hidden ? null : r.text,
    tags: hidden ? null : r.tags,
    // a reaction label is free text from the client too
    reaction: hidden ? null : r.reaction,
  };
}
