import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Member } from '../ingestion/member.entity';

export const FACETS = ['expertise', 'competence', 'interest'] as const;
export type Facet = (typeof FACETS)[number];

/**
 * One declared topic of a member's triptych. `topic` is kept as written (for display); `topicKey` is
 * its SPEC §3.6 normalisation (tokens joined by a space), which makes topics comparable across
 * members and with the observed evidence, and rejects duplicates within a facet.
 */
@Entity({ name: 'profile_topics' })
@Index('profile_topics_topic_idx', ['topicKey', 'facet'])
@Check('profile_topics_facet_ck', `facet IN ('expertise', 'competence', 'interest')`)
@Check('profile_topics_level_ck', `level IS NULL OR level BETWEEN 1 AND 5`)
export class ProfileTopic {
  @PrimaryColumn({ name: 'member_id', type: 'bigint' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member: Relation<Member>;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  facet: Facet;

  @PrimaryColumn({ name: 'topic_key', type: 'varchar', length: 400 })
  topicKey: string;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  /** 1–5 for expertise and competences; null for interests. */
  @Column({ type: 'smallint', nullable: true })
  level: number | null;

  @Column({ type: 'integer' })
  position: number;
}
