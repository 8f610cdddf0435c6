import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Objective } from './objective.entity';

/**
 * One weighted keyword of an objective. `term` is kept as written (for display); `tokens` is its
 * SPEC §3.6 normalisation joined by single spaces, the identity used for matching and for rejecting
 * duplicates. Matches of an activity are rows of `keyword_matches` (migration Objectives), deleted
 * with their keyword.
 */
@Entity({ name: 'objective_keywords' })
@Index('objective_keywords_tokens_uq', ['objectiveId', 'tokens'], { unique: true })
@Check('objective_keywords_weight_ck', `weight > 0`)
export class ObjectiveKeyword {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'objective_id', type: 'integer' })
  objectiveId: number;

  // by name: the entities import each other only as types (no import cycle at load time)
  @ManyToOne('Objective', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_id' })
  objective: Relation<Objective>;

  @Column({ type: 'varchar', length: 200 })
  term: string;

  @Column({ type: 'text' })
  tokens: string;

  @Column({ type: 'double precision' })
  weight: number;

  /** Order in which the keywords were declared: responses list them the same way. */
  @Column({ type: 'integer' })
  position: number;
}
