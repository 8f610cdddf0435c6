import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REMATCH_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type RematchState = (typeof REMATCH_STATES)[number];

/**
 * A business objective (SPEC §2): weighted keywords the CNO wants the network's discussions to be
 * about. Organisation-wide; `networkIds` null means it applies to every network.
 *
 * `rematch*` tracks the background job that re-matches existing activities after the keywords or
 * networks change; `rematchGeneration` grows with every change that needs one, so a job that sees a
 * newer generation knows it was superseded.
 */
@Entity({ name: 'objectives' })
@Index('objectives_key_uq', ['key'], { unique: true })
@Check('objectives_rematch_state_ck', `rematch_state IN ('pending', 'running', 'done', 'failed')`)
export class Objective {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 500 })
  name: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'network_ids', type: 'integer', array: true, nullable: true })
  networkIds: number[] | null;

  @Column({ name: 'rematch_generation', type: 'integer', default: 0 })
  rematchGeneration: number;

  @Column({ name: 'rematch_state', type: 'varchar', length: 16, default: 'done' })
  rematchState: RematchState;

  @Column({ name: 'rematch_done', type: 'integer', default: 0 })
  rematchDone: number;

  @Column({ name: 'rematch_total', type: 'integer', default: 0 })
  rematchTotal: number;

  @Column({ name: 'rematch_started_at', type: 'timestamptz', nullable: true })
  rematchStartedAt: Date | null;

  @Column({ name: 'rematch_finished_at', type: 'timestamptz', nullable: true })
  rematchFinishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
