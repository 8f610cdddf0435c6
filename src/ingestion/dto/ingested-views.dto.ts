import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/pagination';
import { ACTIVITY_KINDS, ActivityKind } from '../activity.entity';

export class MemberView {
  @ApiProperty({ example: 'u17' }) externalId: string;
  @ApiProperty({ example: 'Ana Ruiz', nullable: true, type: String, description: 'null while the member is a placeholder' }) displayName: string | null;
  @ApiProperty({ example: 'ana.ruiz@example.com', nullable: true, type: String }) email: string | null;
  @ApiProperty({ example: 'R&D', nullable: true, type: String }) department: string | null;
  @ApiProperty({ example: 'Lyon', nullable: true, type: String }) site: string | null;
  @ApiProperty({ example: 'Network engineer', nullable: true, type: String }) jobTitle: string | null;
  @ApiProperty({ example: '2025-09-01T07:00:00.000Z', nullable: true, type: String }) joinedAt: string | null;
  @ApiProperty({ example: false, description: 'true until a member record completes it' }) placeholder: boolean;
}

export class MemberPage extends PageMeta {
  @ApiProperty({ type: [MemberView] }) items: MemberView[];
}

export class GroupView {
  @ApiProperty({ example: 'g-cloud' }) externalId: string;
  @ApiProperty({
    example: 'Cloud',
    nullable: true,
    type: String,
    description: 'null for placeholders and, for keys not allowed to see them, confidential groups',
  })
  name: string | null;
  @ApiProperty({ enum: ['public', 'private', 'confidential'], nullable: true, description: 'null while the group is a placeholder (treated as confidential)' })
  visibility: string | null;
  @ApiProperty({ example: '2024-01-10T08:00:00.000Z', nullable: true, type: String }) createdAt: string | null;
  @ApiProperty({ type: [String], example: ['u17'], description: 'Effective leaders (group record or membership role); hidden for confidential groups' })
  leaders: string[];
  @ApiProperty({ example: false }) placeholder: boolean;
}

export class GroupPage extends PageMeta {
  @ApiProperty({ type: [GroupView] }) items: GroupView[];
}

export class MembershipView {
  @ApiProperty({ example: 'g-cloud' }) group: string;
  @ApiProperty({ example: 'u18' }) member: string;
  @ApiProperty({ enum: ['member', 'leader'], description: "leader when the membership record or the group's leaders list says so" }) role: string;
  @ApiProperty({ example: '2026-01-05T09:00:00.000Z', nullable: true, type: String }) joinedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) leftAt: string | null;
}

export class MembershipPage extends PageMeta {
  @ApiProperty({ type: [MembershipView] }) items: MembershipView[];
}

export class IngestedActivityView {
  @ApiProperty({ example: 'a1' }) externalId: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: string;
  @ApiProperty({ example: 'u18', nullable: true, type: String, description: 'null for confidential content the key may not see' }) author: string | null;
  @ApiProperty({ example: 'g-cloud', nullable: true, type: String }) group: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) parent: string | null;
  @ApiProperty({ example: 'a1', nullable: true, type: String, description: 'externalId of the thread root; null while the chain to it is incomplete' }) root:
    string | null;
  @ApiProperty({ example: '2026-03-02T09:15:00.000Z' }) occurredAt: string;
  @ApiProperty({ example: 'Quel quota VPN ?', nullable: true, type: String }) text: string | null;
  @ApiProperty({ type: [String], nullable: true, example: ['vpn'] }) tags: string[] | null;
  @ApiProperty({ example: null, nullable: true, type: String }) reaction: string | null;
}

export class ActivityPage extends PageMeta {
  @ApiProperty({ type: [IngestedActivityView] }) items: IngestedActivityView[];
}

export class MembershipQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'g-cloud', description: 'Only this group' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string;
}

export class IngestedActivityQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ example: 'g-cloud', description: 'Only this group' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string;
}
