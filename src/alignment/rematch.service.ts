import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { lockNetwork } from '../database/network-locks';
import { execute, rows, sql, SqlExample } from '../database/sql';
import { JobContext, JobOutcome, JobRunner } from '../jobs/job-runner.service';
import { loadMatcher, MatchableActivity, rewriteMatches } from './keyword-matches';

/** The job kind of an objective's re-match (key: the objective id). */
export const REMATCH_JOB = 'rematch';

/**
 * Re-matches existing activities after an objective gains keywords or networks (SPEC §3.6 matching
 * is otherwise done once, at ingestion), as a job of the one job runner (src/jobs/job-runner.service.ts):
 * kind `rematch`, key the objective id, run by one instance at a time and taken over by another when
 * its instance dies.
 *
 * A job walks the live contributions of each network the objective applies to in id order, up to the
 * highest id at its start (later activities were matched by their own ingestion, against the new
 * keywords), and rewrites that objective's matches batch by batch (REMATCH_BATCH_SIZE), each batch in
 * a transaction holding the network's write lock and the job's row (so a batch never overlaps a
 * takeover). Progress (`rematch_done` / `rematch_total`, what the API shows) is committed with each
 * batch. A job whose objective changed again (`rematch_generation` moved) stops, and the runner runs
 * it again (the change asked for a new run); a job stopped at shutdown or taken over starts again from
 * the beginning.
 */
