import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { offsetPage } from '../common/pagination/pagination';
import { resolveWindow } from '../common/validation/window-limits';
import { rows, sql } from '../database/sql';
import { canAccessNetwork, canSeeConfidential, isConfidentialGroup, Principal } from '../governance/principal';
import { ComparisonQuery } from './dto/comparison.dto';
import { DEFAULT_WINDOW_DAYS, Scope, ScopeResolver } from './indicator-scope';
import { ratio, seconds } from '../common/numbers';
import { byCodePoint } from '../common/sorting';
import { ActivitySummary, activitySummary, activitySummaryByGroup } from './queries/activity.query';
import {
  confidentialShare,
  finality,
  KeywordSetCount,
  keywordSetCounts,
  keywordSetCountsByGroup,
  ObjectiveInForce,
  objectivesInForce,
  tally,
  withoutHidden,
} from './queries/alignment.query';
import { groupsWithActiveLeader, leaderContributions, leadersOf } from './queries/leader.query';
import { responsiveness, responsivenessByGroupQuery, ResponsivenessRow } from './queries/responsiveness.query';

export type ComparisonRow = Record<string, unknown> & { rank: number | null };

export interface ComparisonPage {
  from: string;
  to: string;
  /** false while an objective in force for these networks is being re-matched (alignment figures not final yet) */
  alignmentFinal: boolean;
  sort: string;
  order: 'asc' | 'desc';
  items: ComparisonRow[];
  nextCursor: string | null;
}

/**
 * SPEC §3.7: one row per group, leader, department or network over the same window, each with the
 * §3.1 totals of its scope, responseRate, medianTimeToFirstResponse and alignmentRate (from the same query modules
 * as the single-scope endpoints, so the numbers agree), sorted with a rank for the sort field.
 */
@Injectable()
export class ComparisonsService {
  constructor(
    @InjectEntityManager() private readonly db: EntityManager,
    private readonly scopes: ScopeResolver,
  ) {}

  /**
   * One row per group of the network. Each figure family is read for every group at once (one query
   * partitioned by group, the same rules as the single-scope queries), not once per group: the same
   * numbers as scopeFigures with that group.
   */
  async groups(principal: Principal, networkKey: string, query: ComparisonQuery, now = new Date()): Promise<ComparisonPage> {
    const base = await this.scopes.resolve(networkKey, { ...query, group: undefined }, now);
    const seeAll = canSeeConfidential(principal, networkKey);
    const [groups, objectives, summaries, responsiveness, keywordSets, leadersActive] = await Promise.all([
      this.scopes.groupsOf(base.networkId),
      objectivesInForce(this.db, base.networkId),
      activitySummaryByGroup(this.db, base),
      rows(this.db, responsivenessByGroupQuery(base, now)),
      keywordSetCountsByGroup(this.db, base),
      groupsWithActiveLeader(this.db, base.networkId, base.to),
    ]);
    const responsivenessOf = new Map(responsiveness.map((r) => [r.groupId, r]));
    const results: ComparisonRow[] = groups.map((g) => {
      const hidden = !seeAll && isConfidentialGroup(g.visibility);
      const sets = hidden ? null : (keywordSets.get(g.id) ?? []);
      return {
        group: g.externalId,
        name: hidden ? null : g.name,
        visibility: g.visibility,
        ...figures(summaries(g.id), responsivenessOf.get(g.id) ?? NO_ROOTS, sets === null ? null : { sets, hiddenContributions: 0 }, objectives),
        leaderInactive: !leadersActive.has(g.id),
        rank: null,
      };
    });
    return page(base, results, query, finality(objectives).final);
  }

  async leaders(principal: Principal, networkKey: string, query: ComparisonQuery, now = new Date()): Promise<ComparisonPage> {
    const base = await this.scopes.resolve(networkKey, { ...query, group: undefined }, now);
    const objectives = await objectivesInForce(this.db, base.networkId);
    const results: ComparisonRow[] = [];
    // naming the leaders of a confidential group names its members (SPEC §4): those groups are left out of the rows
    for (const leader of await leadersOf(this.db, base.networkId, canSeeConfidential(principal, networkKey))) {
      const scope = { ...base, groupIds: leader.groupIds }; // groups a key may see: nothing confidential in them
      results.push({
        member: leader.externalId,
        displayName: leader.displayName,
        department: leader.department,
        groupsLed: leader.groupIds.length,
        ...(await leaderContributions(this.db, scope, leader.memberId)),
        ...(await this.scopeFigures(scope, now, objectives, 'all')),
        rank: null,
      });
    }
    return page(base, results, query, finality(objectives).final);
  }

