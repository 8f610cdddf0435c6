import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../../common/pagination/pagination';
import { describeMetric as d } from '../metrics.registry';
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
  @ApiProperty({ example: '2026-03-01T23:00:00.000Z', description: 'Local start of the bucket (midnight, Monday or 1st of month in the network time zone), in UTC' })
  start: string;
}

export class ActivityView extends WindowView {
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
  @ApiProperty({ example: 'u18' }) author: string;
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
  @ApiProperty({ enum: ['activity', 'engagement', 'responsiveness', 'concentration', 'diffusion'] }) endpoint: string;
  @ApiProperty({ enum: ['count', 'rate', 'ratio', 'seconds', 'index'] }) unit: string;
  @ApiProperty({ enum: ['higher', 'lower', 'neutral'] }) better: string;
  @ApiProperty({ nullable: true, type: 'integer', enum: [0, null], description: 'What an empty window (or a zero denominator) returns' }) empty: 0 | null;
  @ApiProperty({ example: 'respondedRoots / roots' }) formula: string;
}

export class MetricList {
  @ApiProperty({ type: [MetricView] }) items: MetricView[];
}
