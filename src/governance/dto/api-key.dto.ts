import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMeta } from '../../common/pagination/pagination';
import { NETWORK_KEY_PATTERN } from '../../networks/dto/network.dto';
import { API_KEY_ROLES, ApiKeyRole } from '../api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'HRIS nightly sync', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    enum: API_KEY_ROLES,
    example: 'integrator',
    description: 'admin: everything; integrator: ingestion and reads of what it ingested; cno: indicators, comparisons, health; hr: profiles and /v1/hr/*',
  })
  @IsIn(API_KEY_ROLES)
  role: ApiKeyRole;

  @ApiPropertyOptional({
    type: [String],
    example: ['rse-france'],
    description:
      'Limit the key to these network keys, which must exist (400 naming the unknown ones); omit for every network. A key limited to a network also sees its confidential groups. Not allowed for admin keys.',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(NETWORK_KEY_PATTERN, { each: true, message: 'each network must be a network key (lowercase letters, digits, - and _)' })
  networks?: string[];
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid', example: '0b6f3c1e-0f5e-4a53-9a0c-0f1d2e3c4b5a' })
  id: string;

  @ApiProperty({ example: 'HRIS nightly sync' })
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES, example: 'integrator' })
  role: ApiKeyRole;

  @ApiProperty({ type: [String], nullable: true, example: ['rse-france'], description: 'null: every network' })
  networks: string[] | null;

  @ApiProperty({ example: 'cno_Xk3f9Qa2', description: 'First characters of the secret' })
  keyPrefix: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  revokedAt: string | null;
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ example: 'cno_Xk3f9Qa2Vb7mN1pLr8sT4uW6yZ0cE5gH9jK2lM3nO4q', description: 'The secret, shown once: only its hash is stored' })
  secret: string;
}

export class ApiKeyPage extends PageMeta {
  @ApiProperty({ type: [ApiKeyView] })
  items: ApiKeyView[];
}
