import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMeta } from '../../common/pagination/pagination';
import { ANIMATOR_SCORE_WEIGHTS, describeMetric as d, METRICS } from '../metrics.registry';
import { GRANULARITIES } from './indicator-query.dto';

const count = (endpoint: Parameters<typeof d>[0], name: string, example = 0) => ApiProperty({ type: 'integer', example, description: d(endpoint, name) });
const nullableNumber = (endpoint: Parameters<typeof d>[0], name: string, example: number | null) =>
  ApiProperty({ type: 'number', nullable: true, example, description: d(endpoint, name) });

class WindowView {
  @ApiProperty({ example: '2026-03-01T00:00:00.000Z', description: 'Window start (inclusive), UTC' }) from: string;
  @ApiProperty({ example: '2026-03-29T00:00:00.000Z', description: 'Window end (exclusive), UTC' }) to: string;
}

export class ActivityCountsView {
  @count('activity', 'posts', 12) posts: number;
  @count('activity', 'questions', 7) questions: number;
  @count('activity', 'replies', 31) replies: number;
  @count('activity', 'reactions', 54) reactions: number;
  @count('activity', 'shares', 3) shares: number;
  @count('activity', 'accepts', 4) accepts: number;
  @count('activity', 'contributions', 53) contributions: number;
  @count('activity', 'activeMembers', 25) activeMembers: number;
  @count('activity', 'contributors', 18) contributors: number;
}

export class ActivityTotalsView extends ActivityCountsView {
  @count('activity', 'members', 120) members: number;
  @nullableNumber('activity', 'participationRate', 0.15) participationRate: number | null;
  @nullableNumber('activity', 'contributionsPerMember', 0.4417) contributionsPerMember: number | null;
  @nullableNumber('activity', 'growth', 0.0392) growth: number | null;
}

export class ActivityBucketView extends ActivityCountsView {
  @ApiProperty({
    example: '2026-03-01T23:00:00.000Z',
    description: 'Local start of the bucket (midnight, Monday or 1st of month in the network time zone), in UTC',
  })
  start: string;
}

export class ActivityIndicatorView extends WindowView {
  @ApiProperty({ enum: GRANULARITIES }) granularity: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({ type: ActivityTotalsView }) totals: ActivityTotalsView;
  @ApiProperty({ type: [ActivityBucketView] }) series: ActivityBucketView[];
}

export class EngagementView {
  @ApiProperty({ example: '2026-03-15' }) at: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @count('engagement', 'dau', 14) dau: number;
  @count('engagement', 'wau', 40) wau: number;
  @count('engagement', 'mau', 66) mau: number;
  @nullableNumber('engagement', 'stickiness', 0.2121) stickiness: number | null;
  @count('engagement', 'engagedMembers', 9) engagedMembers: number;
}

export class ResponsivenessView extends WindowView {
  @count('responsiveness', 'roots', 19) roots: number;
  @count('responsiveness', 'respondedRoots', 15) respondedRoots: number;
  @nullableNumber('responsiveness', 'responseRate', 0.7895) responseRate: number | null;
  @nullableNumber('responsiveness', 'medianTimeToFirstResponse', 2520) medianTimeToFirstResponse: number | null;
  @nullableNumber('responsiveness', 'p90TimeToFirstResponse', 30600) p90TimeToFirstResponse: number | null;
  @nullableNumber('responsiveness', 'meanTimeToFirstResponse', 8123.5) meanTimeToFirstResponse: number | null;
  @count('responsiveness', 'questions', 7) questions: number;
  @count('responsiveness', 'resolvedQuestions', 4) resolvedQuestions: number;
  @nullableNumber('responsiveness', 'resolvedRate', 0.5714) resolvedRate: number | null;
  @nullableNumber('responsiveness', 'medianTimeToResolution', 5400) medianTimeToResolution: number | null;
  @count('responsiveness', 'unansweredQuestions', 1) unansweredQuestions: number;
  @nullableNumber('responsiveness', 'leaderFirstResponseShare', 0.3333) leaderFirstResponseShare: number | null;
}

export class UnansweredQuestionView {
  @ApiProperty({ example: 'a17' }) externalId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'u18',
    description: 'null for a question of a confidential group when the key may not see its members',
  })
  author: string | null;
  @ApiProperty({ example: 'g-cloud', nullable: true, type: String }) group: string | null;
  @ApiProperty({ example: '2026-03-02T09:15:00.000Z' }) occurredAt: string;
}

