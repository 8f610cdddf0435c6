import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { CurrentPrincipal, NetworkParam, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { AlignmentIndicatorsService } from './alignment.service';
import { ComparisonPage, ComparisonsService } from './comparisons.service';
import { ComparisonPageView, ComparisonQuery } from './dto/comparison.dto';
import { AdoptionQuery, SeriesWindowQuery, DriftQuery, EngagementQuery, UnansweredQuery, WindowQuery } from './dto/indicator-query.dto';
import {
  ActivityIndicatorView,
  AdoptionView,
  AlignmentDriftPage,
  AlignmentView,
  ConcentrationView,
  DiffusionView,
  EngagementView,
  MetricList,
  ResponsivenessView,
  UnansweredQuestionPage,
} from './dto/indicator-views.dto';
import { IndicatorsService } from './indicators.service';
import { METRICS } from './metrics.registry';

@ApiTags('indicators')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('cno')
@NetworkParam()
@Controller('v1/networks/:key')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly comparisons: ComparisonsService,
    private readonly alignments: AlignmentIndicatorsService,
  ) {}

  @Get('indicators/activity')
  @ApiOperation({ summary: 'Activity counts, members and participation over [from, to), with a series per day, week or month (SPEC §3.1)' })
  @ApiOkResponse({ type: ActivityIndicatorView })
  @ApiProblems(400, 401, 403, 404)
  activity(@Param('key') key: string, @Query() query: SeriesWindowQuery): Promise<ActivityIndicatorView> {
    return this.indicators.activity(key, query);
  }

  @Get('indicators/engagement')
  @ApiOperation({ summary: 'DAU, WAU, MAU, stickiness and engaged members for a day (SPEC §3.2)' })
  @ApiOkResponse({ type: EngagementView })
  @ApiProblems(400, 401, 403, 404)
  engagement(@Param('key') key: string, @Query() query: EngagementQuery): Promise<EngagementView> {
    return this.indicators.engagement(key, query);
  }

  @Get('indicators/responsiveness')
  @ApiOperation({ summary: 'How fast and how often posts and questions get answered and resolved (SPEC §3.3)' })
  @ApiOkResponse({ type: ResponsivenessView })
  @ApiProblems(400, 401, 403, 404)
  responsiveness(@Param('key') key: string, @Query() query: WindowQuery): Promise<ResponsivenessView> {
    return this.indicators.responsiveness(key, query);
  }

  @Get('questions/unanswered')
  @ApiOperation({ summary: 'Questions of the window with no first response, older than 48 h, oldest first (SPEC §3.3)' })
  @ApiOkResponse({ type: UnansweredQuestionPage })
  @ApiProblems(400, 401, 403, 404)
  unanswered(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: UnansweredQuery): Promise<UnansweredQuestionPage> {
    return this.indicators.unanswered(principal, key, query);
  }

  @Get('indicators/concentration')
  @ApiOperation({ summary: 'How concentrated contributions are: Gini, top-10 % share, bus factor, leader share (SPEC §3.4)' })
  @ApiOkResponse({ type: ConcentrationView })
  @ApiProblems(400, 401, 403, 404)
  concentration(@Param('key') key: string, @Query() query: WindowQuery): Promise<ConcentrationView> {
    return this.indicators.concentration(key, query);
  }

  @Get('indicators/alignment')
  @ApiOperation({
    summary: "Alignment of contributions with the business objectives' keywords, per objective and keyword, with a series (SPEC §3.6)",
    description:
      'Keywords are matched once per contribution at ingestion (docs/alignment.md); `final: false` while an objective change is being applied to existing activities. ' +
      "For a key that may not see confidential groups (SPEC §4: not admin, not limited to this network), confidential contributions (in a confidential group, or sent without a group in one's thread) " +
      'are left out entirely, from `contributions` as from every match count, and `group=` naming a confidential group is a 404: a chosen keyword would otherwise reveal their text.',
  })
  @ApiOkResponse({ type: AlignmentView })
  @ApiProblems(400, 401, 403, 404)
  alignment(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: SeriesWindowQuery): Promise<AlignmentView> {
    return this.alignments.alignment(principal, key, query);
  }

  @Get('indicators/alignment/drift')
  @ApiOperation({
    summary: 'Per group, alignmentRate of the window beside the previous window of the same length; the largest drops first',
    description: 'Confidential groups have no row for a key that may not see them (SPEC §4): their keyword counts would reveal their text.',
  })
  @ApiOkResponse({ type: AlignmentDriftPage })
  @ApiProblems(400, 401, 403, 404)
  alignmentDrift(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: DriftQuery): Promise<AlignmentDriftPage> {
    return this.alignments.drift(principal, key, query);
  }

  @Get('indicators/adoption')
  @ApiOperation({
    summary:
      'Change adoption of a business objective: mentions, authors, pulled and pushed shares, organic reach, first mention, new and cumulative authors (SPEC §3.9)',
    description:
      'A mention is a contribution of the window, in scope, that matches ≥ 1 keyword of the objective (keywords matched at ingestion, as alignment; `final: false` while an objective is re-matched). ' +
      'Without `objective`, every active objective that applies to the network with its totals; an objective not in force for the network is a 404. ' +
      'For a key that may not see confidential groups (SPEC §4), confidential mentions are left out of every figure and `group=` naming a confidential group is a 404.',
  })
  @ApiOkResponse({ type: AdoptionView })
  @ApiProblems(400, 401, 403, 404)
  adoption(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: AdoptionQuery): Promise<AdoptionView> {
    return this.alignments.adoption(principal, key, query);
  }

  @Get('comparisons/groups')
  @ApiOperation({ summary: 'One row per group: §3.1 totals, responseRate, medianTimeToFirstResponse, alignmentRate, leaderInactive, rank (SPEC §3.7)' })
  @ApiOkResponse({ type: ComparisonPageView })
  @ApiProblems(400, 401, 403, 404)
  compareGroups(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: ComparisonQuery): Promise<ComparisonPage> {
    return this.comparisons.groups(principal, key, query);
  }

  @Get('comparisons/leaders')
  @ApiOperation({
    summary: 'One row per leader, over the groups they lead, with groupsLed, ownContributions and firstResponses (SPEC §3.7)',
    description:
      'For a key that may not see confidential groups (SPEC §4: not admin, not limited to this network), a leader row covers only the public and private groups the member leads: ' +
      'groupsLed and every figure leave the confidential groups out, and a member who leads only confidential groups has no row.',
  })
  @ApiOkResponse({ type: ComparisonPageView })
  @ApiProblems(400, 401, 403, 404)
  compareLeaders(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: ComparisonQuery): Promise<ComparisonPage> {
    return this.comparisons.leaders(principal, key, query);
  }

  @Get('comparisons/departments')
  @ApiOperation({ summary: 'One row per author department (SPEC §3.7)' })
  @ApiOkResponse({ type: ComparisonPageView })
  @ApiProblems(400, 401, 403, 404)
  compareDepartments(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: ComparisonQuery): Promise<ComparisonPage> {
    return this.comparisons.departments(principal, key, query);
  }

  @Get('indicators/diffusion')
  @ApiOperation({ summary: 'Interactions across departments and the E-I index (SPEC §3.5)' })
  @ApiOkResponse({ type: DiffusionView })
  @ApiProblems(400, 401, 403, 404)
  diffusion(@Param('key') key: string, @Query() query: WindowQuery): Promise<DiffusionView> {
    return this.indicators.diffusion(key, query);
  }
}

@ApiTags('indicators')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('cno')
@Controller('v1/comparisons')
export class NetworkComparisonsController {
  constructor(private readonly comparisons: ComparisonsService) {}

  @Get('networks')
  @ApiOperation({ summary: 'One row per network this key may read (SPEC §3.7)' })
  @ApiOkResponse({ type: ComparisonPageView })
  @ApiProblems(400, 401, 403)
  compareNetworks(@CurrentPrincipal() principal: Principal, @Query() query: ComparisonQuery): Promise<ComparisonPage> {
    return this.comparisons.networks(principal, query);
  }
}

@ApiTags('indicators')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('cno', 'integrator', 'hr')
@Controller('v1/metrics')
export class MetricsController {
  @Get()
  @ApiOperation({ summary: 'Every indicator field: formula, unit, better direction and empty-window value (the registry the service validates against)' })
  @ApiOkResponse({ type: MetricList })
  @ApiProblems(401, 403)
  list(): MetricList {
    return { items: [...METRICS] };
  }
}
