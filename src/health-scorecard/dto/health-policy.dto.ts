import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, ValidateNested } from 'class-validator';
import { DEFAULT_DIMENSIONS, DEFAULT_RULES, DimensionKey, DIMENSIONS, RULE_RANGES, RuleThresholds } from '../health-policy';

const FINITE = { allowNaN: false, allowInfinity: false };

function dimensionText(key: DimensionKey): string {
  const d = DIMENSIONS[key];
  const dir = d.better === 'higher' ? 'at or below' : 'at or above';
  return (
    `${d.metric}: ${d.meaning}. Status \`watch\` when the value is ${dir} \`watch\`, \`act\` when ${dir} \`act\` ` +
    `(so act ${d.better === 'higher' ? '≤' : '≥'} watch). Thresholds ${d.integer ? 'whole numbers' : 'numbers'} in [${d.min}, ${d.max}]. ` +
    `Default watch ${DEFAULT_DIMENSIONS[key].watch}, act ${DEFAULT_DIMENSIONS[key].act}.`
  );
}

function ruleText(key: keyof RuleThresholds): string {
  const r = RULE_RANGES[key];
  return `${r.meaning}. ${r.integer ? 'A whole number' : 'A number'} in [${r.min}, ${r.max}]; default ${DEFAULT_RULES[key]}.`;
}

const ruleProperty = (key: keyof RuleThresholds, required: boolean) =>
  (required ? ApiProperty : ApiPropertyOptional)({
    type: RULE_RANGES[key].integer ? 'integer' : 'number',
    minimum: RULE_RANGES[key].min,
    maximum: RULE_RANGES[key].max,
    example: DEFAULT_RULES[key],
    description: ruleText(key),
  });

export class ThresholdsDto {
  @ApiPropertyOptional({ example: 0.1, description: 'Where `watch` starts; absent: the default' })
  @IsOptional()
  @IsNumber(FINITE)
  watch?: number;

  @ApiPropertyOptional({ example: 0.05, description: 'Where `act` starts; absent: the default' })
  @IsOptional()
  @IsNumber(FINITE)
  act?: number;
}

const dimensionInput = (key: DimensionKey) => ApiPropertyOptional({ type: ThresholdsDto, description: dimensionText(key) });

export class DimensionPolicyDto {
  @dimensionInput('activity') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) activity?: ThresholdsDto;
  @dimensionInput('participation') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) participation?: ThresholdsDto;
  @dimensionInput('responsiveness') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) responsiveness?: ThresholdsDto;
  @dimensionInput('unanswered') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) unanswered?: ThresholdsDto;
  @dimensionInput('leadership') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) leadership?: ThresholdsDto;
  @dimensionInput('concentration') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) concentration?: ThresholdsDto;
  @dimensionInput('alignment') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) alignment?: ThresholdsDto;
  @dimensionInput('diffusion') @IsOptional() @ValidateNested() @Type(() => ThresholdsDto) diffusion?: ThresholdsDto;
}

/**
 * PUT body: the thresholds to set. It replaces the network's policy: a field left out follows the
 * default (so `{}` resets everything). Types are checked here, ranges and the order of watch and
 * act by the service (one 400 naming every bad field).
 */
export class PutHealthPolicyDto {
  @ruleProperty('unansweredMin', false) @IsOptional() @IsNumber(FINITE) unansweredMin?: number;
  @ruleProperty('alignmentDrop', false) @IsOptional() @IsNumber(FINITE) alignmentDrop?: number;
  @ruleProperty('minContributions', false) @IsOptional() @IsNumber(FINITE) minContributions?: number;
  @ruleProperty('minContributors', false) @IsOptional() @IsNumber(FINITE) minContributors?: number;
  @ruleProperty('busFactorMax', false) @IsOptional() @IsNumber(FINITE) busFactorMax?: number;
  @ruleProperty('siloEi', false) @IsOptional() @IsNumber(FINITE) siloEi?: number;
  @ruleProperty('minInteractions', false) @IsOptional() @IsNumber(FINITE) minInteractions?: number;
  @ruleProperty('declineMax', false) @IsOptional() @IsNumber(FINITE) declineMax?: number;

  @ApiPropertyOptional({ type: DimensionPolicyDto, description: 'Watch and act thresholds per scorecard dimension' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DimensionPolicyDto)
  dimensions?: DimensionPolicyDto;
}

export class ThresholdsView {
  @ApiProperty({ example: 0.1 }) watch: number;
  @ApiProperty({ example: 0.05 }) act: number;
}

const dimensionView = (key: DimensionKey) => ApiProperty({ type: ThresholdsView, description: dimensionText(key) });

export class DimensionPolicyView {
  @dimensionView('activity') activity: ThresholdsView;
  @dimensionView('participation') participation: ThresholdsView;
  @dimensionView('responsiveness') responsiveness: ThresholdsView;
  @dimensionView('unanswered') unanswered: ThresholdsView;
  @dimensionView('leadership') leadership: ThresholdsView;
  @dimensionView('concentration') concentration: ThresholdsView;
  @dimensionView('alignment') alignment: ThresholdsView;
  @dimensionView('diffusion') diffusion: ThresholdsView;
}

/** The effective policy: what the network set, the defaults elsewhere. */
export class HealthPolicyView {
  @ApiProperty({ example: 'rse-france' }) network: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-03-28T09:00:00.000Z',
    description: 'When the policy was last PUT; null: never (every threshold is the default)',
  })
  updatedAt: string | null;
  @ruleProperty('unansweredMin', true) unansweredMin: number;
  @ruleProperty('alignmentDrop', true) alignmentDrop: number;
  @ruleProperty('minContributions', true) minContributions: number;
  @ruleProperty('minContributors', true) minContributors: number;
  @ruleProperty('busFactorMax', true) busFactorMax: number;
  @ruleProperty('siloEi', true) siloEi: number;
  @ruleProperty('minInteractions', true) minInteractions: number;
  @ruleProperty('declineMax', true) declineMax: number;
  @ApiProperty({ type: DimensionPolicyView }) dimensions: DimensionPolicyView;
}
