import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseTokens } from '../common/text/normalise';
import { Forbidden, ValidationFailed } from '../common/errors/domain-errors';
import { decodeCursor, encodeCursor, offsetPage } from '../common/pagination/pagination';
import { resolveWindow } from '../common/validation/window-limits';
import { row, sql } from '../database/sql';
import { AuditService, membersRead } from '../governance/audit.service';
import { canSeeConfidential, isConfidentialGroup, networkLimit, Principal } from '../governance/principal';
import { ratio, round, seconds } from '../common/numbers';
import { byCodePoint } from '../common/sorting';
import { ScopeResolver } from '../indicators/indicator-scope';
import { NetworksService } from '../networks/networks.service';
import { AnimatorCandidatePage, AnimatorQuery, CoveragePage, CoverageQuery, ExpertPage, ExpertsQuery, PeopleIndexRunView } from './dto/people-views.dto';
import { ANIMATOR_WINDOW_DAYS, PeopleIndexService } from './people-index.service';
import { AnimatorCandidateRow, animatorCandidates, candidateMembers } from './queries/animator-candidates.query';
import { compareExperts, expertsOn, indexComputedAt, observedScore, unindexedNetworks } from './queries/experts.query';
import { expertiseCoverage } from './queries/expertise-coverage.query';
import { OBSERVED_EXPERT_MIN_SCORE } from '../indicators/metrics.registry';

/** Expertise coverage's window when `from` is not given: the year before `to`. */
const COVERAGE_DEFAULT_DAYS = 365;

