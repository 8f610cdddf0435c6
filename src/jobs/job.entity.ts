import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const JOB_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * A background job (src/jobs/job-runner.service.ts): one row per kind and key (the objective id of a
 * re-match, the network id of a people index), so there is at most one active job per kind and key.
 * A `running` job belongs to `leaseOwner` (an instance id) until `leaseExpiresAt`; its owner renews
 * the lease while it works, and any live instance takes a job whose lease expired. `rerun`: asked
 * again while it was running, so it runs again once done.
 */
@Entity({ name: 'jobs' })
@Index('jobs_kind_key_uq', ['kind', 'key'], { unique: true })
@Index('jobs_claimable_ix', ['state', 'leaseExpiresAt'])
@Check('jobs_state_ck', `state IN ('pending', 'running', 'done', 'failed')`)
export class Job {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state: JobState;

  @Column({ type: 'boolean', default: false })
  rerun: boolean;

  @Column({ name: 'progress_done', type: 'integer', default: 0 })
  progressDone: number;

  @Column({ name: 'progress_total', type: 'integer', nullable: true })
  progressTotal: number | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 200, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
