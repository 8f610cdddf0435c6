import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-errors';
import { MAX_PAGE_SIZE } from '../common/pagination/pagination';
import { byCodePoint, byFrequency } from '../common/sorting';
import { normaliseTokens } from '../common/text/normalise';
import { isCalendarDate, localDate } from '../common/validation/calendar-date';
import { checkDay } from '../common/validation/window-limits';
import { ratio, round } from '../common/numbers';
import { canSeeConfidential, isConfidentialGroup, Principal } from '../governance/principal';
import { AlignmentIndicatorsService } from '../indicators/alignment.service';
import { ComparisonsService } from '../indicators/comparisons.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { NetworksService } from '../networks/networks.service';
import { ExpertsService } from '../people/experts.service';
import type { AnimatorCandidateView } from '../people/dto/people-views.dto';
import { TopicsService } from '../topics/topics.service';
import { AdjustmentKind, AdjustmentView, DimensionView, GroupHealthView, HealthQuery, HealthScorecardView, SuggestionView } from './dto/health-scorecard.dto';
import { DIMENSION_KEYS, DimensionKey, DIMENSIONS, HealthPolicy, Status, statusOf, thresholdOf, worst } from './health-policy';
import { HealthPolicyService } from './health-policy.service';
import { activityTags, GroupMemberRow, groupMembers, networkMembersAmong, scorecardWindow } from './queries/scorecard.query';
import { OBSERVED_EXPERT_MIN_SCORE } from '../indicators/metrics.registry';

const iso = (d: Date) => d.toISOString();
const day = (d: Date, timezone: string) => localDate(d, timezone);
const percent = (r: number) => `${round(r * 100, 1)} %`;

/** At most this many suggestions per adjustment. */
export const MAX_SUGGESTIONS = 3;
/** At most this many tags of unanswered questions are looked up for experts, the most frequent first. */
const MAX_TAGS = 5;

const HIGH_PRIORITY: ReadonlySet<AdjustmentKind> = new Set(['revive-leadership', 'answer-unanswered', 'treat-emerging-problem']);

/** A comparisons/groups row (SPEC §3.7): the §3.1 totals, responsiveness, alignment, leaderInactive. */
interface GroupRow {
  group: string;
  name: string | null;
  visibility: string | null;
  contributions: number;
  members: number;
  participationRate: number | null;
  growth: number | null;
  medianTimeToFirstResponse: number | null;
  alignmentRate: number | null;
  leaderInactive: boolean;
}

/** The figures of one scope (the network or a group) in one window, by dimension. */
type Figures = Record<DimensionKey, number | null> & { judged: Partial<Record<DimensionKey, boolean>> };

interface Unanswered {
  count: number;
  oldest: { externalId: string; occurredAt: string } | null;
  questions: string[];
}

interface Adjustment extends AdjustmentView {
  /** The people or contributions concerned: orders adjustments of one priority. */
  size: number;
}

/**
 * The health scorecard and its recommended adjustments (SPEC §3.10). Every figure comes from the
 * indicator services the endpoints use, over the same window (IndicatorsService, ComparisonsService,
 * AlignmentIndicatorsService, TopicsService, ExpertsService), so each value and each evidence figure
 * equals what its endpoint answers for that window and scope; the groups' bus factor and E-I index are
 * read for every group at once (IndicatorsService.byGroup), as the comparison rows are.
 *
 * Confidential groups (SPEC §4): for a key that may not see them they have no row in `groups`, no
 * adjustment and no suggestion; network-wide figures count them as totals do (activity,
 * participation, responsiveness, unanswered, concentration, diffusion), leave them out where the
 * figure derives from text (alignment; emerging topics and question tags already leave confidential
 * contributions out for every key), and `leadership` counts the groups shown.
 */
@Injectable()
export class HealthScorecardService {
  constructor(
    @InjectEntityManager() private readonly db: EntityManager,
    private readonly networks: NetworksService,
    private readonly policies: HealthPolicyService,
    private readonly indicators: IndicatorsService,
    private readonly comparisons: ComparisonsService,
    private readonly alignments: AlignmentIndicatorsService,
    private readonly topics: TopicsService,
    private readonly experts: ExpertsService,
  ) {}

