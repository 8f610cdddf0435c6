import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';
import { IsIsoDateTime } from '../../common/validation/iso-date-time';
import { DAY_RANGE_TEXT, INSTANT_RANGE_TEXT, MAX_SERIES_BUCKETS } from '../../common/validation/window-limits';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** from / to / group / department, common to every indicator (SPEC §3). */
export class WindowQuery {
  @ApiPropertyOptional({
    example: '2026-03-01T00:00:00+01:00',
    description: `Window start, inclusive (ISO 8601 with offset), ${INSTANT_RANGE_TEXT} (else a 400). Default: \`to\` − 28 days`,
  })
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-29T00:00:00+01:00',
    description: `Window end, exclusive (ISO 8601 with offset), ${INSTANT_RANGE_TEXT} (else a 400). Default: now`,
  })
  @IsOptional()
  @IsIsoDateTime()
  to?: string;

  @ApiPropertyOptional({ example: 'g-cloud', description: 'Restrict to this group (externalId); an unknown group is a 400' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string;

  @ApiPropertyOptional({
    example: 'R&D',
    description: 'Keep activities whose author is in this department (for responsiveness: the roots whose author is in it)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  department?: string;
}

export class SeriesWindowQuery extends WindowQuery {
  @ApiPropertyOptional({
    enum: GRANULARITIES,
    default: 'day',
    description: `Series buckets, in the network time zone; weeks start on Monday. At most ${MAX_SERIES_BUCKETS} buckets per series (a day series covers about 2.7 years, week 19, month 83): a longer series is a 400 naming the granularities that fit`,
  })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;
}

export class EngagementQuery {
  @ApiPropertyOptional({ example: '2026-03-15', description: `The day (network time zone), ${DAY_RANGE_TEXT} (else a 400). Default: today` })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'at must be a date YYYY-MM-DD' })
  at?: string;

  @ApiPropertyOptional({ example: 'g-cloud' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string;

  @ApiPropertyOptional({ example: 'R&D' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  department?: string;
}

/** The window filters plus limit/cursor (validation and docs of both, merged). */
export class UnansweredQuery extends IntersectionType(WindowQuery, PageQuery) {}

/** The window, department and paging: drift has one row per group, so no `group` filter. */
export class DriftQuery extends IntersectionType(OmitType(WindowQuery, ['group'] as const), PageQuery) {}

/** The series window plus the objective of change adoption (SPEC §3.9). */
export class AdoptionQuery extends SeriesWindowQuery {
  @ApiPropertyOptional({
    example: 'cloud-first',
    description: 'Key of an active objective that applies to the network (else a 404); without it, every such objective with its totals',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  objective?: string;
}
