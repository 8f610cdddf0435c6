import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/pagination';
import { IsIsoDateTime } from '../../common/validation/iso-date-time';
import { INSTANT_RANGE_TEXT } from '../../common/validation/window-limits';
import { ANIMATOR_SCORE_WEIGHTS, weightedSum } from '../../indicators/metrics.registry';
import { EvidenceView } from './profile.dto';

class ExpertsFilter {
  @ApiProperty({ example: 'Kubernetes', description: 'A topic, compared after SPEC §3.6 normalisation (accents, case, light plural)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  topic: string;
}
export class ExpertsQuery extends IntersectionType(ExpertsFilter, PageQuery) {}

export class ExpertView {
  @ApiProperty({ type: 'integer', example: 1 }) rank: number;
  @ApiProperty({ example: 'u17' }) member: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ana Ruiz' }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'R&D' }) department: string | null;
  @ApiProperty({
    enum: ['observed', 'declared'],
    example: 'observed',
    description:
      'observed: the member has observed evidence (observed score > 0) and is ranked among those by observed score; declared: the member only declares the topic and comes after every observed one, by declared level (a declared level never raises a rank)',
  })
  rankedBy: 'observed' | 'declared';
  @ApiProperty({ example: 22, description: 'The observed score the member is ranked by (= observed.score; 0 for a member who only declares the topic)' })
  score: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 4,
    description: 'Declared level 1–5 on the topic (the higher of expertise and competence), null if not declared',
  })
  declaredLevel: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['expertise', 'competence'], example: 'expertise' }) declaredAs: string | null;
  @ApiProperty({ type: EvidenceView }) observed: EvidenceView;
  @ApiProperty({ example: false, description: `Observed score ≥ 5 without a declaration: a hidden expert` }) hiddenExpert: boolean;
}

export class ExpertPage extends PageMeta {
  @ApiProperty({ example: 'kubernetes', description: 'The topic as asked (trimmed); members are matched on its SPEC §3.6 normalised key' }) topic: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-23T10:05:00.000Z',
    description: 'Oldest computation time of the people index among the networks read (null: a network was never indexed)',
  })
  computedAt: string | null;
  @ApiProperty({ type: [ExpertView] }) items: ExpertView[];
}

class CoverageWindow {
  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00+01:00',
    description: `Questions created from (inclusive), ${INSTANT_RANGE_TEXT} (else a 400). Default: \`to\` − 365 days`,
  })
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+01:00',
    description: `Questions created before (exclusive), ${INSTANT_RANGE_TEXT} (else a 400). Default: now`,
  })
  @IsOptional()
  @IsIsoDateTime()
  to?: string;
}
export class CoverageQuery extends IntersectionType(CoverageWindow, PageQuery) {}

export class CoverageView {
  @ApiProperty({ example: 'VPN', description: 'The question tag as most often written' }) topic: string;
  @ApiProperty({ example: 'vpn', description: 'SPEC §3.6 key of the topic' }) topicKey: string;
  @ApiProperty({ type: 'integer', example: 42 }) questions: number;
  @ApiProperty({ type: 'integer', example: 30, description: 'Questions with an accepted reply' }) resolvedQuestions: number;
  @ApiProperty({ type: 'number', nullable: true, example: 0.7143 }) resolvedRate: number | null;
  @ApiProperty({ type: 'integer', example: 2, description: 'Members of the network who declared expertise or a competence on the topic' })
  declaredExperts: number;
  @ApiProperty({ type: 'integer', example: 3, description: 'Members whose observed score on the topic in this network is ≥ 5' }) observedExperts: number;
  @ApiProperty({ example: false, description: 'No declared nor observed expert: where the CNO should allocate resources' }) noExpert: boolean;
}

export class CoveragePage extends PageMeta {
  @ApiProperty({ example: '2025-11-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) to: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:05:00.000Z' }) computedAt: string | null;
  @ApiProperty({ type: [CoverageView], description: 'Most asked first' }) items: CoverageView[];
}

class AnimatorFilters {
  @ApiPropertyOptional({ example: 'g-cloud', description: 'Only members who replied in this group (externalId)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string;

  @ApiPropertyOptional({ example: 'R&D', description: 'Only members of this department' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  department?: string;
}
class AnimatorWindow {
  @ApiPropertyOptional({
    example: '2026-08-01T00:00:00+02:00',
    description: `Replies from (inclusive), ${INSTANT_RANGE_TEXT} (else a 400). Default: \`to\` − 365 days`,
  })
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+01:00',
    description: `Replies before (exclusive), ${INSTANT_RANGE_TEXT} (else a 400). Default: now`,
  })
  @IsOptional()
  @IsIsoDateTime()
  to?: string;
}
export class AnimatorQuery extends IntersectionType(AnimatorFilters, AnimatorWindow, PageQuery) {}

export class AnimatorEvidenceView {
  @ApiProperty({ type: 'integer', example: 14, description: 'Distinct people they replied to' }) peopleHelped: number;
  @ApiProperty({ type: 'integer', example: 4, description: 'Distinct known departments of those people' }) departmentsReached: number;
  @ApiProperty({ type: 'integer', example: 3, description: 'Groups where they replied' }) groupsReached: number;
  @ApiProperty({ type: 'integer', example: 5, description: 'Their replies accepted as the answer of a question' }) acceptedAnswers: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 1800,
    description: 'Median seconds from a post or question to their reply, where theirs was the first response',
  })
  medianTimeToFirstResponse: number | null;
  @ApiProperty({ example: 0.0123, description: 'PageRank on the interaction graph with edges from the person answered to the person answering' })
  centrality: number;
}

export class AnimatorCandidateView {
  @ApiProperty({ type: 'integer', example: 1 }) rank: number;
  @ApiProperty({ example: 'u42' }) member: string;
  @ApiProperty({ type: String, nullable: true, example: 'Léa Martin' }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Sales' }) department: string | null;
  @ApiProperty({
    example: 0.8125,
    description: `${weightedSum(ANIMATOR_SCORE_WEIGHTS)}, each relative to the best candidate (docs/people.md)`,
  })
  score: number;
  @ApiProperty({ type: AnimatorEvidenceView }) evidence: AnimatorEvidenceView;
}

export class AnimatorCandidatePage extends PageMeta {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-23T10:05:00.000Z',
    description:
      "When the people index was computed. Without from and to the ranking is the index's: the 365 days before computedAt (which follows ingestion within the documented delay); with from or to it is computed for that window at request time",
  })
  computedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-11-23T10:05:00.000Z',
    description: 'Start of the window the signals cover (inclusive); null when the index was never computed and no window was asked',
  })
  from: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:05:00.000Z', description: 'End of the window (exclusive); null likewise' })
  to: string | null;
  @ApiProperty({ type: [AnimatorCandidateView] }) items: AnimatorCandidateView[];
}

export class PeopleIndexRunView {
  @ApiProperty({ example: '2026-11-23T10:05:00.000Z' }) computedAt: string;
  @ApiProperty({ type: 'integer', example: 5230 }) durationMs: number;
  @ApiProperty({ type: 'integer', example: 120000, description: 'Contributions of the corpus (confidential groups left out)' }) contributions: number;
  @ApiProperty({ type: 'integer', example: 20000, description: 'Threads with at least one topic' }) threads: number;
  @ApiProperty({ type: 'integer', example: 900 }) membersWithInterests: number;
  @ApiProperty({ type: 'integer', example: 340 }) animatorCandidates: number;
}
