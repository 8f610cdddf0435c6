import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, EntityManager } from 'typeorm';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { execute, rows, sql, SqlExample } from '../database/sql';

/** Attempts of a job that fails before it is left `failed` (a failure may be the database going away). */
export const JOB_MAX_ATTEMPTS = 3;

/** What a handler sees of the job it runs. */
export interface JobContext {
  readonly kind: string;
  readonly key: string;
  /** 1 for the first run of this request of the job, more after a failure or a takeover. */
  readonly attempt: number;
  /** True once the instance is stopping or lost the job's lease: return 'stopped' at the next batch. */
  stopRequested(): boolean;
  /** Records the job's progress in the jobs table (shown by the job's owner API, and in logs). */
  progress(done: number, total?: number | null): Promise<void>;
  /**
   * Inside a handler's write transaction: locks the job's row and says whether this instance still
   * holds the lease. A batch committed under it cannot overlap a takeover (the taker's claim waits
   * for the row), so work is never counted twice by an old owner and a new one.
   */
  holdsLease(m: EntityManager): Promise<boolean>;
}

/** `done`: finished (or nothing to do); `stopped`: cut short by stopRequested(), to be run again. */
export type JobOutcome = 'done' | 'stopped';

export interface JobHandler {
  run(job: JobContext): Promise<JobOutcome>;
  /** Runs of one request before the job is left `failed` (default JOB_MAX_ATTEMPTS). */
  maxAttempts?: number;
  /** Called after the handler threw; `final` when no attempt is left (the job is then `failed`). */
  failed?(key: string, error: unknown, final: boolean): Promise<void>;
}

interface Claimed {
  id: string;
  kind: string;
  key: string;
  attempts: number;
}

/**
 * Asks for a run of the job (kind, key): a new row is pending; a pending one stays so; a running one
 * stays running and is marked to run again unless `ifIdle` (then a pending or running job is left
 * alone and nothing is returned). Returns the database time of the request.
 */
export function enqueueJob(kind: string, key: string, ifIdle: boolean) {
  return sql<{ at: Date }>`INSERT INTO jobs (kind, key, state) VALUES (${kind}, ${key}, 'pending')
     ON CONFLICT (kind, key) DO UPDATE SET
       state = CASE WHEN jobs.state = 'running' THEN 'running' ELSE 'pending' END,
       rerun = jobs.state = 'running' AND NOT ${ifIdle}::boolean OR jobs.rerun,
       attempts = CASE WHEN jobs.state = 'running' THEN jobs.attempts ELSE 0 END,
       lease_expires_at = CASE WHEN jobs.state = 'running' THEN jobs.lease_expires_at ELSE NULL END,
       last_error = CASE WHEN jobs.state = 'running' THEN jobs.last_error ELSE NULL END,
       updated_at = now()
     WHERE NOT (${ifIdle}::boolean AND jobs.state IN ('pending', 'running'))
     RETURNING clock_timestamp() AS at`;
}

/**
 * Claims, in one atomic statement, the oldest job of one of `kinds` that is pending (and not waiting
 * out a retry delay) or running under an expired lease, for `instanceId` with a lease of `leaseSeconds`.
 */
export function claimJob(instanceId: string, leaseSeconds: number, kinds: readonly string[]) {
  return sql<Claimed>`UPDATE jobs SET state = 'running', lease_owner = ${instanceId}, lease_expires_at = now() + make_interval(secs => ${leaseSeconds}), heartbeat_at = now(),
          attempts = attempts + 1, rerun = false, progress_done = 0, progress_total = NULL, started_at = now(), finished_at = NULL, updated_at = now()
     WHERE id = (SELECT id FROM jobs
                 WHERE kind = ANY(${[...kinds]}::text[])
                   AND (state = 'pending' AND (lease_expires_at IS NULL OR lease_expires_at < now()) OR state = 'running' AND lease_expires_at < now())
                 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id::text AS id, kind, key, attempts`;
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'enqueue a job', query: enqueueJob('rematch', '12', false) },
  { name: 'enqueue a job unless it is pending or running', query: enqueueJob('people-index', '3', true) },
  { name: 'claim a job', query: claimJob('host:1234:0a1b2c3d', 30, ['rematch', 'people-index']) },
];

