import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageMeta } from '../../common/pagination/pagination';
import { NETWORK_KEY_PATTERN } from '../../networks/dto/network.dto';
import { REMATCH_STATES, RematchState } from '../objective.entity';

export const OBJECTIVE_KEY_PATTERN = /^[A-Za-z0-9._-]{1,200}$/;
export const MAX_KEYWORD_WEIGHT = 1000;

export class KeywordDto {
  @ApiProperty({
    example: 'mot de passe',
    maxLength: 200,
    description:
      'A word or a phrase (FR or EN). Matched after SPEC §3.6 normalisation: it must keep at least one token, and no two terms of an objective may normalise to the same tokens',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  term: string;

  @ApiProperty({
    example: 2,
    exclusiveMinimum: true,
    minimum: 0,
    maximum: MAX_KEYWORD_WEIGHT,
    description: 'Importance of the keyword, > 0 (used by weightedMatches)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive({ message: 'weight must be greater than 0' })
  @Max(MAX_KEYWORD_WEIGHT)
  weight: number;
}

export class PutObjectiveDto {
  @ApiProperty({ example: 'Cybersecurity', maxLength: 500 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(500)
  name: string;

  @ApiProperty({
    type: [KeywordDto],
    minItems: 1,
    maxItems: 500,
    example: [
      { term: 'cybersécurité', weight: 2 },
      { term: 'mot de passe', weight: 1 },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => KeywordDto)
  keywords: KeywordDto[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['rse-france'],
    description: 'Network keys the objective applies to; absent or null: every network',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @Matches(NETWORK_KEY_PATTERN, { each: true, message: 'each network must be a network key (lowercase letters, digits, - and _)' })
  networks?: string[] | null;

  @ApiPropertyOptional({ default: true, description: 'Inactive objectives are kept (and matched) but not counted nor listed' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class KeywordView {
  @ApiProperty({ example: 'cybersécurité' })
  term: string;

  @ApiProperty({ example: 2 })
  weight: number;
}

export class RematchView {
  @ApiProperty({
    enum: REMATCH_STATES,
    example: 'running',
    description: 'pending: waiting to start; running; done: every existing activity is matched; failed: see the logs (a restart retries it)',
  })
  state: RematchState;

  @ApiProperty({ example: 1200, description: 'Activities re-matched so far' })
  done: number;

  @ApiProperty({ example: 5000, description: 'Live contributions to re-match (counted when the job starts)' })
  total: number;

  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:00:00.000Z' })
  startedAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  finishedAt: string | null;
}

export class ObjectiveView {
  @ApiProperty({ example: 'cyber' })
  key: string;

  @ApiProperty({ example: 'Cybersecurity' })
  name: string;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['rse-france'],
    description: 'null: every network. A key limited to networks sees only those of its networks here',
  })
  networks: string[] | null;

  @ApiProperty({ type: [KeywordView] })
  keywords: KeywordView[];

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  updatedAt: string;

  @ApiProperty({ type: RematchView, description: 'Progress of the re-matching of existing activities after the last change of keywords or networks' })
  rematch: RematchView;
}

export class ObjectivePage extends PageMeta {
  @ApiProperty({ type: [ObjectiveView] })
  items: ObjectiveView[];
}
