import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { NotFound } from '../common/errors/domain-errors';
import { offsetPage } from '../common/pagination/pagination';
import { row, sql } from '../database/sql';
import { canSeeConfidential, isConfidentialGroup, Principal } from '../governance/principal';
import { AdoptionQuery, SeriesWindowQuery, DriftQuery } from './dto/indicator-query.dto';
import { AdoptionObjectiveView, AdoptionView, AlignmentDriftPage, AlignmentDriftRowView, AlignmentView } from './dto/indicator-views.dto';
import { Scope, ScopeResolver } from './indicator-scope';
import { ratio, round } from '../common/numbers';
import { activitySeries, activityTotals } from './queries/activity.query';
import { AdoptionTarget, AdoptionTotals, adoptionSeries, adoptionTotals } from './queries/adoption.query';
import {
  alignedByGroup,
  confidentialShare,
  confidentialShareSeries,
  contributionsByGroup,
  finality,
  KeywordSetCount,
  keywordSetCounts,
  keywordSetSeries,
  objectivesInForce,
  tally,
  withoutHidden,
} from './queries/alignment.query';

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

  async alignment(principal: Principal, networkKey: string, query: SeriesWindowQuery): Promise<AlignmentView> {
    const { scope, granularity } = await this.scopes.resolveSeries(networkKey, query);
    const hideConfidential = !canSeeConfidential(principal, networkKey);
    if (hideConfidential) await this.refuseConfidentialGroup(scope, query.group);
    const objectives = await objectivesInForce(this.db, scope.networkId);
    const hidden = hideConfidential ? await confidentialShare(this.db, scope) : { contributions: 0, sets: [] };
    const contributions = (await activityTotals(this.db, scope)).contributions - hidden.contributions;
    const counts = tally(withoutHidden(await keywordSetCounts(this.db, scope), hidden.sets), objectives);
    const hiddenByBucket = new Map((hideConfidential ? await confidentialShareSeries(this.db, scope, granularity) : []).map((h) => [iso(h.start), h]));
    const buckets = (await activitySeries(this.db, scope, granularity)).map((b) => ({
      ...b,
      contributions: b.contributions - (hiddenByBucket.get(iso(b.start))?.contributions ?? 0),
    }));
    const setsByBucket = new Map<string, KeywordSetCount[]>();
    for (const set of await keywordSetSeries(this.db, scope, granularity)) {
      const start = iso(set.start);
      setsByBucket.set(start, [...(setsByBucket.get(start) ?? []), set]);
    }
    for (const [start, h] of hiddenByBucket) setsByBucket.set(start, withoutHidden(setsByBucket.get(start) ?? [], h.sets));
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
          weightedMatches: round(
            o.keywords.reduce((sum, k) => sum + k.weight * (counts.byKeyword.get(k.id) ?? 0), 0),
            4,
          ),
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

  /**
   * SPEC §3.9 change adoption (queries/adoption.query.ts): one objective in force with its series, or
   * every objective in force with its totals. An objective that is not in force for the network
   * (unknown, inactive, of other networks) is a 404. Confidential mentions are left out for a key
   * that may not see them (SPEC §4), as for alignment.
   */
  async adoption(principal: Principal, networkKey: string, query: AdoptionQuery): Promise<AdoptionView> {
    const { scope, granularity } = await this.scopes.resolveSeries(networkKey, query);
    const hideConfidential = !canSeeConfidential(principal, networkKey);
    if (hideConfidential) await this.refuseConfidentialGroup(scope, query.group);
    let objectives = await objectivesInForce(this.db, scope.networkId);
    if (query.objective !== undefined) {
      objectives = objectives.filter((o) => o.key === query.objective);
      if (objectives.length === 0) throw new NotFound(`No active objective "${query.objective}" applies to this network`);
    }
    const views: AdoptionObjectiveView[] = [];
    for (const o of objectives) {
      const target: AdoptionTarget = { keywordIds: o.keywords.map((k) => k.id), hideConfidential };
      const view: AdoptionObjectiveView = { key: o.key, name: o.name, ...adoptionFigures(await adoptionTotals(this.db, scope, target)) };
      if (query.objective !== undefined)
        view.series = (await adoptionSeries(this.db, scope, target, granularity)).map((b) => ({
          start: iso(b.start),
          mentions: b.mentions,
          authors: b.authors,
          newAuthors: b.newAuthors,
          cumulativeAuthors: b.cumulativeAuthors,
        }));
      views.push(view);
    }
    return { from: iso(scope.from), to: iso(scope.to), granularity, timezone: scope.timezone, objectives: views, ...finality(objectives) };
  }

  /**
   * SPEC §4: a key that may not see confidential groups gets no keyword-derived figure of one: a
   * `group=` naming a confidential (or placeholder) group is answered as an unknown group.
   */
  private async refuseConfidentialGroup(scope: Scope, group: string | undefined): Promise<void> {
    if (scope.groupIds === null || group === undefined) return;
    const stored = await row(
      this.db,
      sql<{ visibility: string | null }>`SELECT visibility FROM groups WHERE network_id = ${scope.networkId} AND id = ${scope.groupIds[0]}`,
    );
    if (isConfidentialGroup(stored.visibility)) throw new NotFound(`No group "${group}" in this network`);
  }

  async drift(principal: Principal, networkKey: string, query: DriftQuery): Promise<AlignmentDriftPage> {
    const scope = await this.scopes.resolve(networkKey, query);
    const seeAll = canSeeConfidential(principal, networkKey);
    const previous: Scope = { ...scope, from: new Date(2 * scope.from.getTime() - scope.to.getTime()), to: scope.from };
    const groups = await this.scopes.groupsOf(scope.networkId);
    const [contributions, aligned, previousContributions, previousAligned] = [
      await contributionsByGroup(this.db, scope),
      await alignedByGroup(this.db, scope),
      await contributionsByGroup(this.db, previous),
      await alignedByGroup(this.db, previous),
    ];
    // keyword counts of a confidential group would reveal its text (SPEC §4): its row is left out
    const driftRows: AlignmentDriftRowView[] = groups
      .filter((g) => seeAll || !isConfidentialGroup(g.visibility))
      .map((g) => {
        const rate = ratio(aligned.get(g.id) ?? 0, contributions.get(g.id) ?? 0);
        const previousRate = ratio(previousAligned.get(g.id) ?? 0, previousContributions.get(g.id) ?? 0);
        return {
          group: g.externalId,
          name: g.name,
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
    driftRows.sort((a, b) => (a.change === null ? (b.change === null ? 0 : 1) : b.change === null ? -1 : a.change - b.change));
    const { items, nextCursor } = offsetPage(driftRows, query);
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

/** The SPEC §3.9 totals of an objective: the counts and their shares. */
function adoptionFigures(t: AdoptionTotals): Omit<AdoptionObjectiveView, 'key' | 'name' | 'series'> {
  return {
    mentions: t.mentions,
    authors: t.authors,
    departments: t.departments,
    pulled: t.pulled,
    pushed: t.pushed,
    pullShare: ratio(t.pulled, t.mentions),
    pushShare: ratio(t.pushed, t.mentions),
    organicReach: t.organicReach,
    firstMentionAt: t.firstMentionAt === null ? null : iso(t.firstMentionAt),
  };
}