/** Expert finder, expertise coverage and animator candidates (SPEC §3.8), read from the people index. */
@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly networks: NetworksService,
    private readonly scopes: ScopeResolver,
    private readonly index: PeopleIndexService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The three reads below are audited for every key (they list members, or a network's expertise
   * gaps): the filter, the networks read and what came back (README "Audit log").
   */
  async experts(principal: Principal, query: ExpertsQuery): Promise<ExpertPage> {
    const topic = normaliseTokens(query.topic).join(' ');
    if (topic === '') throw new ValidationFailed([{ path: 'topic', message: 'topic must hold at least one letter or digit' }]);
    const networks = networkLimit(principal);
    // never from no index: a network not indexed yet (just created and loaded) is indexed first
    await this.index.ensureIndexed(await unindexedNetworks(this.db.manager, networks));
    const ranked = (await expertsOn(this.db.manager, topic, networks))
      .map((r) => ({ r, externalId: r.externalId, declaredLevel: r.declaredLevel, observed: observedScore(r) }))
      .sort(compareExperts);
    const page = offsetPage(ranked, query);
    const result: ExpertPage = {
      // as asked (trimmed), not its normalised key: "kubernetes", not "kubernete"
      topic: query.topic.trim(),
      computedAt: (await indexComputedAt(this.db.manager, networks))?.toISOString() ?? null,
      items: page.items.map(({ r, observed }, i) => ({
        rank: page.offset + i + 1,
        member: r.externalId,
        displayName: r.displayName,
        department: r.department,
        rankedBy: observed > 0 ? ('observed' as const) : ('declared' as const),
        score: round(observed, 4),
        declaredLevel: r.declaredLevel,
        declaredAs: r.declaredAs,
        observed: {
          acceptedAnswers: r.acceptedAnswers,
          replies: r.replies,
          reactionsReceived: r.reactionsReceived,
          peopleHelped: r.peopleHelped,
          score: round(observed, 4),
        },
        hiddenExpert: r.declaredLevel === null && observed >= OBSERVED_EXPERT_MIN_SCORE,
      })),
      nextCursor: page.nextCursor,
    };
    await this.audit.record(principal, { action: 'experts.read', details: { topic, networks, ...membersRead(result.items.map((i) => i.member)) } });
    return result;
  }

  async coverage(principal: Principal, networkKey: string, query: CoverageQuery, now = new Date()): Promise<CoveragePage> {
    const network = await this.networks.require(networkKey);
    const { from, to } = resolveWindow(query, now, COVERAGE_DEFAULT_DAYS);
    const rows = await expertiseCoverage(this.db.manager, network.id, from, to);
    const page = offsetPage(rows, query);
    const result: CoveragePage = {
      from: from.toISOString(),
      to: to.toISOString(),
      computedAt: (await indexComputedAt(this.db.manager, [networkKey]))?.toISOString() ?? null,
      items: page.items.map((r) => ({
        ...r,
        resolvedRate: ratio(r.resolvedQuestions, r.questions),
        noExpert: r.declaredExperts === 0 && r.observedExperts === 0,
      })),
      nextCursor: page.nextCursor,
    };
    await this.audit.record(principal, {
      action: 'expertise-coverage.read',
      details: { network: networkKey, from: result.from, to: result.to, topics: result.items.length },
    });
    return result;
  }

  async animatorCandidates(principal: Principal, networkKey: string, query: AnimatorQuery, now = new Date()): Promise<AnimatorCandidatePage> {
    const network = await this.networks.require(networkKey);
    // an explicit window is validated (and its defaults applied) before anything is read
    const window = query.from !== undefined || query.to !== undefined ? resolveWindow(query, now, ANIMATOR_WINDOW_DAYS) : null;
    const groupId = await this.scopes.groupId(network.id, query.group);
    if (groupId !== null && !canSeeConfidential(principal, networkKey)) {
      // listing who replied in a confidential group would name its members (SPEC §4)
      const group = await row(this.db.manager, sql<{ visibility: string | null }>`SELECT visibility FROM groups WHERE id = ${groupId}::bigint`);
      if (isConfidentialGroup(group.visibility)) {
        throw new Forbidden(`Group "${query.group}" is confidential: its members are shown only to admin keys and keys limited to this network`);
      }
    }
    const offset = Number(decodeCursor(query.cursor) ?? 0);
    const limit = query.limit ?? 50;
    if (!window) await this.index.ensureIndexed(await unindexedNetworks(this.db.manager, [networkKey]));
    const computedAt = await indexComputedAt(this.db.manager, [networkKey]);
    const rows = window
      ? await this.windowCandidates(network.id, window, groupId, query.department ?? null, offset, limit + 1)
      : await animatorCandidates(this.db.manager, network.id, groupId, query.department ?? null, offset, limit + 1);
    const indexFrom = computedAt && new Date(computedAt.getTime() - ANIMATOR_WINDOW_DAYS * 86_400_000);
    const result: AnimatorCandidatePage = {
      computedAt: computedAt?.toISOString() ?? null,
      from: (window?.from ?? indexFrom)?.toISOString() ?? null,
      to: (window?.to ?? computedAt)?.toISOString() ?? null,
      items: rows.slice(0, limit).map((r, i) => ({
        rank: offset + i + 1,
        member: r.externalId,
        displayName: r.displayName,
        department: r.department,
        score: round(Number(r.score), 4),
        evidence: {
          peopleHelped: r.peopleHelped,
          departmentsReached: r.departmentsReached,
          groupsReached: r.groupsReached,
          acceptedAnswers: r.acceptedAnswers,
          medianTimeToFirstResponse: seconds(r.medianFirstResponse),
          centrality: round(Number(r.centrality), 6),
        },
      })),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
    };
    const details = {
      network: networkKey,
      group: query.group ?? null,
      department: query.department ?? null,
      from: result.from,
      to: result.to,
      ...membersRead(result.items.map((i) => i.member)),
    };
    await this.audit.record(principal, { action: 'animator-candidates.read', details });
    return result;
  }

  /**
   * Animator candidates over a window other than the index's, computed at request time with the same
   * signals, centrality and score as the index (PeopleIndexService.animatorRanking), in the index's
   * order (best score first, then externalId), filtered and paged like it.
   */
  private async windowCandidates(
    networkId: number,
    window: { from: Date; to: Date },
    groupId: string | null,
    department: string | null,
    offset: number,
    limit: number,
  ): Promise<AnimatorCandidateRow[]> {
    const ranked = await this.index.animatorRanking(networkId, window.from, window.to);
    const members = new Map(
      (
        await candidateMembers(
          this.db.manager,
          ranked.map((r) => r.memberId),
        )
      ).map((m) => [m.memberId, m]),
    );
    return ranked
      .flatMap((r) => {
        const m = members.get(r.memberId);
        if (!m || (groupId !== null && !r.groups.includes(groupId)) || (department !== null && m.department !== department)) return [];
        return [
          {
            externalId: m.externalId,
            displayName: m.displayName,
            department: m.department,
            score: r.score,
            peopleHelped: r.peopleHelped,
            departmentsReached: r.departmentsReached,
            groupsReached: r.groups.length,
            acceptedAnswers: r.acceptedAnswers,
            medianFirstResponse: r.medianFirstResponse === null ? null : Number(r.medianFirstResponse),
            centrality: r.centrality,
          },
        ];
      })
      .sort((a, b) => b.score - a.score || byCodePoint(a.externalId, b.externalId))
      .slice(offset, offset + limit);
  }

  async refresh(networkKey: string): Promise<PeopleIndexRunView> {
    const network = await this.networks.require(networkKey);
    const run = await this.index.refresh(network.id);
    return { ...run, computedAt: run.computedAt.toISOString() };
  }
}
