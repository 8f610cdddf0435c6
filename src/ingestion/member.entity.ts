import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A collaborator of the organisation, org-wide, keyed by the client's externalId.
 * A placeholder is created when an activity, membership or group names an unknown member;
 * the member record completes it later (order-independent ingestion).
 */
@Entity({ name: 'members' })
export class Member {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200, unique: true })
  externalId: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  department: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  site: string | null;

  @Column({ name: 'job_title', type: 'varchar', length: 200, nullable: true })
  jobTitle: string | null;

  @Column({ name: 'joined_at', type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  /** True until a member record for this externalId has been ingested. */
  @Column({ name: 'is_placeholder', type: 'boolean', default: false })
  isPlaceholder: boolean;

  /**
   * When the member's personal data was erased (GDPR, DELETE /v1/members/{externalId}): name, email,
   * site, job title, profile and texts are gone, and later member records cannot bring them back.
   * The row stays, pseudonymous, so that every count and indicator keeps its value.
   */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
