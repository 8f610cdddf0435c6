import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMeta } from '../../common/pagination/pagination';
import { IsTimeZone } from '../../common/validation/time-zone';

export const NETWORK_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class CreateNetworkDto {
  @ApiProperty({ example: 'rse-france', pattern: NETWORK_KEY_PATTERN.source, description: 'Stable key used in URLs' })
  @IsString()
  @Matches(NETWORK_KEY_PATTERN, { message: 'key must be 1-64 lowercase letters, digits, - or _, starting with a letter or digit' })
  key: string;

  @ApiProperty({ example: 'RSE France', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', default: 'UTC', description: 'IANA time zone used for day/week/month buckets' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}

export class NetworkView {
  @ApiProperty({ example: 'rse-france' })
  key: string;

  @ApiProperty({ example: 'RSE France' })
  name: string;

  @ApiProperty({ example: 'Europe/Paris' })
  timezone: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({
    example: true,
    description:
      'Whether the terms of every contribution are indexed for emerging topics. False after an upgrade for a network that already had activities, ' +
      'until the background terms-index job has indexed them: meanwhile emerging topics answer the same figures, extracting terms at each request (slower).',
  })
  termsIndexed: boolean;
}

export class NetworkPage extends PageMeta {
  @ApiProperty({ type: [NetworkView] })
  items: NetworkView[];
}
