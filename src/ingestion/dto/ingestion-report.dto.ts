import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IngestedActivityView, GroupView, MemberView } from './ingested-views.dto';

export class RejectedRecord {
  @ApiProperty({ example: 3, description: '1-based: the NDJSON line, or the position in the JSON array' })
  line: number;

  @ApiPropertyOptional({ example: 'a3' })
  externalId?: string;

  @ApiProperty({ example: 'occurredAt must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T10:15:00+01:00' })
  error: string;
}

/** `inserted + updated + duplicates + rejected.length = received` */
export class IngestionReport {
  @ApiProperty({ example: 4, description: 'Records in the body (blank NDJSON lines are not records)' })
  received: number;

  @ApiProperty({ example: 2, description: 'New records (including ones only known as placeholders or tombstones before)' })
  inserted: number;

  @ApiProperty({ example: 1, description: 'Records whose key existed with different fields' })
  updated: number;

  @ApiProperty({ example: 0, description: 'Records identical to what is stored' })
  duplicates: number;

  @ApiProperty({ type: [RejectedRecord], description: 'Bad records with their line and reason; the others were stored' })
  rejected: RejectedRecord[];
}

export class SingleRecordResult {
  @ApiProperty({ enum: ['inserted', 'updated', 'duplicate'], example: 'inserted' })
  outcome: 'inserted' | 'updated' | 'duplicate';
}

export class MemberWriteResult extends SingleRecordResult {
  @ApiProperty({ type: () => MemberView }) member: MemberView;
}

export class GroupWriteResult extends SingleRecordResult {
  @ApiProperty({ type: () => GroupView }) group: GroupView;
}

export class ActivityWriteResult extends SingleRecordResult {
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(IngestedActivityView) }],
    nullable: true,
    description: 'null after a deletion, or when this externalId was deleted earlier (deletion is final)',
  })
  activity: IngestedActivityView | null;
}