export class UnansweredQuestionPage extends PageMeta {
  @ApiProperty({ type: [UnansweredQuestionView] }) items: UnansweredQuestionView[];
}

export class ConcentrationView extends WindowView {
  @count('concentration', 'contributors', 18) contributors: number;
  @count('concentration', 'contributions', 53) contributions: number;
  @ApiProperty({ type: 'number', example: 0.4123, description: d('concentration', 'gini') }) gini: number;
  @nullableNumber('concentration', 'top10PercentShare', 0.3019) top10PercentShare: number | null;
  @count('concentration', 'busFactor', 4) busFactor: number;
  @nullableNumber('concentration', 'leaderShare', 0.2264) leaderShare: number | null;
}

export class DiffusionDepartmentView {
  @ApiProperty({ example: 'R&D' }) department: string;
  @ApiProperty({ type: 'integer', example: 21, description: 'Interactions whose author is in this department' }) interactions: number;
  @ApiProperty({ type: 'number', nullable: true, example: -0.1429, description: '(E − I) / (E + I) over those interactions' }) eiIndex: number | null;
}

export class DiffusionView extends WindowView {
  @count('diffusion', 'interactions', 40) interactions: number;
  @count('diffusion', 'crossDepartmentInteractions', 17) crossDepartmentInteractions: number;
  @nullableNumber('diffusion', 'crossDepartmentRate', 0.425) crossDepartmentRate: number | null;
  @nullableNumber('diffusion', 'eiIndex', -0.15) eiIndex: number | null;
  @ApiProperty({ type: [DiffusionDepartmentView], description: 'By author department, sorted by department name' }) departments: DiffusionDepartmentView[];
}

export class MetricView {
  @ApiProperty({ example: 'responseRate' }) name: string;
  @ApiProperty({ enum: [...new Set(METRICS.map((m) => m.endpoint))] }) endpoint: string;
  @ApiProperty({ enum: ['count', 'rate', 'ratio', 'seconds', 'index', 'timestamp'] }) unit: string;
  @ApiProperty({ enum: ['higher', 'lower', 'neutral'] }) better: string;
  @ApiProperty({ nullable: true, type: 'integer', enum: [0, null], description: 'What an empty window (or a zero denominator) returns' }) empty: 0 | null;
  @ApiProperty({ example: 'respondedRoots / roots' }) formula: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: ANIMATOR_SCORE_WEIGHTS,
    description: "A weighted score's weights (the people scores), by the name of the term each multiplies: what the service computes the score with",
  })
  weights?: Record<string, number>;
}

export class MetricList {
  @ApiProperty({ type: [MetricView] }) items: MetricView[];
}

export class AlignmentKeywordView {
  @ApiProperty({ example: 'mot de passe', description: 'The keyword as written in the objective' }) term: string;
  @ApiProperty({ example: 1 }) weight: number;
  @count('alignment', 'matches', 4) matches: number;
}

export class AlignmentObjectiveView {
  @ApiProperty({ example: 'cyber' }) key: string;
  @ApiProperty({ example: 'Cybersecurity' }) name: string;
  @count('alignment', 'matches', 6) matches: number;
  @nullableNumber('alignment', 'share', 0.1132) share: number | null;
  @ApiProperty({ type: 'number', example: 10, description: d('alignment', 'weightedMatches') }) weightedMatches: number;
  @ApiProperty({ type: [AlignmentKeywordView], description: 'In the order the objective declares them' }) keywords: AlignmentKeywordView[];
}

export class AlignmentBucketView {
  @ApiProperty({ example: '2026-03-01T23:00:00.000Z', description: 'Local start of the bucket, in UTC (as the activity series)' }) start: string;
  @count('alignment', 'contributions', 5) contributions: number;
  @count('alignment', 'alignedContributions', 2) alignedContributions: number;
  @nullableNumber('alignment', 'alignmentRate', 0.4) alignmentRate: number | null;
}

