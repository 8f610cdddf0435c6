import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { csvStringifier } from '../common/csv/csv';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQuery } from '../common/pagination/pagination';
import { ExternalIdPipe } from '../common/validation/external-id.pipe';
import { Expensive } from '../governance/api-key-throttler.guard';
import { CurrentPrincipal, NetworkParam, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { ANIMATOR_SCORE_WEIGHTS, OBSERVED_SCORE_WEIGHTS, weightedSum } from '../indicators/metrics.registry';
import { InterestMapQuery, InterestMapView, InterestProfilePage, InterestProfilesQuery } from './dto/hr.dto';
import { AnimatorCandidatePage, AnimatorQuery, CoveragePage, CoverageQuery, ExpertPage, ExpertsQuery, PeopleIndexRunView } from './dto/people-views.dto';
import { DeclaredProfileView, ProfileHistoryPage, ProfileView, PutProfileDto } from './dto/profile.dto';
import { ExpertsService } from './experts.service';
import { HrService } from './hr.service';
import { ProfileService } from './profile.service';

const MEMBER_PARAM = { name: 'externalId', example: 'u17', description: "The member's org-wide externalId" };

@ApiTags('people')
@ApiBearerAuth()
@ApiProblems(429)
@Controller('v1/members/:externalId/profile')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Put()
  @Roles('integrator', 'hr')
  @ApiOperation({
    summary: "Declare (replace) a member's triptych: expertise and competences with levels 1–5, interests (SPEC §2)",
    description:
      'Topics are kept as written and compared after SPEC §3.6 normalisation; a topic twice in a facet is a 400. Each change is kept in the history.',
  })
  @ApiParam(MEMBER_PARAM)
  @ApiOkResponse({ type: DeclaredProfileView })
  @ApiProblems(400, 401, 403, 404)
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() dto: PutProfileDto,
  ): Promise<DeclaredProfileView> {
    return this.profiles.put(principal, externalId, dto);
  }

  @Get()
  @Roles('hr')
  @ApiOperation({ summary: 'The declared triptych beside inferred interest centres and observed expertise, with the gaps (SPEC §3.8); audited' })
  @ApiParam(MEMBER_PARAM)
  @ApiOkResponse({ type: ProfileView })
  @ApiProblems(401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('externalId', ExternalIdPipe) externalId: string): Promise<ProfileView> {
    return this.profiles.get(principal, externalId);
  }

  @Get('history')
  @Roles('hr')
  @ApiOperation({ summary: 'Every declared version of the triptych, newest first; audited' })
  @ApiParam(MEMBER_PARAM)
  @ApiOkResponse({ type: ProfileHistoryPage })
  @ApiProblems(400, 401, 403, 404)
  history(
    @CurrentPrincipal() principal: Principal,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Query() page: PageQuery,
  ): Promise<ProfileHistoryPage> {
    return this.profiles.history(principal, externalId, page);
  }
}

@ApiTags('people')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('cno', 'hr')
@Controller('v1/experts')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @Get()
  @ApiOperation({
    summary: 'Members ranked by expertise on a topic: observed evidence beside the declared level (SPEC §3.8); audited',
    description:
      `observedScore = ${weightedSum(OBSERVED_SCORE_WEIGHTS)} in threads whose root has the topic as a tag or in its text. ` +
      'A declared level never raises a rank: members with observed evidence (observedScore > 0) first, by observed score; members who only declare the topic after, by declared level; ties by externalId. ' +
      'hiddenExpert: observed score ≥ 5 and nothing declared. Weights: GET /v1/metrics. From the people index (see computedAt).',
  })
  @ApiOkResponse({ type: ExpertPage })
  @ApiProblems(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ExpertsQuery): Promise<ExpertPage> {
    return this.experts.experts(principal, query);
  }
}

@ApiTags('people')
@ApiBearerAuth()
@ApiProblems(429)
@NetworkParam()
@Controller('v1/networks/:key')
export class NetworkPeopleController {
  constructor(private readonly experts: ExpertsService) {}

