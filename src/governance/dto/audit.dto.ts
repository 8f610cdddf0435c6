import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/pagination';
import { IsIsoDateTime } from '../../common/validation/iso-date-time';

class AuditFilters {
  @ApiPropertyOptional({
    example: 'member.erase',
    description:
      'Exact action: api-key.create, api-key.revoke, objective.create|replace|delete, profile.update|read, profile.history.read, hr.interest-profiles.read, hr.interest-map.read, experts.read, expertise-coverage.read, animator-candidates.read, live.read, member.erase, member.export',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  action?: string;

  @ApiPropertyOptional({ example: '0b6f3c1e-0f5e-4a53-9a0c-0f1d2e3c4b5a', description: 'API key id that acted (bootstrap-admin for ADMIN_API_KEY)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  actor?: string;

  @ApiPropertyOptional({ example: 'u17', description: 'What the action was about (member externalId, key id, objective key)' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  target?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Entries at or after (ISO 8601 with offset)' })
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Entries before' })
  @IsOptional()
  @IsIsoDateTime()
  to?: string;
}

export class AuditQuery extends IntersectionType(AuditFilters, PageQuery) {}

export class AuditEntryView {
  @ApiProperty({ example: '1842' }) id: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) occurredAt: string;
  @ApiProperty({ example: '0b6f3c1e-0f5e-4a53-9a0c-0f1d2e3c4b5a' }) actor: string;
  @ApiProperty({ example: 'member.erase' }) action: string;
  @ApiProperty({ type: String, nullable: true, example: 'u17' }) target: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { activityTexts: 42 },
    description: 'What the action did or read; `clientRequestId`: the X-Request-Id the caller sent, if any',
  })
  details: Record<string, unknown> | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'c0a8012e-6b1f-4e0e-9d7a-2f5c3b1a9e77',
    description: "The service's own id of the request (as answered in X-Request-Id and logged), never the caller's",
  })
  requestId: string | null;
}

export class AuditPage extends PageMeta {
  @ApiProperty({ type: [AuditEntryView], description: 'Newest first' }) items: AuditEntryView[];
}
