import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/pagination';
import { METRICS } from '../metrics.registry';
import { WindowQuery } from './indicator-query.dto';

/** Fields a comparison can be sorted by: the registry's activity totals, the two responsiveness figures and the leader extras. */
export const COMPARISON_SORT_FIELDS = [
  ...METRICS.filter((m) => m.endpoint === 'activity').map((m) => m.name),
  'responseRate',
  'medianTimeToFirstResponse',
  'alignmentRate',
  'groupsLed',
  'ownContributions',
  'firstResponses',
] as const;

class SortQuery {
  @ApiPropertyOptional({
    enum: COMPARISON_SORT_FIELDS,
    default: 'contributions',
    description: 'Field to sort and rank by (leader fields apply to leader rows)',
  })
  @IsOptional()
  @IsIn(COMPARISON_SORT_FIELDS)
  sort?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc', description: 'Nulls come last in both orders' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

/** Window and department filters (no `group`: the rows are the groups), sort and paging. */
export class ComparisonQuery extends IntersectionType(OmitType(WindowQuery, ['group'] as const), SortQuery, PageQuery) {}

export class ComparisonPageView extends PageMeta {
  @ApiProperty({ example: '2026-03-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-03-29T00:00:00.000Z' }) to: string;
  @ApiProperty({
    example: true,
    description: 'false while an objective in force is being re-matched: alignment figures are not final yet (see GET /v1/objectives/{key})',
  })
  alignmentFinal: boolean;
  @ApiProperty({ example: 'contributions' }) sort: string;
  @ApiProperty({ enum: ['asc', 'desc'] }) order: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'One row per entity: its identity (group + name + visibility + leaderInactive; member + displayName + department + groupsLed + ownContributions + firstResponses; department; network + name), ' +
      'the SPEC §3.1 totals of its scope (posts … growth), responseRate, medianTimeToFirstResponse, alignedContributions and alignmentRate (SPEC §3.6 over the scope), and rank (competition ranking on the sort field; null for null values). ' +
      'Confidential group names are null for keys not allowed to see them.',
    example: [
      {
        group: 'g-cloud',
        name: 'Cloud',
        visibility: 'public',
        posts: 4,
        contributions: 21,
        members: 30,
        participationRate: 0.3,
        responseRate: 0.75,
        medianTimeToFirstResponse: 1800,
        alignedContributions: 7,
        alignmentRate: 0.3333,
        leaderInactive: false,
        rank: 1,
      },
    ],
  })
  items: Record<string, unknown>[];
}
