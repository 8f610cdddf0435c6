import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, Equals, IsArray, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../../common/validation/iso-date-time';
import { ACTIVITY_KINDS, ActivityKind } from '../activity.entity';
import { GROUP_VISIBILITIES, GroupVisibility } from '../group.entity';
import { MEMBERSHIP_ROLES, MembershipRole } from '../membership.entity';

export const RECORD_TYPES = ['member', 'group', 'membership', 'activity'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const EXTERNAL_ID = { minLength: 1, maxLength: 200, example: 'u17' };
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_TAGS = 50;

/** Member fields, shared by the `member` event and `PUT /v1/members/{externalId}`. */
export class MemberFields {
  @ApiProperty({ example: 'Ana Ruiz', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  displayName: string;

  @ApiPropertyOptional({ example: 'ana.ruiz@example.com', type: String, nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ example: 'R&D', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  department?: string | null;

  @ApiPropertyOptional({ example: 'Lyon', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  site?: string | null;

  @ApiPropertyOptional({ example: 'Network engineer', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  jobTitle?: string | null;

  @ApiPropertyOptional({
    example: '2025-09-01T09:00:00+02:00',
    type: String,
    nullable: true,
    description: 'When the collaborator joined; counts from ingestion when absent',
  })
  @IsOptional()
  @IsIsoDateTime()
  joinedAt?: string | null;
}

export class MemberRecord extends MemberFields {
  @ApiProperty({ enum: ['member'] })
  @Equals('member')
  type: 'member';

  @ApiProperty(EXTERNAL_ID)
  @IsString()
  @Length(1, 200)
  externalId: string;
}

/** Group fields, shared by the `group` event and `PUT /v1/networks/{key}/groups/{externalId}`. */
export class GroupFields {
  @ApiProperty({ example: 'Cloud', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: GROUP_VISIBILITIES, example: 'public' })
  @IsIn(GROUP_VISIBILITIES)
  visibility: GroupVisibility;

  @ApiPropertyOptional({ example: '2024-01-10T08:00:00Z', type: String, nullable: true })
  @IsOptional()
  @IsIsoDateTime()
  createdAt?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['u17'],
    description: "Member externalIds of the group's leaders (the full list: members left out stop being declared leaders)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  leaders?: string[] | null;
}

export class GroupRecord extends GroupFields {
  @ApiProperty({ enum: ['group'] })
  @Equals('group')
  type: 'group';

  @ApiProperty({ ...EXTERNAL_ID, example: 'g-cloud' })
  @IsString()
  @Length(1, 200)
  externalId: string;
}

export class MembershipRecord {
  @ApiProperty({ enum: ['membership'] })
  @Equals('membership')
  type: 'membership';

  @ApiProperty({ ...EXTERNAL_ID, example: 'g-cloud', description: 'Group externalId' })
  @IsString()
  @Length(1, 200)
  group: string;

  @ApiProperty({ ...EXTERNAL_ID, example: 'u18', description: 'Member externalId' })
  @IsString()
  @Length(1, 200)
  member: string;

  @ApiPropertyOptional({ enum: MEMBERSHIP_ROLES, default: 'member' })
  @IsOptional()
  @IsIn(MEMBERSHIP_ROLES)
  role?: MembershipRole | null;

  @ApiPropertyOptional({ example: '2026-01-05T09:00:00Z', type: String, nullable: true })
  @IsOptional()
  @IsIsoDateTime()
  joinedAt?: string | null;

  @ApiPropertyOptional({ example: null, type: String, nullable: true })
  @IsOptional()
  @IsIsoDateTime()
  leftAt?: string | null;
}

/** Activity fields, shared by the `activity` event and `POST /v1/networks/{key}/activities`. */
export class ActivityFields {
  @ApiProperty({ ...EXTERNAL_ID, example: 'a1', description: 'Unique within the network' })
  @IsString()
  @Length(1, 200)
  externalId: string;

  @ApiPropertyOptional({
    description: '`true` removes the activity from every indicator; a deletion carries only type, externalId and deleted',
    example: false,
  })
  @IsOptional()
  @IsIn([true, false])
  deleted?: boolean;

  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'question', description: 'post/question start a thread; reply, reaction, share and accept need a parent' })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @ApiProperty({ ...EXTERNAL_ID, example: 'u18', description: 'Member externalId; an unknown author becomes a placeholder member' })
  @IsString()
  @Length(1, 200)
  author: string;

  @ApiPropertyOptional({
    ...EXTERNAL_ID,
    example: 'g-cloud',
    type: String,
    nullable: true,
    description: 'Group externalId; omitted for activities outside any group',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string | null;

  @ApiPropertyOptional({
    ...EXTERNAL_ID,
    example: 'a0',
    type: String,
    nullable: true,
    description: 'externalId of the activity this one answers, reacts to, shares or accepts; may arrive later',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  parent?: string | null;

  @ApiProperty({ example: '2026-03-02T10:15:00+01:00', description: 'ISO 8601 with offset' })
  @IsIsoDateTime()
  occurredAt: string;

  @ApiPropertyOptional({ example: 'Quel quota VPN ?', maxLength: MAX_TEXT_LENGTH, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT_LENGTH)
  text?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['vpn'], maxItems: MAX_TAGS, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  tags?: string[] | null;

  @ApiPropertyOptional({ example: 'like', maxLength: 64, type: String, nullable: true, description: 'Label of a reaction (kind reaction only)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reaction?: string | null;
}

export class ActivityRecord extends ActivityFields {
  @ApiProperty({ enum: ['activity'] })
  @Equals('activity')
  type: 'activity';
}

/** `{"type":"activity","externalId":"a1","deleted":true}` */
export class ActivityDeletionRecord {
  @ApiProperty({ enum: ['activity'] })
  @Equals('activity')
  type: 'activity';

  @ApiProperty(EXTERNAL_ID)
  @IsString()
  @Length(1, 200)
  externalId: string;

  @ApiProperty({ enum: [true] })
  @Equals(true)
  deleted: true;
}

/**
 * `POST /v1/networks/{key}/activities` with `{"externalId":"a1","deleted":true}`: the bulk deletion
 * record, whose `type` may be left out on the single-record endpoint.
 */
export class ActivityDeletionFields {
  @ApiPropertyOptional({ enum: ['activity'], description: 'Optional on the single-record endpoint' })
  @IsOptional()
  @Equals('activity')
  type?: 'activity';

  @ApiProperty({ ...EXTERNAL_ID, example: 'a1' })
  @IsString()
  @Length(1, 200)
  externalId: string;

  @ApiProperty({ enum: [true], description: 'Removes the activity from every indicator (a tombstone keeps a late copy deleted)' })
  @Equals(true)
  deleted: true;
}