  async scorecard(principal: Principal, networkKey: string, query: HealthQuery, now = new Date()): Promise<HealthScorecardView> {
    const network = await this.networks.require(networkKey);
    const at = query.at ?? localDate(now, network.timezone);
    if (!isCalendarDate(at)) throw new ValidationFailed([{ path: 'at', message: `at ${at} is not a calendar date` }]);
    checkDay('at', at);
    const { from, to } = await scorecardWindow(this.db, at, network.timezone);
    const previousFrom = new Date(2 * from.getTime() - to.getTime());
    const current = { from: iso(from), to: iso(to) };
    const previous = { from: iso(previousFrom), to: iso(from) };
    const both = <T>(read: (window: { from: string; to: string }) => Promise<T>): Promise<[T, T]> => Promise.all([read(current), read(previous)]);
    const { policy } = await this.policies.effective(network.id);
    const seeAll = canSeeConfidential(principal, networkKey);

    // the network's figures, each from its endpoint's service, in both windows, the groups (comparison rows: the §3.1
    // totals, responsiveness, alignment, leaderInactive; unanswered questions, bus factor and interactions), the emerging
    // topics and the expertise coverage; independent reads, run together (on PostgreSQL each takes a pool connection;
    // the embedded database runs them one after another)
    const [
      [activity, previousActivity],
      [responsiveness, previousResponsiveness],
      [concentration, previousConcentration],
      [diffusion, previousDiffusion],
      [alignment, previousAlignment],
      [allRows, previousRowList],
      [unanswered, previousUnanswered],
      [byGroup, previousByGroup],
      emerging,
      coverage,
    ] = await Promise.all([
      both((w) => this.indicators.activity(networkKey, { ...w, granularity: 'month' })),
      both((w) => this.indicators.responsiveness(networkKey, w, now)),
      both((w) => this.indicators.concentration(networkKey, w)),
      both((w) => this.indicators.diffusion(networkKey, w)),
      both((w) => this.alignments.alignment(principal, networkKey, { ...w, granularity: 'month' })),
      both((w) => this.groupRows(principal, networkKey, w, now)),
      both((w) => this.unansweredByGroup(principal, networkKey, w, now)),
      both((w) => this.indicators.byGroup(networkKey, w)),
      this.topics.emerging(networkKey, { at, window: '7d', limit: MAX_PAGE_SIZE }, now),
      this.experts.coverage(principal, networkKey, { ...current, limit: MAX_PAGE_SIZE }),
    ]);
    const objectivesInForce = alignment.objectives.length > 0;
    const visible = (g: { visibility: string | null }) => seeAll || !isConfidentialGroup(g.visibility);
    const rows = allRows.filter(visible);
    const previousRows = new Map(previousRowList.map((r) => [r.group, r]));
    const [busFactors, previousBusFactors] = [byGroup.concentration, previousByGroup.concentration];
    const [interactions, previousInteractions] = [byGroup.diffusion, previousByGroup.diffusion];

    const networkFigures = (
      a: typeof activity,
      r: typeof responsiveness,
      c: typeof concentration,
      d: typeof diffusion,
      al: typeof alignment,
      leaderInactive: number,
      previousContributions: number,
    ): Figures => ({
      activity: a.totals.growth,
      participation: a.totals.participationRate,
      responsiveness: r.medianTimeToFirstResponse,
      unanswered: r.unansweredQuestions,
      leadership: leaderInactive,
      concentration: c.busFactor,
      alignment: al.alignmentRate,
      diffusion: d.eiIndex,
      judged: {
        activity: previousContributions >= policy.minContributions,
        concentration: c.contributors >= policy.minContributors,
        alignment: objectivesInForce && al.contributions >= policy.minContributions,
        diffusion: d.interactions >= policy.minInteractions,
      },
    });
    const inactiveNow = rows.filter((r) => r.leaderInactive).length;
    const inactiveBefore = rows.filter((r) => previousRows.get(r.group)?.leaderInactive).length;
    const dimensions = dimensionViews(
      policy,
      networkFigures(activity, responsiveness, concentration, diffusion, alignment, inactiveNow, previousActivity.totals.contributions),
      networkFigures(previousActivity, previousResponsiveness, previousConcentration, previousDiffusion, previousAlignment, inactiveBefore, 0),
    );

    const groupFigures = (
      g: GroupRow | undefined,
      name: string,
      u: Map<string | null, Unanswered>,
      bf: typeof busFactors,
      ix: typeof interactions,
      prior?: GroupRow,
    ): Figures => {
      const c = bf.get(name);
      const i = ix.get(name);
      return {
        activity: g?.growth ?? null,
        participation: g?.participationRate ?? null,
        responsiveness: g?.medianTimeToFirstResponse ?? null,
        unanswered: u.get(name)?.count ?? 0,
        leadership: g === undefined ? null : g.leaderInactive ? 1 : 0,
        concentration: c?.busFactor ?? 0,
        alignment: g?.alignmentRate ?? null,
        diffusion: i === undefined ? null : ratio(2 * i.cross - i.interactions, i.interactions),
        judged: {
          activity: (prior?.contributions ?? 0) >= policy.minContributions,
          concentration: (c?.contributors ?? 0) >= policy.minContributors,
          alignment: objectivesInForce && (g?.contributions ?? 0) >= policy.minContributions,
          diffusion: (i?.interactions ?? 0) >= policy.minInteractions,
        },
      };
    };
    const groups: GroupHealthView[] = rows
      .map((g) => {
        const prior = previousRows.get(g.group);
        const dims = dimensionViews(
          policy,
          groupFigures(g, g.group, unanswered, busFactors, interactions, prior),
          groupFigures(prior, g.group, previousUnanswered, previousBusFactors, previousInteractions),
        );
        return { group: g.group, name: g.name, visibility: g.visibility, status: worst(dims.map((d) => d.status as Status)), dimensions: dims };
      })
      .sort((a, b) => rank(b.status) - rank(a.status) || byCodePoint(a.group, b.group));

    // adjustments
    const label = (g: GroupRow) => g.name ?? g.group;
    const adjustments: Adjustment[] = [];
    const add = (kind: AdjustmentKind, idTail: string, a: Omit<Adjustment, 'id' | 'kind' | 'priority'>) =>
      adjustments.push({ id: `${kind}:${idTail}`, kind, priority: HIGH_PRIORITY.has(kind) ? 'high' : 'medium', ...a });
    // the groups whose adjustment suggests animators (an inactive leadership, a dependency on few
    // contributors): their members and leaders in one read, and the candidates only if one fires
    const animatorGroups = rows.filter((g) => g.leaderInactive || dependsOnFew(busFactors.get(g.group), policy)).map((g) => g.group);
    const [candidateList, memberRows] = await Promise.all([
      animatorGroups.length > 0 ? this.animatorCandidates(principal, networkKey) : Promise.resolve([]),
      groupMembers(this.db, network.id, animatorGroups, to),
    ]);
    const membersOf = new Map<string, GroupMemberRow[]>();
    for (const m of memberRows) membersOf.set(m.group, [...(membersOf.get(m.group) ?? []), m]);
    const animatorsFor = (g: GroupRow) => suggestAnimators(g, candidateList, membersOf.get(g.group) ?? []);
    const untilDay = day(new Date(to.getTime() - 1), network.timezone);
    const fromDay = day(from, network.timezone);

    for (const g of rows.filter((r) => r.leaderInactive)) {
      add('revive-leadership', `group:${g.group}`, {
        scope: { group: g.group },
        title: `Revive the leadership of ${label(g)}`,
        detail:
          `No leader of ${label(g)} wrote anything in it during the 28 days to ${untilDay}. ` +
          `It has ${g.members} members and ${g.contributions} contributions in the window. Ask a leader to come back, or give the group a new animator.`,
        evidence: { leaderInactive: true, members: g.members, contributions: g.contributions },
        suggestions: animatorsFor(g),
        size: g.members,
      });
    }

    const unansweredScopes: { group: GroupRow | null; u: Unanswered }[] = [];
    for (const g of rows) {
      const u = unanswered.get(g.group);
      if (u !== undefined && u.count >= policy.unansweredMin) unansweredScopes.push({ group: g, u });
    }
    const noGroup = unanswered.get(null);
    if (noGroup !== undefined && noGroup.count >= policy.unansweredMin) unansweredScopes.push({ group: null, u: noGroup });
    const tagsOf = new Map(
      (
        await activityTags(
          this.db,
          network.id,
          unansweredScopes.flatMap((s) => s.u.questions),
        )
      ).map((r) => [r.externalId, r.tags ?? []]),
    );
    for (const { group, u } of unansweredScopes) {
      const where = group === null ? 'without a group' : `in ${label(group)}`;
      add('answer-unanswered', group === null ? 'no-group' : `group:${group.group}`, {
        scope: { group: group === null ? null : group.group },
        title: `Answer the ${u.count} unanswered questions ${where}`,
        detail:
          `${u.count} questions asked ${where} between ${fromDay} and ${untilDay} have had no reply for more than 48 hours; ` +
          `the oldest, ${u.oldest?.externalId}, since ${u.oldest?.occurredAt}. Point them to people who know the subject.`,
        evidence: { unansweredQuestions: u.count, oldestUnanswered: u.oldest?.externalId ?? null, oldestUnansweredAt: u.oldest?.occurredAt ?? null },
        suggestions: await this.expertsOn(principal, network.id, byFrequency(u.questions.flatMap((q) => tagsOf.get(q) ?? []))),
        size: u.count,
      });
    }

    for (const t of emerging.items.filter((i) => i.kind === 'problem')) {
      add('treat-emerging-problem', `term:${t.term}`, {
        scope: { term: t.term },
        title: `Look into the emerging problem “${t.term}”`,
        detail:
          `“${t.term}” came up in ${t.mentions} contributions by ${t.authors} members in the 7 days to ${at}, ${t.questions} of them questions, ` +
          `against ${t.baseline} a week on average before. Find out what is wrong and answer it once for everyone.`,
        evidence: { mentions: t.mentions, authors: t.authors, questions: t.questions, baseline: t.baseline, score: t.score },
        suggestions: await this.expertsOn(principal, network.id, [t.term]),
        size: t.mentions,
      });
    }

    if (objectivesInForce) {
      for (const g of rows) {
        const prior = previousRows.get(g.group);
        if (prior === undefined || g.alignmentRate === null || prior.alignmentRate === null) continue;
        if (g.contributions < policy.minContributions || prior.contributions < policy.minContributions) continue;
        const change = round(g.alignmentRate - prior.alignmentRate, 4);
        if (-change < policy.alignmentDrop) continue;
        add('realign-group', `group:${g.group}`, {
          scope: { group: g.group },
          title: `Realign ${label(g)} with the business objectives`,
          detail:
            `The share of ${label(g)}'s contributions that match a business objective fell from ${percent(prior.alignmentRate)} to ${percent(g.alignmentRate)} ` +
            `(${g.contributions} contributions in the window, ${prior.contributions} in the 28 days before). Bring the objectives back into its conversations.`,
          evidence: {
            alignmentRate: g.alignmentRate,
            previousAlignmentRate: prior.alignmentRate,
            change,
            contributions: g.contributions,
            previousContributions: prior.contributions,
          },
          suggestions: [],
          size: g.contributions,
        });
      }
    }

    for (const g of rows) {
      const c = busFactors.get(g.group);
      if (c === undefined || !dependsOnFew(c, policy)) continue;
      add('reduce-dependency', `group:${g.group}`, {
        scope: { group: g.group },
        title: `Reduce ${label(g)}'s dependency on ${c.busFactor === 1 ? 'one contributor' : `${c.busFactor} contributors`}`,
        detail:
          `In ${label(g)}, ${c.busFactor} of its ${c.contributors} contributors wrote half of the ${c.contributions} contributions of the window. ` +
          `Bring others to contribute so that the group does not depend on ${c.busFactor === 1 ? 'one person' : 'so few'}.`,
        evidence: { contributors: c.contributors, contributions: c.contributions, busFactor: c.busFactor },
        suggestions: animatorsFor(g),
        size: c.contributions,
      });
    }

    for (const d of diffusion.departments) {
      if (d.interactions < policy.minInteractions || d.eiIndex === null || d.eiIndex > policy.siloEi) continue;
      add('open-silo', `department:${d.department}`, {
        scope: { department: d.department },
        title: `Open the ${d.department} silo`,
        detail:
          `${d.department}'s ${d.interactions} interactions of the window stay mostly inside the department (E-I index ${d.eiIndex}). ` +
          `Pair its members with other departments on shared questions.`,
        evidence: { interactions: d.interactions, eiIndex: d.eiIndex },
        suggestions: [],
        size: d.interactions,
      });
    }

    for (const c of coverage.items) {
      const questions = c.questions;
      if (questions < policy.unansweredMin || !c.noExpert) continue;
      add('cover-expertise', `term:${c.topicKey}`, {
        scope: { term: c.topic },
        title: `Find expertise on “${c.topic}”`,
        detail:
          `${questions} questions were tagged “${c.topic}” between ${fromDay} and ${untilDay}, and no member of the network declared or showed expertise on it. ` +
          `Find someone who knows the subject, inside or outside the network.`,
        evidence: { questions, declaredExperts: c.declaredExperts, observedExperts: c.observedExperts },
        suggestions: [],
        size: questions,
      });
    }

    const declining = (g: GroupRow | null, growth: number | null, contributions: number, previousContributions: number) => {
      if (growth === null || growth > policy.declineMax || previousContributions < policy.minContributions) return;
      const where = g === null ? 'the network' : label(g);
      add('declining-activity', g === null ? 'network' : `group:${g.group}`, {
        scope: g === null ? {} : { group: g.group },
        title: `Activity is declining in ${where}`,
        detail:
          `${where} had ${contributions} contributions between ${fromDay} and ${untilDay}, against ${previousContributions} in the 28 days before ` +
          `(${percent(growth)}). Find out what its members are missing and bring them back.`,
        evidence: { contributions, previousContributions, growth },
        suggestions: [],
        size: previousContributions - contributions,
      });
    };
    declining(null, activity.totals.growth, activity.totals.contributions, previousActivity.totals.contributions);
    for (const g of rows) declining(g, g.growth, g.contributions, previousRows.get(g.group)?.contributions ?? 0);

    adjustments.sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'high' ? -1 : 1) || b.size - a.size || byCodePoint(a.id, b.id));
    return {
      network: networkKey,
      at,
      timezone: network.timezone,
      from: current.from,
      to: current.to,
      previousFrom: previous.from,
      status: worst(dimensions.map((d) => d.status as Status)),
      dimensions,
      groups,
      adjustments: adjustments.map(({ size: _size, ...a }) => a),
      alignmentFinal: alignment.final,
    };
  }

  /** Every group's comparison row over a window (all pages). */
  private async groupRows(principal: Principal, networkKey: string, window: { from: string; to: string }, now: Date): Promise<GroupRow[]> {
    const out: GroupRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.comparisons.groups(principal, networkKey, { ...window, limit: MAX_PAGE_SIZE, cursor }, now);
      out.push(...(page.items as unknown as GroupRow[]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return out;
  }

  /** The unanswered questions of a window (the §3.3 list, all pages), by group externalId (null: no group). */
  private async unansweredByGroup(
    principal: Principal,
    networkKey: string,
    window: { from: string; to: string },
    now: Date,
  ): Promise<Map<string | null, Unanswered>> {
    const byGroup = new Map<string | null, Unanswered>();
    let cursor: string | undefined;
    do {
      const page = await this.indicators.unanswered(principal, networkKey, { ...window, limit: MAX_PAGE_SIZE, cursor }, now);
      for (const q of page.items) {
        const u = byGroup.get(q.group) ?? { count: 0, oldest: null, questions: [] };
        u.count++;
        u.oldest ??= { externalId: q.externalId, occurredAt: q.occurredAt }; // the list is oldest first
        u.questions.push(q.externalId);
        byGroup.set(q.group, u);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return byGroup;
  }

  private async animatorCandidates(principal: Principal, networkKey: string): Promise<AnimatorCandidateView[]> {
    return (await this.experts.animatorCandidates(principal, networkKey, { limit: MAX_PAGE_SIZE })).items;
  }

  /** Observed experts (observed score ≥ OBSERVED_EXPERT_MIN_SCORE) among the network's members on these topics, in order, each member once. */
  private async expertsOn(principal: Principal, networkId: number, topics: string[]): Promise<SuggestionView[]> {
    const found: { member: string; reason: string }[] = [];
    for (const topic of topics.filter((t) => normaliseTokens(t).length > 0).slice(0, MAX_TAGS)) {
      const page = await this.experts.experts(principal, { topic, limit: 20 });
      const observed = page.items.filter((e) => e.observed.score >= OBSERVED_EXPERT_MIN_SCORE);
      const members = await networkMembersAmong(
        this.db,
        networkId,
        observed.map((e) => e.member),
      );
      for (const e of observed) {
        if (!members.has(e.member) || found.some((f) => f.member === e.member)) continue;
        found.push({
          member: e.member,
          reason: `Observed expert on “${topic}”: ${e.observed.acceptedAnswers} accepted answers, ${e.observed.replies} replies, ${e.observed.peopleHelped} people helped`,
        });
      }
      if (found.length >= MAX_SUGGESTIONS) break;
    }
    return found.slice(0, MAX_SUGGESTIONS);
  }
}

/**
 * The best animator candidates (people index ranking) who are members of the group, never one of its
 * leaders; when none is a member, the best of the network who do not lead it. `members`: the group's
 * members and leaders (groupMembers).
 */
function suggestAnimators(g: GroupRow, candidates: AnimatorCandidateView[], members: GroupMemberRow[]): SuggestionView[] {
  if (candidates.length === 0) return [];
  const leaders = new Set(members.filter((m) => m.leader).map((m) => m.member));
  const inGroup = new Set(members.filter((m) => !m.leader).map((m) => m.member));
  const reasonOf = (c: AnimatorCandidateView) =>
    `animator candidate #${c.rank} of the network: helped ${c.evidence.peopleHelped} people, ${c.evidence.acceptedAnswers} accepted answers`;
  const ofGroup = candidates.filter((c) => inGroup.has(c.member));
  if (ofGroup.length > 0) return ofGroup.slice(0, MAX_SUGGESTIONS).map((c) => ({ member: c.member, reason: `Member of ${g.name ?? g.group}; ${reasonOf(c)}` }));
  return candidates
    .filter((c) => !leaders.has(c.member))
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => ({ member: c.member, reason: `No candidate is a member of ${g.name ?? g.group}; ${reasonOf(c)}` }));
}

/** The reduce-dependency rule: enough contributors to judge, and half the contributions written by at most busFactorMax of them. */
function dependsOnFew(c: { contributors: number; busFactor: number } | undefined, policy: HealthPolicy): boolean {
  return c !== undefined && c.contributors >= policy.minContributors && c.busFactor <= policy.busFactorMax;
}

function dimensionViews(policy: HealthPolicy, now: Figures, before: Figures): DimensionView[] {
  return DIMENSION_KEYS.map((key) => {
    const status = statusOf(key, now[key], policy.dimensions[key], now.judged[key] ?? true);
    return { key, status, value: now[key], previous: before[key], threshold: thresholdOf(status, policy.dimensions[key]), metric: DIMENSIONS[key].metric };
  });
}

function rank(status: string): number {
  return status === 'act' ? 2 : status === 'watch' ? 1 : 0;
}
