import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { decodeCursor, encodeCursor, PageQuery } from '../common/pagination/pagination';
import { AuditService, membersRead } from '../governance/audit.service';
import { networkLimit, Principal } from '../governance/principal';
import { round } from '../common/numbers';
import { InterestMapView, InterestProfilePage, InterestProfileView } from './dto/hr.dto';
import { MemberRow } from './people-scope';
import { countProfileMembers, declaredTopics, inferredTerms, interestMapCells, profileMembers } from './queries/interest-profiles.query';

const CSV_PAGE = 500;

/**
 * HR outputs (SPEC §3.8): interest profiles per member (declared triptych and inferred interests),
 * as JSON pages or a streamed CSV, and the interest map per department or site with k-anonymity.
 * Every read is written to the audit log.
 */
@Injectable()
export class HrService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    private readonly audit: AuditService,
  ) {}

  async profiles(principal: Principal, page: PageQuery): Promise<InterestProfilePage> {
    const after = decodeCursor(page.cursor) ?? '0';
    const members = await profileMembers(this.db.manager, after, networkLimit(principal), page.limit + 1);
    const items = await this.views(members.slice(0, page.limit), networkLimit(principal));
    const details = { format: 'json', networks: networkLimit(principal), ...membersRead(items.map((i) => i.member)) };
    await this.audit.record(principal, { action: 'hr.interest-profiles.read', details });
    return { items, nextCursor: members.length > page.limit ? encodeCursor(members[page.limit - 1].id) : null };
  }

  /**
   * Every profile, page after page, for the CSV stream (constant memory). Audited before the first
   * row, with the number of members the export holds at that moment.
   */
  async *allProfiles(principal: Principal): AsyncGenerator<InterestProfileView[]> {
    const networks = networkLimit(principal);
    const total = await countProfileMembers(this.db.manager, networks);
    await this.audit.record(principal, { action: 'hr.interest-profiles.read', details: { format: 'csv', networks, members: total } });
    let after = '0';
    for (;;) {
      const members = await profileMembers(this.db.manager, after, networkLimit(principal), CSV_PAGE);
      if (members.length === 0) return;
      yield await this.views(members, networkLimit(principal));
      after = members[members.length - 1].id;
    }
  }

  /**
   * Topics per unit: each member counts once per topic (declared interest, expertise or competence,
   * or inferred interest, compared after SPEC §3.6 normalisation). A cell built on fewer than
   * K_ANONYMITY members is suppressed, and so is a unit with fewer members than that (its topics
   * would describe too few people).
   */
  async interestMap(principal: Principal, by: 'department' | 'site'): Promise<InterestMapView> {
    const k = this.env.K_ANONYMITY;
    const units = new Map<string, { members: number; topics: Map<string, { label: string; members: number }> }>();
    for (const row of await interestMapCells(this.db.manager, networkLimit(principal), by)) {
      const unit = row.unit ?? '';
      const u = units.get(unit) ?? { members: row.unitMembers, topics: new Map() };
      if (row.topicKey !== null) u.topics.set(row.topicKey, { label: row.label as string, members: row.members as number });
      units.set(unit, u);
    }
    let suppressedCells = 0;
    let suppressedUnits = 0;
    const rows: InterestMapView['units'] = [];
    for (const [unit, u] of [...units].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (u.members < k) {
        suppressedUnits++;
        suppressedCells += u.topics.size;
        continue;
      }
      const topics = [...u.topics.values()].filter((c) => c.members >= k);
      suppressedCells += u.topics.size - topics.length;
      rows.push({
        unit: unit === '' ? null : unit,
        members: u.members,
        topics: topics.sort((a, b) => b.members - a.members || (a.label < b.label ? -1 : 1)).map((c) => ({ topic: c.label, members: c.members })),
      });
    }
    await this.audit.record(principal, { action: 'hr.interest-map.read', details: { by, networks: networkLimit(principal) } });
    return { by, k, units: rows, suppressedUnits, suppressedCells };
  }

  private async views(members: MemberRow[], networks: string[] | null): Promise<InterestProfileView[]> {
    if (members.length === 0) return [];
    const ids = members.map((m) => m.id);
    const declared = await declaredTopics(this.db.manager, ids);
    const inferred = await inferredTerms(this.db.manager, ids, networks);
    return members.map((m) => {
      const mine = declared.filter((d) => d.memberId === m.id);
      return {
        member: m.externalId,
        displayName: m.displayName,
        department: m.department,
        site: m.site,
        jobTitle: m.jobTitle,
        expertise: mine.filter((d) => d.facet === 'expertise').map((d) => ({ topic: d.topic, level: d.level as number })),
        competences: mine.filter((d) => d.facet === 'competence').map((d) => ({ topic: d.topic, level: d.level as number })),
        interests: mine.filter((d) => d.facet === 'interest').map((d) => ({ topic: d.topic })),
        inferredInterests: inferred.filter((i) => i.memberId === m.id).map((i) => ({ term: i.term, weight: round(Number(i.weight), 4) })),
      };
    });
  }
}