@Injectable()
export class RematchService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RematchService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    private readonly jobs: JobRunner,
  ) {
    jobs.register(REMATCH_JOB, {
      run: (job) => this.run(job),
      failed: async (key) => {
        await execute(this.db.manager, sql`UPDATE objectives SET rematch_state = 'failed', rematch_finished_at = now() WHERE id = ${Number(key)}`);
      },
    });
  }

  /**
   * Objectives whose re-match is unfinished (pending, running or failed: a failure may have been the
   * database going away) and that have no active job get one: a job asked for by a process that
   * stopped before writing it, or a state set by hand.
   */
  async onApplicationBootstrap(): Promise<void> {
    const unfinished = await rows(
      this.db.manager,
      sql<{ id: number }>`SELECT o.id FROM objectives o
       WHERE o.rematch_state IN ('pending', 'running', 'failed')
         AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = ${REMATCH_JOB} AND j.key = o.id::text AND j.state IN ('pending', 'running'))
       ORDER BY o.id`,
    );
    for (const { id } of unfinished) await this.jobs.enqueue(REMATCH_JOB, String(id), { ifIdle: true });
  }

  /** Asks for a re-match of the objective (after its change committed). */
  enqueue(objectiveId: number): void {
    this.jobs.enqueue(REMATCH_JOB, String(objectiveId)).catch((error) => this.logger.error({ objectiveId, err: error }, 'objective re-match not queued'));
  }

  private async run(job: JobContext): Promise<JobOutcome> {
    const objectiveId = Number(job.key);
    const started = Date.now();
    const { outcome, done } = await this.runClaimed(objectiveId, job);
    this.logger.log({ objectiveId, outcome, activities: done, ms: Date.now() - started }, 'objective re-match');
    return outcome === 'stopped' ? 'stopped' : 'done';
  }

  private async runClaimed(objectiveId: number, job: JobContext): Promise<{ outcome: 'done' | 'superseded' | 'stopped'; done: number }> {
    const [objective] = await rows(
      this.db.manager,
      sql<{
        generation: number;
        networkIds: number[] | null;
        state: string;
      }>`SELECT rematch_generation AS generation, network_ids, rematch_state AS state FROM objectives WHERE id = ${objectiveId}`,
    );
    if (!objective || objective.state === 'done') return { outcome: 'superseded', done: 0 };
    const generation = objective.generation;
    // the extent of the work: every network concerned, up to its highest activity id now
    const extents = await rows(
      this.db.manager,
      sql<{ networkId: number; maxId: string; total: number }>`SELECT n.id AS network_id,
              (SELECT coalesce(max(id), 0) FROM activities a WHERE a.network_id = n.id)::text AS max_id,
              (SELECT count(*) FROM activities a WHERE a.network_id = n.id AND a.deleted_at IS NULL AND a.kind IN ('post', 'question', 'reply', 'share'))::int AS total
       FROM networks n ${objective.networkIds === null ? sql`` : sql`WHERE n.id = ANY(${objective.networkIds}::integer[]) `}ORDER BY n.id`,
    );
    const total = extents.reduce((sum, e) => sum + e.total, 0);
    const claimed = await this.db.transaction(async (m) => {
      if (!(await job.holdsLease(m))) return 'lost';
      const { rowCount } = await execute(
        m,
        sql`UPDATE objectives SET rematch_state = 'running', rematch_done = 0, rematch_total = ${total}, rematch_started_at = now(), rematch_finished_at = NULL
         WHERE id = ${objectiveId} AND rematch_generation = ${generation}`,
      );
      return rowCount;
    });
    if (claimed === 'lost') return { outcome: 'stopped', done: 0 };
    if (claimed === 0) return { outcome: 'superseded', done: 0 };
    await job.progress(0, total);

    let done = 0;
    // statistics follow the matches as they grow (the embedded database has no autovacuum, and a
    // server's comes late): with the counts of an emptier table, the per-batch delete was planned as a
    // scan of every match of the network instead of a probe per activity
    let analyseAt = 10_000;
    for (const extent of extents) {
      let after = '0';
      for (;;) {
        if (job.stopRequested()) return { outcome: 'stopped', done };
        const batch = await this.db.transaction(async (m) => {
          await lockNetwork(m, extent.networkId);
          if (!(await job.holdsLease(m))) return 'lost';
          const [current] = await rows(m, sql<{ generation: number }>`SELECT rematch_generation AS generation FROM objectives WHERE id = ${objectiveId}`);
          if (!current || current.generation !== generation) return null;
          const activities = await rows(m, rematchBatchQuery(extent.networkId, after, extent.maxId, this.env.REMATCH_BATCH_SIZE));
          if (activities.length === 0) return [];
          // read in each batch: a network the objective stopped applying to yields no keyword, hence no match
          const matcher = await loadMatcher(m, extent.networkId, objectiveId);
          await rewriteMatches(m, extent.networkId, activities, matcher, matcher.keywordIds);
          await execute(m, sql`UPDATE objectives SET rematch_done = rematch_done + ${activities.length} WHERE id = ${objectiveId}`);
          return activities;
        });
        if (batch === 'lost') return { outcome: 'stopped', done };
        if (batch === null) return { outcome: 'superseded', done };
        if (batch.length === 0) break;
        done += batch.length;
        after = batch[batch.length - 1].id;
        await job.progress(done, total);
        if (done >= analyseAt) {
          await execute(this.db.manager, sql`ANALYZE keyword_matches, keyword_set_day_counts`);
          analyseAt *= 2;
        }
      }
    }
    // activities deleted while the job ran were counted in `total` but not re-matched: total is what was done
    const finished = await this.db.transaction(async (m) => {
      if (!(await job.holdsLease(m))) return false;
      await execute(
        m,
        sql`UPDATE objectives SET rematch_state = 'done', rematch_total = rematch_done, rematch_finished_at = now() WHERE id = ${objectiveId} AND rematch_generation = ${generation}`,
      );
      return true;
    });
    return { outcome: finished ? 'done' : 'stopped', done };
  }
}

/**
 * The next batch of a network's live contributions after `after`, up to `maxId`, in id order, as
 * matching reads them.
 */
export function rematchBatchQuery(networkId: number, after: string, maxId: string, limit: number) {
  // ORDER BY a.id, not the text alias `id`: batches follow the numeric order of the ids
  return sql<MatchableActivity>`SELECT a.id::text AS id, a.kind, a.text, a.tags, a.occurred_at, a.group_id::text AS group_id, a.author_id::text AS author_id, false AS deleted
     FROM activities a
     WHERE a.network_id = ${networkId} AND a.id > ${after} AND a.id <= ${maxId} AND a.deleted_at IS NULL AND a.kind IN ('post', 'question', 'reply', 'share')
       -- an erased member's texts are gone (GDPR): their contributions keep the matches they had, so
       -- indicators keep their values; a keyword added later cannot match them
       AND NOT EXISTS (SELECT 1 FROM members e WHERE e.id = a.author_id AND e.erased_at IS NOT NULL)
     ORDER BY a.id LIMIT ${limit}`;
}

export const SQL_EXAMPLES: SqlExample[] = [{ name: 'a batch of the re-match job', query: rematchBatchQuery(1, '5000', '900000', 1000) }];
