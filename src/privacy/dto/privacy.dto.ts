import { ApiProperty } from '@nestjs/swagger';

export class ErasedCountsView {
  @ApiProperty({ type: 'integer', example: 42, description: 'Activities whose text, tags or reaction label were erased' }) activityTexts: number;
  @ApiProperty({ type: 'integer', example: 3 }) profileVersions: number;
  @ApiProperty({ type: 'integer', example: 5 }) profileTopics: number;
  @ApiProperty({ type: 'integer', example: 1 }) profiles: number;
  @ApiProperty({ type: 'integer', example: 10 }) inferredInterests: number;
  @ApiProperty({ type: 'integer', example: 4 }) expertiseEvidence: number;
  @ApiProperty({ type: 'integer', example: 1 }) animatorScores: number;
  @ApiProperty({ type: 'integer', example: 120, description: 'Terms of their contributions indexed for emerging topics' }) activityTerms: number;
}

export class ErasureReport {
  @ApiProperty({ example: 'u17' }) member: string;
  @ApiProperty({
    type: ErasedCountsView,
    description: 'What was erased; the member row and the activity rows stay (pseudonymous) so every indicator keeps its value',
  })
  erased: ErasedCountsView;
}

const rowsOf = (description: string) => ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description });

export class MemberExport {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The member record: externalId, displayName, email, department, site, jobTitle, joinedAt, placeholder, erasedAt, createdAt, updatedAt',
  })
  member: Record<string, unknown>;
  @rowsOf(
    "Networks the member was ingested through (only the key's networks for a key limited to networks, as every part below but the member record, profile and profile history)",
  )
  networks: Record<string, unknown>[];
  @rowsOf('Group memberships and leaderships; `groupName` is null on `confidential` rows unless the key may see the group') memberships: Record<
    string,
    unknown
  >[];
  @rowsOf(
    "Every activity they authored in the networks the key reads, in every group, deleted ones too; `confidential` marks a confidential activity (in a confidential or not yet known group, or sent without a group in such a group's thread), whose text, tags and reaction are null unless the key may see the group (admin keys and keys limited to its network); `parent` stays",
  )
  activities: Record<string, unknown>[];
  @rowsOf('Declared triptych: facet, topic, level') profile: Record<string, unknown>[];
  @rowsOf('Every declared version') profileHistory: Record<string, unknown>[];
  @rowsOf('Inferred interest centres per network') inferredInterests: Record<string, unknown>[];
  @rowsOf('Observed expertise evidence per network and topic') expertiseEvidence: Record<string, unknown>[];
  @rowsOf('Animator candidate scores per network') animatorScores: Record<string, unknown>[];
  @rowsOf(
    'Audit log entries about them, by any key: profile.update, profile.read, profile.history.read, member.export, member.erase on their externalId (not other objects that share that name); `details` is null for a key limited to networks',
  )
  auditEntries: Record<string, unknown>[];
}
