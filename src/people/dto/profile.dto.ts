import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageMeta } from '../../common/pagination/pagination';
import { OBSERVED_SCORE_WEIGHTS, weightedSum } from '../../indicators/metrics.registry';

export const MAX_TOPICS_PER_FACET = 100;

export class LeveledTopicDto {
  @ApiProperty({ example: 'Kubernetes', maxLength: 200, description: 'As the member writes it; compared with other topics after SPEC §3.6 normalisation' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  topic: string;

  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;
}

export class InterestTopicDto {
  @ApiProperty({ example: 'cybersécurité', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  topic: string;
}

export class PutProfileDto {
  @ApiPropertyOptional({ type: [LeveledTopicDto], maxItems: MAX_TOPICS_PER_FACET, description: 'What the member is an expert in, level 1–5. Absent: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOPICS_PER_FACET)
  @ValidateNested({ each: true })
  @Type(() => LeveledTopicDto)
  expertise?: LeveledTopicDto[];

  @ApiPropertyOptional({ type: [LeveledTopicDto], maxItems: MAX_TOPICS_PER_FACET, description: 'Competences, level 1–5' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOPICS_PER_FACET)
  @ValidateNested({ each: true })
  @Type(() => LeveledTopicDto)
  competences?: LeveledTopicDto[];

  @ApiPropertyOptional({ type: [InterestTopicDto], maxItems: MAX_TOPICS_PER_FACET, description: 'Professional interests' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOPICS_PER_FACET)
  @ValidateNested({ each: true })
  @Type(() => InterestTopicDto)
  interests?: InterestTopicDto[];
}

export class DeclaredProfileView {
  @ApiProperty({ type: [LeveledTopicDto] }) expertise: LeveledTopicDto[];
  @ApiProperty({ type: [LeveledTopicDto] }) competences: LeveledTopicDto[];
  @ApiProperty({ type: [InterestTopicDto] }) interests: InterestTopicDto[];
  @ApiProperty({ type: 'integer', example: 3, description: 'Number of changes so far (0: never declared)' }) version: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:00:00.000Z' }) updatedAt: string | null;
}

export class InferredInterestView {
  @ApiProperty({ example: 'kubernetes', description: "The most frequent written form of the term in the member's contributions" }) term: string;
  @ApiProperty({
    example: 4.1589,
    description:
      "TF-IDF: Σ over the member's contributions holding the term of (2 in a tag, 1 in the text only) × ln(N / df), N = contributions of the network, df = those holding the term",
  })
  weight: number;
  @ApiProperty({ type: [String], example: ['a17', 'a52'], description: 'Up to 5 supporting activity externalIds, most recent first' }) activities: string[];
}

/** Observed evidence of a member on a topic, in threads whose root has the topic (docs/people.md). */
export class EvidenceView {
  @ApiProperty({ type: 'integer', example: 3, description: 'Accepted answers in threads on the topic' }) acceptedAnswers: number;
  @ApiProperty({ type: 'integer', example: 9, description: "Replies in other people's threads on the topic" }) replies: number;
  @ApiProperty({ type: 'integer', example: 12, description: 'Reactions by others to those replies' }) reactionsReceived: number;
  @ApiProperty({ type: 'integer', example: 6, description: 'Distinct authors of those threads (people helped)' }) peopleHelped: number;
  @ApiProperty({ example: 36, description: `Observed score: ${weightedSum(OBSERVED_SCORE_WEIGHTS)}` }) score: number;
}

export class ObservedExpertiseView extends EvidenceView {
  @ApiProperty({ example: 'Kubernetes', description: 'The topic as most often written (as a root tag, or as declared)' }) topic: string;
  @ApiProperty({ example: 'kubernetes', description: 'Its SPEC §3.6 key: a root tag, or a declared topic found in the root' }) topicKey: string;
}

export class ProfileGapsView {
  @ApiProperty({ type: [String], example: ['Terraform'], description: 'Declared expertise or competences (as declared) with no observed evidence' })
  declaredNotObserved: string[];
  @ApiProperty({
    type: [String],
    example: ['VPN'],
    description: 'Topics (as most often written) with an observed score ≥ 5 not declared as expertise or competence: a hidden expert',
  })
  observedNotDeclared: string[];
}

export class ProfileView {
  @ApiProperty({ example: 'u17' }) member: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ana Ruiz' }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'R&D' }) department: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lyon' }) site: string | null;
  @ApiProperty({ type: DeclaredProfileView }) declared: DeclaredProfileView;
  @ApiProperty({ type: [InferredInterestView], description: "Top 10 terms of the member's own contributions" }) inferredInterests: InferredInterestView[];
  @ApiProperty({ type: [ObservedExpertiseView], description: 'By score, highest first' }) observedExpertise: ObservedExpertiseView[];
  @ApiProperty({ type: ProfileGapsView }) gaps: ProfileGapsView;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-23T10:05:00.000Z',
    description: 'When the people index behind inferred interests and observed expertise was computed (null: never)',
  })
  computedAt: string | null;
}

export class ProfileVersionView {
  @ApiProperty({ type: 'integer', example: 2 }) version: number;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) changedAt: string;
  @ApiProperty({ type: [LeveledTopicDto] }) expertise: LeveledTopicDto[];
  @ApiProperty({ type: [LeveledTopicDto] }) competences: LeveledTopicDto[];
  @ApiProperty({ type: [InterestTopicDto] }) interests: InterestTopicDto[];
}

export class ProfileHistoryPage extends PageMeta {
  @ApiProperty({ type: [ProfileVersionView], description: 'Newest first' }) items: ProfileVersionView[];
}
