import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockNetwork } from '../database/network-locks';
import { execute, fragment, row, rows, sql, SqlExample } from '../database/sql';
import { CONTRIBUTION_KINDS_SQL } from '../ingestion/activity.entity';
import { JobContext, JobOutcome, JobRunner } from '../jobs/job-runner.service';
import { rewriteTerms, TermSourceActivity } from './activity-terms';

/** The job kind that fills the `activity_terms` rows of a network stored before they existed (key: the network id). */
export const TERMS_INDEX_JOB = 'terms-index';

/** Activities indexed per transaction. */
const BATCH_SIZE = 2000;

/**
 * Fills `activity_terms` for the activities a network held before the table existed (migration
 * ActivityTerms), as a job of the one job runner: kind `terms-index`, key the network id, queued at
 * start for every network whose `terms_indexed` is false, run by one instance at a time and taken
 * over by another when its instance dies.
 *
 * The job walks the network's activities in id order up to the highest id at its start (later ones
 * are indexed by their own ingestion) and rewrites their terms batch by batch, each batch in a
 * transaction holding the network's write lock and the job's lease, so an activity edited meanwhile
 * is written by one side after the other, never interleaved. Rewriting is idempotent: a job stopped
 * or taken over starts again from the beginning. The last transaction sets `terms_indexed`; from then
 * on emerging topics count from the table (TopicsService).
 */
@Injectable()
export class TermsIndexService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TermsIndexService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
  ) {
    jobs.register(TERMS_INDEX_JOB, { run: (job) => this.run(job) });
  }

  async onApplicationBootstrap(): Promise<void> {
    const pending = await rows(this.db.manager, sql<{ id: number }>`SELECT id FROM networks WHERE NOT terms_indexed ORDER BY id`);
    for (const { id } of pending) await this.jobs.enqueue(TERMS_INDEX_JOB, String(id), { ifIdle: true });
  }

  private async run(job: JobContext): Promise<JobOutcome> {
    const networkId = Number(job.key);
    const started = Date.now();
    const extent = await row(this.db.manager, termsIndexExtentQuery(networkId));
    if (extent === undefined || extent.indexed) return 'done';
    await job.progress(0, extent.total);
    let done = 0;
    let after = '0';
    for (;;) {
      if (job.stopRequested()) return 'stopped';
      const batch = await this.db.transaction(async (m) => {
        await lockNetwork(m, networkId);
        if (!(await job.holdsLease(m))) return 'lost';
        const activities = await rows(m, termsIndexBatchQuery(networkId, after, extent.maxId, BATCH_SIZE));
        if (activities.length === 0) {
          await execute(m, sql`UPDATE networks SET terms_indexed = true WHERE id = ${networkId}`);
          return [];
        }
        await rewriteTerms(m, networkId, activities);
        return activities;
      });
      if (batch === 'lost') return 'stopped';
      if (batch.length === 0) break;
      done += batch.length;
      after = batch[batch.length - 1].id;
      await job.progress(done, extent.total);
    }
    // the window read's plan depends on how many rows the table holds (the embedded database has no autovacuum)
    await execute(this.db.manager, sql`ANALYZE activity_terms`);
    this.logger.log({ networkId, activities: done, ms: Date.now() - started }, 'terms index filled');
    return 'done';
  }
}

/** Whether the network is indexed, its highest activity id now, and how many contributions it holds (the job's progress total). */
export function termsIndexExtentQuery(networkId: number) {
  return sql<{ indexed: boolean; maxId: string; total: number }>`SELECT n.terms_indexed AS indexed,
          (SELECT coalesce(max(id), 0) FROM activities a WHERE a.network_id = n.id)::text AS max_id,
          (SELECT count(*) FROM activities a WHERE a.network_id = n.id AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)})::int AS total
     FROM networks n WHERE n.id = ${networkId}`;
}

/** The next batch of a network's contributions after `after`, up to `maxId`, in id order, as term indexing reads them. */
export function termsIndexBatchQuery(networkId: number, after: string, maxId: string, limit: number) {
  // ORDER BY a.id, not the text alias `id`: batches follow the numeric order of the ids
  return sql<TermSourceActivity>`SELECT a.id::text AS id, a.kind, a.text, a.tags, a.deleted_at IS NOT NULL AS deleted
     FROM activities a
     WHERE a.network_id = ${networkId} AND a.id > ${after} AND a.id <= ${maxId} AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
     ORDER BY a.id LIMIT ${limit}`;
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'extent of a network to index', query: termsIndexExtentQuery(1) },
  { name: 'a batch of the terms-index job', query: termsIndexBatchQuery(1, '5000', '900000', 2000) },
];
