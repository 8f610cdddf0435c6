import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/pagination';
import { DAY_RANGE_TEXT } from '../../common/validation/window-limits';

export const DEFAULT_MIN_MENTIONS = 3;
export const DEFAULT_MIN_AUTHORS = 2;
export const DEFAULT_MIN_SCORE = 2;
export const MAX_WINDOW_DAYS = 90;

class EmergingTopicsFilters {
  @ApiPropertyOptional({ example: '2026-03-29', description: `Last day of the window (network time zone), ${DAY_RANGE_TEXT} (else a 400). Default: today` })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'at must be a date YYYY-MM-DD' })
  at?: string;

  @ApiPropertyOptional({
    example: '7d',
    default: '7d',
    description: `Window length: <n>d, 1 ≤ n ≤ ${MAX_WINDOW_DAYS}. The baseline is the 4 windows of the same length before it`,
  })
  @IsOptional()
  @Matches(/^\d{1,3}d$/, { message: 'window must be a number of days like 7d' })
  window?: string;

  @ApiPropertyOptional({ default: DEFAULT_MIN_MENTIONS, minimum: 1, description: 'Minimum support: activities of the window holding the term' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minMentions?: number;

  @ApiPropertyOptional({ default: DEFAULT_MIN_AUTHORS, minimum: 1, description: 'Minimum support: distinct authors of those activities' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minAuthors?: number;

  @ApiPropertyOptional({ default: DEFAULT_MIN_SCORE, description: 'Minimum burst score (mentions − baseline) / √(baseline + 1)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1_000_000)
  @Max(1_000_000)
  minScore?: number;
}

export class EmergingTopicsQuery extends IntersectionType(EmergingTopicsFilters, PageQuery) {}

export class EmergingTopicView {
  @ApiProperty({ example: 'vpn', description: "The most frequent written form (lowercased) among the window's mentions; ties: the first in code-point order" })
  term: string;

  @ApiProperty({ type: 'integer', example: 8, description: 'Activities of the window holding the term (once per activity, in the text or a tag)' })
  mentions: number;

  @ApiProperty({ type: 'integer', example: 5, description: 'Distinct authors of those activities' })
  authors: number;

  @ApiProperty({ type: 'integer', example: 6, description: 'How many of those activities are questions' })
  questions: number;

  @ApiProperty({
    type: 'integer',
    example: 7,
    description: 'How many of those activities belong to question threads: questions, and replies and shares whose thread root is a question',
  })
  questionThreadMentions: number;

  @ApiProperty({ example: 0.5, description: 'Mean of the mentions in the 4 previous windows' })
  baseline: number;

  @ApiProperty({ example: 6.532, description: '(mentions − baseline) / √(baseline + 1), 4 decimals' })
  score: number;

  @ApiProperty({
    enum: ['problem', 'topic'],
    example: 'problem',
    description: 'problem when more than half of the mentions belong to question threads (questionThreadMentions × 2 > mentions), else topic',
  })
  kind: 'problem' | 'topic';

  @ApiProperty({ type: [String], example: ['a981', 'a977', 'a960'], description: 'Up to 5 activity externalIds of the window, the most recent first' })
  samples: string[];
}

export class EmergingTopicsPage extends PageMeta {
  @ApiProperty({ example: '2026-03-29' }) at: string;
  @ApiProperty({ example: '7d' }) window: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({ example: '2026-03-22T23:00:00.000Z', description: 'Window start (inclusive), UTC' }) from: string;
  @ApiProperty({ example: '2026-03-29T22:00:00.000Z', description: 'Window end (exclusive), UTC' }) to: string;
  @ApiProperty({ type: [EmergingTopicView], description: 'By score, then mentions, descending, then term' }) items: EmergingTopicView[];
}
