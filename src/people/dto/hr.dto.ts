import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/pagination';
import { InterestTopicDto, LeveledTopicDto } from './profile.dto';

class FormatQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'csv streams every profile as RFC 4180 CSV (UTF-8), ignoring limit and cursor; `Accept: text/csv` does the same',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
export class InterestProfilesQuery extends IntersectionType(FormatQuery, PageQuery) {}

export class InterestMapQuery {
  @ApiProperty({ enum: ['department', 'site'], example: 'department' })
  @IsIn(['department', 'site'])
  by: 'department' | 'site';
}

export class InferredTermView {
  @ApiProperty({ example: 'kubernetes' }) term: string;
  @ApiProperty({ example: 4.1589, description: 'TF-IDF weight, summed over the networks read' }) weight: number;
}

export class InterestProfileView {
  @ApiProperty({ example: 'u17' }) member: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ana Ruiz' }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'R&D' }) department: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lyon' }) site: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Cloud architect' }) jobTitle: string | null;
  @ApiProperty({ type: [LeveledTopicDto] }) expertise: LeveledTopicDto[];
  @ApiProperty({ type: [LeveledTopicDto] }) competences: LeveledTopicDto[];
  @ApiProperty({ type: [InterestTopicDto] }) interests: InterestTopicDto[];
  @ApiProperty({ type: [InferredTermView], description: 'Top 10 inferred interest centres (people index)' }) inferredInterests: InferredTermView[];
}

export class InterestProfilePage extends PageMeta {
  @ApiProperty({ type: [InterestProfileView] }) items: InterestProfileView[];
}

export class InterestCellView {
  @ApiProperty({ example: 'cybersécurité' }) topic: string;
  @ApiProperty({ type: 'integer', example: 7, description: 'Members of the unit with this topic (≥ K_ANONYMITY, or the cell is suppressed)' }) members: number;
}

export class InterestUnitView {
  @ApiProperty({ type: String, nullable: true, example: 'R&D', description: 'null: members with no department (or site)' }) unit: string | null;
  @ApiProperty({ type: 'integer', example: 42 }) members: number;
  @ApiProperty({ type: [InterestCellView], description: 'Most shared first' }) topics: InterestCellView[];
}

export class InterestMapView {
  @ApiProperty({ enum: ['department', 'site'] }) by: 'department' | 'site';
  @ApiProperty({ type: 'integer', example: 5, description: 'K_ANONYMITY: cells and units built on fewer members are suppressed' }) k: number;
  @ApiProperty({ type: [InterestUnitView] }) units: InterestUnitView[];
  @ApiProperty({ type: 'integer', example: 1, description: 'Units left out because they have fewer than k members' }) suppressedUnits: number;
  @ApiProperty({
    type: 'integer',
    example: 12,
    description: 'Topic cells left out because fewer than k members hold them (including those of suppressed units)',
  })
  suppressedCells: number;
}
