import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DAY_RANGE_TEXT } from '../../common/validation/window-limits';
import { DIMENSION_KEYS } from '../health-policy';

export const STATUSES = ['good', 'watch', 'act'] as const;
export const ADJUSTMENT_KINDS = [
  'revive-leadership',
  'answer-unanswered',
  'treat-emerging-problem',
  'realign-group',
  'reduce-dependency',
  'open-silo',
  'cover-expertise',
  'declining-activity',
] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export class HealthQuery {
  @ApiPropertyOptional({
    example: '2026-03-28',
    description: `The last day of the window (network time zone), ${DAY_RANGE_TEXT} (else a 400). Default: today`,
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'at must be a date YYYY-MM-DD' })
  at?: string;
}

export class DimensionView {
  @ApiProperty({ enum: DIMENSION_KEYS, example: 'participation' }) key: string;
  @ApiProperty({ enum: STATUSES, example: 'watch' }) status: string;
  @ApiProperty({ type: 'number', nullable: true, example: 0.08, description: 'The indicator named in `metric` over the window; null where it is (no data)' })
  value: number | null;
  @ApiProperty({ type: 'number', nullable: true, example: 0.12, description: 'The same over the previous window' })
  previous: number | null;
  @ApiProperty({
    example: 0.1,
    description: "The policy's act threshold when the status is `act`, else its watch threshold (the line the value must not reach)",
  })
  threshold: number;
  @ApiProperty({ example: 'participationRate', description: 'The indicator field the value is (GET /v1/metrics)' }) metric: string;
}

export class GroupHealthView {
  @ApiProperty({ example: 'g-cloud' }) group: string;
  @ApiProperty({ type: String, nullable: true, example: 'Cloud' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['public', 'private', 'confidential'], example: 'public' }) visibility: string | null;
  @ApiProperty({ enum: STATUSES, example: 'act', description: 'The worst status of its dimensions' }) status: string;
  @ApiProperty({ type: [DimensionView] }) dimensions: DimensionView[];
}

export class AdjustmentScopeView {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'g-cloud',
    description: 'The group; null for the activities without a group (answer-unanswered); absent when the adjustment is not about a group',
  })
  group?: string | null;
  @ApiPropertyOptional({ example: 'R&D' }) department?: string;
  @ApiPropertyOptional({ example: 'cyber' }) objective?: string;
  @ApiPropertyOptional({ example: 'vpn', description: 'An emerging term (treat-emerging-problem) or a question tag (cover-expertise)' }) term?: string;
}

export class SuggestionView {
  @ApiProperty({ example: 'u42', description: "The member's externalId" }) member: string;
  @ApiProperty({ example: 'Member of Cloud; animator candidate #2 of the network: helped 14 people, 5 accepted answers' }) reason: string;
}

export class AdjustmentView {
  @ApiProperty({
    example: 'revive-leadership:group:g-cloud',
    description: 'Stable: `<kind>:network`, `<kind>:group:<group>`, `<kind>:no-group`, `<kind>:department:<d>` or `<kind>:term:<t>`',
  })
  id: string;
  @ApiProperty({ enum: ADJUSTMENT_KINDS, example: 'revive-leadership' }) kind: string;
  @ApiProperty({ enum: ['high', 'medium'], example: 'high' }) priority: string;
  @ApiProperty({ type: AdjustmentScopeView }) scope: AdjustmentScopeView;
  @ApiProperty({ example: 'Revive the leadership of Cloud' }) title: string;
  @ApiProperty({ example: 'No leader of Cloud wrote anything in it during the 28 days to 2026-03-28. It has 40 members and 120 contributions in the window.' })
  detail: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { leaderInactive: true, members: 40, contributions: 120 },
    description:
      'The figures that fired the rule, named as in their indicator endpoint and equal to what it returns for the same window and scope (see the route description)',
  })
  evidence: Record<string, number | string | boolean | null>;
  @ApiProperty({ type: [SuggestionView], description: 'Who could act, best first (at most 3); empty for kinds without suggestions' })
  suggestions: SuggestionView[];
}

export class HealthScorecardView {
  @ApiProperty({ example: 'rse-france' }) network: string;
  @ApiProperty({ example: '2026-03-28', description: 'The last day of the window (network time zone)' }) at: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({ example: '2026-02-28T23:00:00.000Z', description: 'Local midnight starting the 28 days ending `at`' }) from: string;
  @ApiProperty({ example: '2026-03-28T23:00:00.000Z', description: 'The local midnight after `at` (exclusive)' }) to: string;
  @ApiProperty({ example: '2026-01-31T23:00:00.000Z', description: 'Start of the previous window [previousFrom, from), of the same length (as §3.1 growth)' })
  previousFrom: string;
  @ApiProperty({ enum: STATUSES, example: 'watch', description: "The worst status of the network's own dimensions" }) status: string;
  @ApiProperty({ type: [DimensionView], description: 'The eight dimensions for the whole network, in SPEC order' }) dimensions: DimensionView[];
  @ApiProperty({ type: [GroupHealthView], description: 'Each group the key may see, worst status first, then by externalId' }) groups: GroupHealthView[];
  @ApiProperty({ type: [AdjustmentView], description: 'Each rule that fires: high priority first, then the largest problem first, then by id' })
  adjustments: AdjustmentView[];
  @ApiProperty({ example: true, description: 'false while an objective in force is being re-matched (alignment figures not final yet)' })
  alignmentFinal: boolean;
}