  @Get('expertise-coverage')
  @Roles('cno', 'hr')
  @ApiOperation({
    summary: 'The topics the network asks about most (question tags), their resolution rate and how many members declared or show expertise on them; audited',
  })
  @ApiOkResponse({ type: CoveragePage })
  @ApiProblems(400, 401, 403, 404)
  coverage(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: CoverageQuery): Promise<CoveragePage> {
    return this.experts.coverage(principal, key, query);
  }

  @Get('animator-candidates')
  @Roles('cno', 'hr')
  @ApiOperation({
    summary:
      'Members who are no leader, ranked as future animators from the interaction graph over [from, to) (default: the last year), each with its evidence (SPEC §3.8); audited',
    description:
      `score = ${weightedSum(ANIMATOR_SCORE_WEIGHTS)} (centrality: PageRank; speed: of first responses), each relative to the best candidate. ` +
      'Without from and to: the people index (the 365 days before computedAt); with from or to (default from: to − 365 days; to: now), computed for that window at request time. ' +
      'Weights: GET /v1/metrics. Method: docs/people.md.',
  })
  @ApiOkResponse({ type: AnimatorCandidatePage })
  @ApiProblems(400, 401, 403, 404)
  animators(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: AnimatorQuery): Promise<AnimatorCandidatePage> {
    return this.experts.animatorCandidates(principal, key, query);
  }

  @Post('people-index')
  @HttpCode(200)
  @Expensive()
  @Roles('cno')
  @ApiOperation({
    summary:
      'Recompute the people index of the network now (interests, thread topics, expertise evidence, animator signals); answers when done (cno and admin)',
  })
  @ApiOkResponse({ type: PeopleIndexRunView })
  @ApiProblems(401, 403, 404)
  refresh(@Param('key') key: string): Promise<PeopleIndexRunView> {
    return this.experts.refresh(key);
  }
}

const CSV_COLUMNS = ['member', 'displayName', 'department', 'site', 'jobTitle', 'expertise', 'competences', 'interests', 'inferredInterests'];

@ApiTags('hr')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('hr')
@Controller('v1/hr')
export class HrController {
  constructor(private readonly hr: HrService) {}

  @Get('interest-profiles')
  @ApiOperation({
    summary: 'Declared triptych and inferred interests per member, as JSON pages or streamed CSV (SPEC §3.8); audited',
    description:
      'CSV (`format=csv` or `Accept: text/csv`): RFC 4180, UTF-8, one header line; list cells are "topic (level); topic (level)" and inferred interests "term; term". A cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote `\'` so that spreadsheets show it as text, never run it as a formula (OWASP CSV injection).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: InterestProfilePage })
  @ApiProblems(400, 401, 403)
  async profiles(
    @CurrentPrincipal() principal: Principal,
    @Query() query: InterestProfilesQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InterestProfilePage | void> {
    const csv = query.format === 'csv' || (query.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return this.hr.profiles(principal, query);
    res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="interest-profiles.csv"');
    const csvStream = csvStringifier(CSV_COLUMNS);
    csvStream.pipe(res);
    for await (const page of this.hr.allProfiles(principal)) {
      for (const p of page) {
        const ok = csvStream.write({
          ...p,
          expertise: p.expertise.map((t) => `${t.topic} (${t.level})`).join('; '),
          competences: p.competences.map((t) => `${t.topic} (${t.level})`).join('; '),
          interests: p.interests.map((t) => t.topic).join('; '),
          inferredInterests: p.inferredInterests.map((t) => t.term).join('; '),
        });
        if (!ok) await new Promise((resolve) => csvStream.once('drain', resolve));
      }
    }
    csvStream.end();
  }

  @Get('interest-map')
  @ApiOperation({ summary: 'Topics per department or site with k-anonymity: cells and units built on fewer than K_ANONYMITY members are suppressed; audited' })
  @ApiOkResponse({ type: InterestMapView })
  @ApiProblems(400, 401, 403)
  interestMap(@CurrentPrincipal() principal: Principal, @Query() query: InterestMapQuery): Promise<InterestMapView> {
    return this.hr.interestMap(principal, query.by);
  }
}