export class AlignmentView extends WindowView {
  @ApiProperty({ enum: GRANULARITIES }) granularity: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @count('alignment', 'contributions', 53) contributions: number;
  @count('alignment', 'alignedContributions', 9) alignedContributions: number;
  @nullableNumber('alignment', 'alignmentRate', 0.1698) alignmentRate: number | null;
  @ApiProperty({
    type: [AlignmentObjectiveView],
    description: 'Every active objective that applies to the network, by key; inactive ones and those of other networks are not listed',
  })
  objectives: AlignmentObjectiveView[];
  @ApiProperty({ type: [AlignmentBucketView] }) series: AlignmentBucketView[];
  @ApiProperty({ example: true, description: 'false while existing activities are being re-matched after an objective change (see `rematching`)' })
  final: boolean;
  @ApiProperty({ type: [String], example: [], description: 'Keys of the objectives whose re-matching is not done yet' }) rematching: string[];
}

export class AlignmentDriftRowView {
  @ApiProperty({ example: 'g-cloud' }) group: string;
  @ApiProperty({ type: String, nullable: true, example: 'Cloud', description: 'null for a confidential group the key may not see' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['public', 'private', 'confidential'], example: 'public' }) visibility: string | null;
  @count('alignment', 'contributions', 20) contributions: number;
  @count('alignment', 'alignedContributions', 4) alignedContributions: number;
  @nullableNumber('alignment', 'alignmentRate', 0.2) alignmentRate: number | null;
  @ApiProperty({ type: 'integer', example: 25, description: 'contributions of the previous window' }) previousContributions: number;
  @ApiProperty({ type: 'integer', example: 10, description: 'alignedContributions of the previous window' }) previousAlignedContributions: number;
  @ApiProperty({ type: 'number', nullable: true, example: 0.4, description: 'alignmentRate of the previous window' }) previousAlignmentRate: number | null;
  @nullableNumber('alignment', 'change', -0.2) change: number | null;
}

export class AlignmentDriftPage extends PageMeta {
  @ApiProperty({ example: '2026-03-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-03-29T00:00:00.000Z' }) to: string;
  @ApiProperty({ example: '2026-02-01T00:00:00.000Z', description: 'Start of the previous window: from − (to − from)' }) previousFrom: string;
  @ApiProperty({ example: true, description: 'false while an objective of the network is being re-matched' }) final: boolean;
  @ApiProperty({ type: [String], example: [] }) rematching: string[];
  @ApiProperty({ type: [AlignmentDriftRowView], description: 'Groups by change, largest drop first; nulls last; ties by group' })
  items: AlignmentDriftRowView[];
}

export class AdoptionCountsView {
  @count('adoption', 'mentions', 42) mentions: number;
  @count('adoption', 'authors', 17) authors: number;
  @count('adoption', 'departments', 5) departments: number;
  @count('adoption', 'pulled', 21) pulled: number;
  @count('adoption', 'pushed', 6) pushed: number;
  @nullableNumber('adoption', 'pullShare', 0.5) pullShare: number | null;
  @nullableNumber('adoption', 'pushShare', 0.1429) pushShare: number | null;
  @count('adoption', 'organicReach', 33) organicReach: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-12T08:30:00.000Z', description: d('adoption', 'firstMentionAt') })
  firstMentionAt: string | null;
}

export class AdoptionBucketView {
  @ApiProperty({ example: '2026-03-01T23:00:00.000Z', description: 'Local start of the bucket, in UTC (as the activity series)' }) start: string;
  @count('adoption', 'mentions', 3) mentions: number;
  @count('adoption', 'authors', 2) authors: number;
  @count('adoption', 'newAuthors', 1) newAuthors: number;
  @count('adoption', 'cumulativeAuthors', 9) cumulativeAuthors: number;
}

export class AdoptionObjectiveView extends AdoptionCountsView {
  @ApiProperty({ example: 'cloud-first' }) key: string;
  @ApiProperty({ example: 'Cloud first' }) name: string;
  @ApiPropertyOptional({
    type: [AdoptionBucketView],
    description: 'Per bucket of the window (day, week or month in the network time zone): only when `objective` is given',
  })
  series?: AdoptionBucketView[];
}

export class AdoptionView extends WindowView {
  @ApiProperty({ enum: GRANULARITIES }) granularity: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({
    type: [AdoptionObjectiveView],
    description:
      'With `objective`: that objective alone, with its series. Without: every active objective that applies to the network, by key, with its totals (no series)',
  })
  objectives: AdoptionObjectiveView[];
  @ApiProperty({ example: true, description: 'false while an objective listed is being re-matched after a change (see `rematching`)' })
  final: boolean;
  @ApiProperty({ type: [String], example: [], description: 'Keys of the listed objectives whose re-matching is not done yet' }) rematching: string[];
}