  async departments(principal: Principal, networkKey: string, query: ComparisonQuery, now = new Date()): Promise<ComparisonPage> {
    const seeAll = canSeeConfidential(principal, networkKey);
    const base = await this.scopes.resolve(networkKey, { ...query, group: undefined, department: undefined }, now);
    const departments = await rows(
      this.db,
      sql<{ department: string }>`SELECT DISTINCT m.department FROM network_members nm JOIN members m ON m.id = nm.member_id
       WHERE nm.network_id = ${base.networkId} AND m.department IS NOT NULL
       UNION
       SELECT DISTINCT m.department FROM activities a JOIN members m ON m.id = a.author_id
       WHERE a.network_id = ${base.networkId} AND a.deleted_at IS NULL AND a.occurred_at >= ${base.from} AND a.occurred_at < ${base.to} AND m.department IS NOT NULL`,
    );
    const objectives = await objectivesInForce(this.db, base.networkId);
    const results: ComparisonRow[] = [];
    for (const { department } of departments.sort((a, b) => byCodePoint(a.department, b.department))) {
      results.push({ department, ...(await this.scopeFigures({ ...base, department }, now, objectives, seeAll ? 'all' : 'visible')), rank: null });
    }
    return page(base, results, query, finality(objectives).final);
  }

  async networks(principal: Principal, query: ComparisonQuery, now = new Date()): Promise<ComparisonPage> {
    // the window's bounds hold even when the key sees no network (window-limits.ts)
    const window = resolveWindow(query, now, DEFAULT_WINDOW_DAYS);
    const all = await rows(this.db, sql<{ key: string; name: string }>`SELECT key, name FROM networks ORDER BY key`);
    const visible = all.filter((n) => canAccessNetwork(principal, n.key));
    const results: ComparisonRow[] = [];
    let final = true;
    for (const n of visible) {
      const scope = await this.scopes.resolve(n.key, { ...query, group: undefined }, now);
      const objectives = await objectivesInForce(this.db, scope.networkId);
      final &&= finality(objectives).final;
      const alignment = canSeeConfidential(principal, n.key) ? 'all' : 'visible';
      results.push({ network: n.key, name: n.name, ...(await this.scopeFigures(scope, now, objectives, alignment)), rank: null });
    }
    return page(window, results, query, final);
  }

  /**
   * The §3.1 totals of a scope plus responseRate, medianTimeToFirstResponse and the §3.6 alignment.
   * `alignment` says which contributions the keyword-derived figures are over (SPEC §4): 'all';
   * 'visible', without the confidential ones (a key that may not see them; alignmentRate is then
   * over the visible contributions); 'withheld', none (a confidential group's row for such a key:
   * alignedContributions and alignmentRate are null).
   */
  private async scopeFigures(
    scope: Scope,
    now: Date,
    objectives: ObjectiveInForce[],
    alignment: 'all' | 'visible' | 'withheld',
  ): Promise<Record<string, unknown>> {
    const r = await responsiveness(this.db, scope, now);
    const summary = await activitySummary(this.db, scope);
    if (alignment === 'withheld') return figures(summary, r, null, objectives);
    const hidden = alignment === 'visible' ? await confidentialShare(this.db, scope) : { contributions: 0, sets: [] };
    return figures(
      summary,
      r,
      { sets: withoutHidden(await keywordSetCounts(this.db, scope), hidden.sets), hiddenContributions: hidden.contributions },
      objectives,
    );
  }
}

/** A scope's §3.1 totals, §3.3 roots of the window (roots 0 when it has none). */
const NO_ROOTS = { roots: 0, respondedRoots: 0, medianTimeToFirstResponse: null };

/**
 * The figures of a comparison row from the scope's totals, responsiveness and keyword sets (null:
 * alignment withheld; the hidden contributions already taken out of the sets are taken out of the
 * denominator too).
 */
function figures(
  summary: ActivitySummary,
  r: Pick<ResponsivenessRow, 'roots' | 'respondedRoots' | 'medianTimeToFirstResponse'>,
  alignment: { sets: KeywordSetCount[]; hiddenContributions: number } | null,
  objectives: ObjectiveInForce[],
): Record<string, unknown> {
  const aligned = alignment === null ? null : tally(alignment.sets, objectives).alignedContributions;
  return {
    ...summary,
    responseRate: ratio(r.respondedRoots, r.roots),
    medianTimeToFirstResponse: seconds(r.medianTimeToFirstResponse),
    alignedContributions: aligned,
    alignmentRate: alignment === null ? null : ratio(aligned as number, summary.contributions - alignment.hiddenContributions),
  };
}

/**
 * Sorts by `sort` (nulls last whatever the order), gives competition ranks (equal values share a
 * rank, the next rank skips: 1, 2, 2, 4; null values get no rank) and cuts one page.
 */
function page(window: { from: Date; to: Date }, rows: ComparisonRow[], query: ComparisonQuery, alignmentFinal: boolean): ComparisonPage {
  const sort = query.sort ?? 'contributions';
  const order = query.order ?? 'desc';
  const value = (r: ComparisonRow) => r[sort] as number | null | undefined;
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const [x, y] = [value(a.r), value(b.r)];
      if (x == null || y == null) return x == null && y == null ? a.i - b.i : x == null ? 1 : -1;
      return x === y ? a.i - b.i : order === 'asc' ? x - y : y - x;
    })
    .map(({ r }) => r);
  sorted.forEach((r, i) => {
    const v = value(r);
    r.rank = v == null ? null : i > 0 && value(sorted[i - 1]) === v ? sorted[i - 1].rank : i + 1;
  });
  const { items, nextCursor } = offsetPage(sorted, query);
  return { from: window.from.toISOString(), to: window.to.toISOString(), alignmentFinal, sort, order, items, nextCursor };
}
