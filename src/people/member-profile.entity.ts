import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Member } from '../ingestion/member.entity';

/**
 * The declared triptych of a member (SPEC §2): its topics are rows of `profile_topics`; each change
 * is kept whole in `profile_versions`. `version` counts the changes.
 */
@Entity({ name: 'member_profiles' })
export class MemberProfile {
  @PrimaryColumn({ name: 'member_id', type: 'bigint' })
  memberId: string;

  @OneToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member: Relation<Member>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** API key id that made the last change. */
  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;
}
