import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { CurrentPrincipal, NetworkParam, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { HealthPolicyView, PutHealthPolicyDto } from './dto/health-policy.dto';
import { HealthQuery, HealthScorecardView } from './dto/health-scorecard.dto';
import { HealthPolicyService } from './health-policy.service';
import { HealthScorecardService } from './health-scorecard.service';

const SCORECARD_DESCRIPTION = `Window: the 28 local days ending with \`at\` (network time zone; \`to\` = the next local midnight), compared with the previous window of the same length [previousFrom, from) — the window §3.1 growth compares with.

**Dimensions** (network and each group): activity (growth), participation (participationRate), responsiveness (medianTimeToFirstResponse), unanswered (unansweredQuestions), leadership (leaderInactive groups: 1 or 0 for a group, the number of groups shown for the network), concentration (busFactor), alignment (alignmentRate), diffusion (eiIndex). \`value\` equals the indicator endpoint's figure for the same window and scope (\`group=\` for a group; a group's busFactor and eiIndex are those of concentration and diffusion with \`group=\`). Status: \`act\` when the value reaches the policy's act threshold, else \`watch\` when it reaches the watch threshold, else \`good\` ("reaches": at or below for activity, participation, concentration, alignment, diffusion; at or above for responsiveness, unanswered, leadership). A null value is \`good\` (nothing to judge), and so is a dimension below its support minimum: activity needs ≥ minContributions contributions in the previous window, concentration ≥ minContributors contributors, alignment an objective in force and ≥ minContributions contributions, diffusion ≥ minInteractions interactions. Thresholds and defaults: GET …/health-policy. The network's \`status\` is the worst of its own dimensions; each group's, the worst of its dimensions.

**Adjustments** (one per rule that fires; thresholds from the policy):
- \`revive-leadership\` (high) — a group flagged leaderInactive (§3.7); evidence \`leaderInactive, members, contributions\` (comparisons/groups); suggestions: the best animator candidates (…/animator-candidates ranking) who are members of the group and do not lead it, else the best of the network who do not lead it.
- \`answer-unanswered\` (high) — a group, or the questions without a group (\`scope.group: null\`), with ≥ unansweredMin unanswered questions; evidence \`unansweredQuestions\` and the oldest (\`oldestUnanswered\`, \`oldestUnansweredAt\`) as …/questions/unanswered lists them; suggestions: members of the network with an observed score ≥ 5 (GET /v1/experts) on the questions' most frequent tags.
- \`treat-emerging-problem\` (high) — an emerging topic of kind problem over the 7 days ending \`at\` (…/emerging-topics?at=&window=7d); evidence \`mentions, authors, questions, baseline, score\`; suggestions: observed experts on the term.
- \`realign-group\` (medium) — alignmentRate fell by ≥ alignmentDrop (rounded rates) with ≥ minContributions contributions in both windows; evidence \`alignmentRate, previousAlignmentRate, change, contributions, previousContributions\` (indicators/alignment with group=).
- \`reduce-dependency\` (medium) — ≥ minContributors contributors and busFactor ≤ busFactorMax; evidence \`contributors, contributions, busFactor\` (indicators/concentration with group=); suggestions as revive-leadership.
- \`open-silo\` (medium) — a department (indicators/diffusion \`departments\`) with eiIndex ≤ siloEi over ≥ minInteractions interactions; evidence \`interactions, eiIndex\`.
- \`cover-expertise\` (medium) — a question tag asked ≥ unansweredMin times in the window with no declared nor observed expert (…/expertise-coverage over the window, from the people index); evidence \`questions, declaredExperts, observedExperts\`.
- \`declining-activity\` (medium) — the network or a group with growth ≤ declineMax and ≥ minContributions contributions in the previous window; evidence \`contributions, previousContributions, growth\` (indicators/activity).

Order: high priority first; then the larger problem first — the people or contributions concerned: members of the group (revive-leadership), unanswered questions, mentions, contributions of the window (realign-group, reduce-dependency), interactions (open-silo), questions (cover-expertise), contributions lost (declining-activity); then by \`id\`.

Confidential groups (SPEC §4): for a key that may not see them (not admin, not limited to this network) they have no row in \`groups\` and no adjustment or suggestion; network-wide figures count them as totals do, except the keyword- and text-derived ones (alignment, emerging topics, question tags of cover-expertise), which leave their contributions out, and \`leadership\`, which counts the groups shown. Suggestions come from reads that are audited as theirs (experts.read, animator-candidates.read, expertise-coverage.read).`;

@ApiTags('health')
@ApiBearerAuth()
@ApiProblems(429)
@NetworkParam()
@Controller('v1/networks/:key')
export class HealthScorecardController {
  constructor(
    private readonly scorecards: HealthScorecardService,
    private readonly policies: HealthPolicyService,
  ) {}

  @Get('health')
  @Roles('cno')
  @ApiOperation({ summary: "The network's health scorecard and the adjustments to make this week (SPEC §3.10)", description: SCORECARD_DESCRIPTION })
  @ApiOkResponse({ type: HealthScorecardView })
  @ApiProblems(400, 401, 403, 404)
  scorecard(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: HealthQuery): Promise<HealthScorecardView> {
    return this.scorecards.scorecard(principal, key, query);
  }

  @Get('health-policy')
  @Roles('cno')
  @ApiOperation({ summary: "The network's effective health policy: the thresholds it set and the defaults elsewhere (SPEC §3.10)" })
  @ApiOkResponse({ type: HealthPolicyView })
  @ApiProblems(401, 403, 404)
  policy(@Param('key') key: string): Promise<HealthPolicyView> {
    return this.policies.get(key);
  }

  @Put('health-policy')
  @Roles('cno')
  @ApiOperation({
    summary: "Replace the network's health policy (cno and admin); audited",
    description:
      'Fields left out follow the defaults (`{}` resets every threshold). A value of the wrong type, outside its range, or a dimension whose act threshold is on the good side of its watch threshold is a 400 naming the field (`errors[].path`, e.g. `dimensions.participation.act`). The change is written to the audit log (action `health-policy.update`, target the network key, details the previous and the new thresholds).',
  })
  @ApiOkResponse({ type: HealthPolicyView })
  @ApiProblems(400, 401, 403, 404)
  putPolicy(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Body() dto: PutHealthPolicyDto): Promise<HealthPolicyView> {
    return this.policies.put(principal, key, dto);
  }
}