interface Running {
  job: Claimed;
  stop: boolean;
  lost: boolean;
  done: Promise<void>;
}

/**
 * The one runner of background jobs (SPEC §5: they run once across instances and are taken over when an
 * instance dies). Services register a handler per job kind and enqueue jobs by kind and key; the
 * `jobs` table holds one row per kind and key.
 *
 * Every instance polls the table every JOB_POLL_INTERVAL_MS (and at once after a local enqueue) and
 * claims, in one atomic UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED), a pending job or a
 * running one whose lease expired (its owner died). The owner renews the lease every third of
 * JOB_LEASE_SECONDS, so a job left by a dead instance is taken over by a live one within about a
 * lease, without a restart. A lease in a table works the same on PostgreSQL and on the embedded
 * database (whose single shared session makes session advisory locks exclude nothing).
 *
 * An instance runs at most one job of each kind at a time. At shutdown it stops claiming, asks its
 * running handlers to stop at their next batch and releases their leases (the job goes back to
 * `pending`), so another instance takes it over at its next poll.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** This instance, as written in `jobs.lease_owner`: host, process id and a random part. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<string, Running>();
  private readonly finished = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  private started = false;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /** One handler per kind, registered by the service that owns the kind (in its constructor). */
  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind "${kind}" registered twice`);
    this.handlers.set(kind, handler);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    this.timer = setInterval(() => this.poke(), this.env.JOB_POLL_INTERVAL_MS);
    this.timer.unref();
    this.poke();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    for (const r of this.running.values()) r.stop = true;
    await this.polling;
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /**
   * Asks for a run of the job (kind, key). A job already pending stays so; one running is run again
   * once done (its data may have changed meanwhile) — unless `ifIdle`, then a running job is left
   * alone. Returns the database time of the request (runAndWait waits for a run finished after it).
   */
  async enqueue(kind: string, key: string, options: { ifIdle?: boolean } = {}): Promise<Date> {
    const { rows: requested } = await execute(this.db.manager, enqueueJob(kind, key, options.ifIdle === true));
    this.poke();
    return requested[0]?.at ?? new Date(0);
  }

  /** Enqueues the job and resolves once a run requested no earlier has finished (on any instance); rejects if it failed. */
  async runAndWait(kind: string, key: string): Promise<void> {
    const requestedAt = await this.enqueue(kind, key);
    const pause = Math.min(this.env.JOB_POLL_INTERVAL_MS, 200);
    for (;;) {
      const [job] = await rows(
        this.db.manager,
        sql<{ state: string; finished: boolean; lastError: string | null }>`SELECT state, finished_at >= ${requestedAt} AS finished, last_error
          FROM jobs WHERE kind = ${kind} AND key = ${key}`,
      );
      if (job?.finished && job.state === 'done') return;
      if (job?.finished && job.state === 'failed') throw new Error(`job ${kind} ${key} failed: ${job.lastError ?? 'unknown error'}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.finished.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, pause);
        this.finished.add(wake);
      });
    }
  }

  /** Jobs of this instance now running, by kind (tests and benchmarks wait on them). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.polling) {
      await this.polling;
      await Promise.all([...this.running.values()].map((r) => r.done));
    }
  }

  /** Looks for claimable jobs now (coalesced with a look under way). */
  private poke(): void {
    if (!this.started || this.stopping) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = this.poll()
      .catch((error) => this.logger.warn({ err: error }, 'looking for jobs failed'))
      .finally(() => {
        this.polling = null;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.poke();
        }
      });
  }

  private async poll(): Promise<void> {
    for (;;) {
      const kinds = [...this.handlers.keys()].filter((k) => !this.running.has(k));
      if (this.stopping || kinds.length === 0) return;
      const {
        rows: [job],
      } = await execute(this.db.manager, claimJob(this.instanceId, this.env.JOB_LEASE_SECONDS, kinds));
      if (!job) return;
      this.start(job);
    }
  }

  private start(job: Claimed): void {
    const run: Running = { job, stop: false, lost: false, done: Promise.resolve() };
    this.running.set(job.kind, run);
    run.done = this.execute(run).finally(() => {
      this.running.delete(job.kind);
      for (const wake of [...this.finished]) wake();
      this.poke();
    });
  }

  private async execute(run: Running): Promise<void> {
    const { job } = run;
    const handler = this.handlers.get(job.kind) as JobHandler;
    const leaseMs = this.env.JOB_LEASE_SECONDS * 1000;
    const heartbeat = setInterval(() => void this.renew(run), Math.max(50, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    const context: JobContext = {
      kind: job.kind,
      key: job.key,
      attempt: job.attempts,
      stopRequested: () => run.stop || run.lost || this.stopping,
      progress: async (done, total) => {
        await execute(
          this.db.manager,
          sql`UPDATE jobs SET progress_done = ${done}, progress_total = coalesce(${total ?? null}, progress_total), updated_at = now()
              WHERE id = ${job.id} AND lease_owner = ${this.instanceId}`,
        );
      },
      holdsLease: async (m) => {
        const held = await rows(m, sql`SELECT 1 FROM jobs WHERE id = ${job.id} AND lease_owner = ${this.instanceId} AND state = 'running' FOR UPDATE`);
        if (held.length === 0) run.lost = true;
        return held.length > 0;
      },
    };
    const started = Date.now();
    try {
      const outcome = await handler.run(context);
      clearInterval(heartbeat);
      if (outcome === 'stopped') {
        // back to pending at once: another instance takes it over at its next poll; a stop is not a failed attempt
        await execute(
          this.db.manager,
          sql`UPDATE jobs SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
              WHERE id = ${job.id} AND lease_owner = ${this.instanceId}`,
        );
      } else {
        await execute(
          this.db.manager,
          sql`UPDATE jobs SET state = CASE WHEN rerun THEN 'pending' ELSE 'done' END, attempts = CASE WHEN rerun THEN 0 ELSE attempts END, rerun = false,
                  lease_owner = NULL, lease_expires_at = NULL, last_error = NULL, finished_at = clock_timestamp(), updated_at = now()
              WHERE id = ${job.id} AND lease_owner = ${this.instanceId}`,
        );
      }
      this.logger.log({ kind: job.kind, key: job.key, outcome: run.lost ? 'lost' : outcome, attempt: job.attempts, ms: Date.now() - started }, 'job');
    } catch (error) {
      clearInterval(heartbeat);
      const maxAttempts = handler.maxAttempts ?? JOB_MAX_ATTEMPTS;
      const final = job.attempts >= maxAttempts;
      this.logger.error({ kind: job.kind, key: job.key, attempt: job.attempts, final, err: error }, 'job failed');
      await handler.failed?.(job.key, error, final).catch(() => undefined);
      // a retry waits a lease (the failure may be the database going away); a job asked again meanwhile is pending
      const lastError = String((error as Error)?.message ?? error).slice(0, 2000);
      await execute(
        this.db.manager,
        sql`UPDATE jobs SET state = CASE WHEN rerun OR attempts < ${maxAttempts} THEN 'pending' ELSE 'failed' END, attempts = CASE WHEN rerun THEN 0 ELSE attempts END, rerun = false,
                lease_owner = NULL, lease_expires_at = CASE WHEN rerun THEN NULL ELSE now() + make_interval(secs => ${this.env.JOB_LEASE_SECONDS}) END,
                last_error = ${lastError}, finished_at = clock_timestamp(), updated_at = now()
            WHERE id = ${job.id} AND lease_owner = ${this.instanceId}`,
      ).catch(() => undefined);
    }
  }

  /** Renews the lease of a running job; a job whose lease another instance took is marked lost (its handler stops). */
  private async renew(run: Running): Promise<void> {
    try {
      const { rowCount } = await execute(
        this.db.manager,
        sql`UPDATE jobs SET lease_expires_at = now() + make_interval(secs => ${this.env.JOB_LEASE_SECONDS}), heartbeat_at = now()
            WHERE id = ${run.job.id} AND lease_owner = ${this.instanceId} AND state = 'running'`,
      );
      if (rowCount === 0) run.lost = true;
    } catch (error) {
      this.logger.warn({ kind: run.job.kind, key: run.job.key, err: error }, 'job lease renewal failed');
    }
  }
}
