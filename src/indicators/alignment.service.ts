import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { offsetPage } from '../common/pagination/pagination';
import { canSeeConfidential, isConfidentialGroup, Principal } from '../governance/principal';
import { ActivityQuery, DriftQuery } from './dto/indicator-query.dto';
import { AlignmentDriftPage, AlignmentDriftRowView, AlignmentView } from './dto/indicator-views.dto';
import { Scope, ScopeResolver } from './indicator-scope';
import { ratio, round } from './metrics.registry';
import { activitySeries, activityTotals } from './queries/activity.query';
import { alignedByGroup, contributionsByGroup, finality, KeywordSetCount, keywordSetCounts, keywordSetSeries, objectivesInForce, tally } from './queries/alignment.query';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * SPEC §3.6 alignment and its drift per group. Numerators come from the keyword matches written at
 * ingestion (queries/alignment.query.ts), denominators from the §3.1 contribution counts of the same
 * scope (queries/activity.query.ts), so `contributions` here equals the activity indicator's.
 */
@Injectable()
export class AlignmentIndicatorsService {
  constructor(
    @InjectEntityManager() private readonly db: EntityManager,
    private readonly scopes: ScopeResolver,
  ) {}

  async alignment(networkKey: string, query: ActivityQuery): Promise<AlignmentView> {
    const { scope, granularity } = await this.scopes.resolveSeries(networkKey, query);
    const objectives = await objectivesInForce(this.db, scope.networkId);
    const { contributions } = await activityTotals(this.db, scope);
    const counts = tally(await keywordSetCounts(this.db, scope), objectives);
    const buckets = await activitySeries(this.db, scope, granularity);
    const setsByBucket = new Map<string, KeywordSetCount[]>();
    for (const set of await keywordSetSeries(this.db, scope, granularity)) {
      const start = iso(set.start);
      setsByBucket.set(start, [...(setsByBucket.get(start) ?? []), set]);
    }
    return {
      from: iso(scope.from),
      to: iso(scope.to),
      granularity,
      timezone: scope.timezone,
      contributions,
      alignedContributions: counts.alignedContributions,
      alignmentRate: ratio(counts.alignedContributions, contributions),
      objectives: objectives.map((o) => {
        const matches = counts.byObjective.get(o.id) ?? 0;
        return {
          key: o.key,
          name: o.name,
          matches,
          share: ratio(matches, contributions),
          weightedMatches: round(o.keywords.reduce((sum, k) => sum + k.weight * (counts.byKeyword.get(k.id) ?? 0), 0), 4),
          keywords: o.keywords.map((k) => ({ term: k.term, weight: k.weight, matches: counts.byKeyword.get(k.id) ?? 0 })),
        };
      }),
      series: buckets.map((b) => {
        const start = iso(b.start);
        const n = tally(setsByBucket.get(start) ?? [], objectives).alignedContributions;
        return { start, contributions: b.contributions, alignedContributions: n, alignmentRate: ratio(n, b.contributions) };
      }),
      ...finality(objectives),
    };
  }

  async drift(principal: Principal, networkKey: string, query: DriftQuery): Promise<AlignmentDriftPage> {
    const scope = await this.scopes.resolve(networkKey, query);
    const previous: Scope = { ...scope, from: new Date(2 * scope.from.getTime() - scope.to.getTime()), to: scope.from };
    const groups: { id: string; external_id: string; name: string | null; visibility: string | null }[] = await this.db.query(
      `SELECT id::text, external_id, name, visibility FROM groups WHERE network_id = $1 ORDER BY external_id COLLATE "C"`,
      [scope.networkId],
    );
    const [contributions, aligned, previousContributions, previousAligned] = [
      await contributionsByGroup(this.db, scope),
      await alignedByGroup(this.db, scope),
      await contributionsByGroup(this.db, previous),
      await alignedByGroup(this.db, previous),
    ];
    const seeAll = canSeeConfidential(principal, networkKey);
    const rows: AlignmentDriftRowView[] = groups.map((g) => {
      const rate = ratio(aligned.get(g.id) ?? 0, contributions.get(g.id) ?? 0);
      const previousRate = ratio(previousAligned.get(g.id) ?? 0, previousContributions.get(g.id) ?? 0);
      const hidden = !seeAll && isConfidentialGroup(g.visibility);
      return {
        group: g.external_id,
        name: hidden ? null : g.name,
        visibility: g.visibility,
        contributions: contributions.get(g.id) ?? 0,
        alignedContributions: aligned.get(g.id) ?? 0,
        alignmentRate: rate,
        previousContributions: previousContributions.get(g.id) ?? 0,
        previousAlignedContributions: previousAligned.get(g.id) ?? 0,
        previousAlignmentRate: previousRate,
        change: rate === null || previousRate === null ? null : round(rate - previousRate, 4),
      };
    });
    // largest drop first, nulls last; the stable sort keeps group order for ties
    rows.sort((a, b) => (a.change === null ? (b.change === null ? 0 : 1) : b.change === null ? -1 : a.change - b.change));
    const { items, nextCursor } = offsetPage(rows, query);
    return {
      from: iso(scope.from),
      to: iso(scope.to),
      previousFrom: iso(previous.from),
      ...finality(await objectivesInForce(this.db, scope.networkId)),
      items,
      nextCursor,
    };
  }
}
