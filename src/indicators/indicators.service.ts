import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-errors';
import { isCalendarDate, localDate } from '../common/validation/calendar-date';
import { checkDay } from '../common/validation/window-limits';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../common/pagination/pagination';
import { canSeeConfidential, isConfidentialGroup, Principal } from '../governance/principal';
import { NetworksService } from '../networks/networks.service';
import { SeriesWindowQuery, EngagementQuery, UnansweredQuery, WindowQuery } from './dto/indicator-query.dto';
import { ActivityIndicatorView, ConcentrationView, DiffusionView, EngagementView, ResponsivenessView, UnansweredQuestionPage } from './dto/indicator-views.dto';
import { ScopeResolver } from './indicator-scope';
import { ratio, round, seconds } from '../common/numbers';
import { byCodePoint } from '../common/sorting';
import { activitySeries, activitySummary } from './queries/activity.query';
import { concentration, concentrationByGroup, GroupConcentrationRow } from './queries/concentration.query';
import { diffusionByDepartment, diffusionByGroup, GroupDiffusionRow } from './queries/diffusion.query';
import { engagement } from './queries/engagement.query';
import { responsiveness, unansweredQuestions } from './queries/responsiveness.query';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Network-health indicators (SPEC §3.1–3.5). Each number comes from one query module in
 * ./queries, computed live from the stored activities (no batch, no cache): an accepted event is
 * reflected by the next request. Here only the SPEC's ratios and rounding are applied.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectEntityManager() private readonly db: EntityManager,
    private readonly scopes: ScopeResolver,
    private readonly networks: NetworksService,
  ) {}

  async activity(networkKey: string, query: SeriesWindowQuery): Promise<ActivityIndicatorView> {
    const { scope, granularity } = await this.scopes.resolveSeries(networkKey, query);
    const totals = await activitySummary(this.db, scope);
    const series = await activitySeries(this.db, scope, granularity);
    return {
      from: iso(scope.from),
      to: iso(scope.to),
      granularity,
      timezone: scope.timezone,
      totals,
      series: series.map((b) => ({ ...b, start: iso(b.start) })),
    };
  }

  async engagement(networkKey: string, query: EngagementQuery, now = new Date()): Promise<EngagementView> {
    const network = await this.networks.require(networkKey);
    const at = query.at ?? localDate(now, network.timezone);
    if (query.at !== undefined && !isCalendarDate(query.at)) throw new ValidationFailed([{ path: 'at', message: `at ${query.at} is not a calendar date` }]);
    if (query.at !== undefined) checkDay('at', query.at);
    const groupId = await this.scopes.groupId(network.id, query.group);
    const row = await engagement(this.db, {
      networkId: network.id,
      timezone: network.timezone,
      at,
      groupIds: groupId === null ? null : [groupId],
      department: query.department ?? null,
    });
    return {
      at,
      timezone: network.timezone,
      dau: row.dau,
      wau: row.wau,
      mau: row.mau,
      stickiness: row.mau === 0 ? null : round(row.memberDays / 28 / row.mau, 4),
      engagedMembers: row.engagedMembers,
    };
  }

  async responsiveness(networkKey: string, query: WindowQuery, now = new Date()): Promise<ResponsivenessView> {
    const scope = await this.scopes.resolve(networkKey, query, now);
    const r = await responsiveness(this.db, scope, now);
    return {
      from: iso(scope.from),
      to: iso(scope.to),
      roots: r.roots,
      respondedRoots: r.respondedRoots,
      responseRate: ratio(r.respondedRoots, r.roots),
      medianTimeToFirstResponse: seconds(r.medianTimeToFirstResponse),
      p90TimeToFirstResponse: seconds(r.p90TimeToFirstResponse),
      meanTimeToFirstResponse: seconds(r.meanTimeToFirstResponse),
      questions: r.questions,
      resolvedQuestions: r.resolvedQuestions,
      resolvedRate: ratio(r.resolvedQuestions, r.questions),
      medianTimeToResolution: seconds(r.medianTimeToResolution),
      unansweredQuestions: r.unansweredQuestions,
      leaderFirstResponseShare: ratio(r.leaderFirstResponses, r.respondedRoots),
    };
  }

  /** Authors of questions in confidential (or not yet known) groups are shown only to keys that may see those groups. */
  async unanswered(principal: Principal, networkKey: string, query: UnansweredQuery, now = new Date()): Promise<UnansweredQuestionPage> {
    const seeAll = canSeeConfidential(principal, networkKey);
    const scope = await this.scopes.resolve(networkKey, query, now);
    // the list is small and ordered by time, not id: the cursor holds an offset
    const offset = Number(decodeCursor(query.cursor) ?? 0);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await unansweredQuestions(this.db, scope, now, offset, limit + 1);
    return {
      items: rows.slice(0, limit).map((r) => ({
        externalId: r.externalId,
        author: seeAll || r.group === null || !isConfidentialGroup(r.visibility) ? r.author : null,
        group: r.group,
        occurredAt: iso(r.occurredAt),
      })),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
    };
  }

  async concentration(networkKey: string, query: WindowQuery): Promise<ConcentrationView> {
    const scope = await this.scopes.resolve(networkKey, query);
    const c = await concentration(this.db, scope);
    const n = c.contributors;
    return {
      from: iso(scope.from),
      to: iso(scope.to),
      contributors: n,
      contributions: c.contributions,
      gini: n <= 1 ? 0 : round(c.giniNumerator / (n * c.contributions), 4),
      top10PercentShare: ratio(c.topDecileContributions, c.contributions),
      busFactor: c.busFactor,
      leaderShare: ratio(c.leaderContributions, c.contributions),
    };
  }

  async diffusion(networkKey: string, query: WindowQuery): Promise<DiffusionView> {
    const scope = await this.scopes.resolve(networkKey, query);
    const rows = await diffusionByDepartment(this.db, scope);
    const interactions = rows.reduce((s, r) => s + r.interactions, 0);
    const cross = rows.reduce((s, r) => s + r.cross, 0);
    return {
      from: iso(scope.from),
      to: iso(scope.to),
      interactions,
      crossDepartmentInteractions: cross,
      crossDepartmentRate: ratio(cross, interactions),
      eiIndex: ratio(cross - (interactions - cross), interactions),
      // code-point order: the same on every database collation
      departments: rows
        .map((r) => ({ department: r.department, interactions: r.interactions, eiIndex: ratio(r.cross - (r.interactions - r.cross), r.interactions) }))
        .sort((a, b) => byCodePoint(a.department, b.department)),
    };
  }

  /**
   * Every group's §3.4 contributors, contributions and busFactor and §3.5 interactions (with those
   * crossing departments) over a window, by group externalId, one query each for all groups: the
   * same numbers as concentration and diffusion with group=. Groups without contributions or
   * interactions have no entry.
   */
  async byGroup(
    networkKey: string,
    query: WindowQuery,
  ): Promise<{ concentration: Map<string, GroupConcentrationRow>; diffusion: Map<string, GroupDiffusionRow> }> {
    const scope = await this.scopes.resolve(networkKey, { ...query, group: undefined, department: undefined });
    const [c, d] = await Promise.all([concentrationByGroup(this.db, scope), diffusionByGroup(this.db, scope)]);
    return { concentration: new Map(c.map((r) => [r.group, r])), diffusion: new Map(d.map((r) => [r.group, r])) };
  }
}
