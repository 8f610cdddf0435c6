import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Member } from '../ingestion/member.entity';

/** A declared triptych as it was after one change: the history GET /v1/members/{id}/profile/history lists. */
@Entity({ name: 'profile_versions' })
@Index('profile_versions_member_idx', ['memberId', 'version'], { unique: true })
export class ProfileVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'member_id', type: 'bigint' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member: Relation<Member>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'changed_by', type: 'varchar', length: 64 })
  changedBy: string;

  /** {expertise: [{topic, level}], competences: [{topic, level}], interests: [{topic}]} as declared. */
  @Column({ type: 'jsonb' })
  profile: Record<string, unknown>;
}
