import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockNetwork } from '../database/network-locks';
import { loadMatcher, MatchableActivity, rewriteMatches } from './keyword-matches';

/** Activities read and re-matched per transaction: short enough that ingestion waits little for the lock. */
export const REMATCH_BATCH = 2000;

type Outcome = 'done' | 'superseded' | 'stopped' | 'elsewhere';

/** Session advisory lock per objective: one process at a time runs its re-match job. */
const REMATCH_LOCK = 727004;

/**
 * Re-matches existing activities after an objective gains keywords or networks (SPEC §3.6 matching
 * is otherwise done once, at ingestion). One job at a time per process, objectives queued in order.
 *
 * A job walks the live contributions of each network the objective applies to in id order, up to the
 * highest id at its start (later activities were matched by their own ingestion, against the new
 * keywords), and rewrites that objective's matches batch by batch, each batch in a transaction
 * holding the network's write lock. Progress (`rematch_done` / `rematch_total`) is committed with each
 * batch. A job whose objective changed again (`rematch_generation` moved) stops and the newer job
 * redoes the work; at shutdown the job stops between batches and the next boot starts it again. With
 * several instances, the one holding the job's advisory lock runs it and the others leave it.
 */
@Injectable()
export class RematchService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RematchService.name);
  private readonly queue: number[] = [];
  private worker: Promise<void> | null = null;
  private stopping = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    // a failed job is retried too: its failure may have been the database going away
    const unfinished: { id: number }[] = await this.db.query(`SELECT id FROM objectives WHERE rematch_state IN ('pending', 'running', 'failed') ORDER BY id`);
    for (const { id } of unfinished) this.enqueue(id);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker;
  }

  enqueue(objectiveId: number): void {
    if (this.stopping) return;
    if (!this.queue.includes(objectiveId)) this.queue.push(objectiveId);
    this.worker ??= this.drain().finally(() => (this.worker = null));
  }

  /** Resolves when the queue is empty (tests and benchmarks wait on it). */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  private async drain(): Promise<void> {
    // let the request that queued the job answer first
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 && !this.stopping) {
      const id = this.queue.shift() as number;
      try {
        const started = Date.now();
        const { outcome, done } = await this.run(id);
        this.logger.log({ objectiveId: id, outcome, activities: done, ms: Date.now() - started }, 'objective re-match');
      } catch (error) {
        this.logger.error({ objectiveId: id, err: error }, 'objective re-match failed');
        await this.db.query(`UPDATE objectives SET rematch_state = 'failed', rematch_finished_at = now() WHERE id = $1`, [id]).catch(() => undefined);
      }
    }
  }

  /**
   * Runs the job if no other process does: the lock lives on a connection held for the job, so it
   * goes with a process that dies, and the next start resumes the job. Two processes running the
   * same job would both reset and add to its progress, over-counting `done`.
   */
  private async run(objectiveId: number): Promise<{ outcome: Outcome; done: number }> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ claimed }]: { claimed: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1, $2) AS claimed', [REMATCH_LOCK, objectiveId]);
      if (!claimed) return { outcome: 'elsewhere', done: 0 };
      try {
        return await this.runClaimed(objectiveId);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, $2)', [REMATCH_LOCK, objectiveId]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  private async runClaimed(objectiveId: number): Promise<{ outcome: Outcome; done: number }> {
    const [objective]: { generation: number; network_ids: number[] | null; state: string }[] = await this.db.query(
      `SELECT rematch_generation AS generation, network_ids, rematch_state AS state FROM objectives WHERE id = $1`,
      [objectiveId],
    );
    if (!objective || objective.state === 'done') return { outcome: 'superseded', done: 0 };
    const generation = objective.generation;
    // the extent of the work: every network concerned, up to its highest activity id now
    const extents: { network_id: number; max_id: string; total: number }[] = await this.db.query(
      `SELECT n.id AS network_id,
              (SELECT coalesce(max(id), 0) FROM activities a WHERE a.network_id = n.id)::text AS max_id,
              (SELECT count(*) FROM activities a WHERE a.network_id = n.id AND a.deleted_at IS NULL AND a.kind IN ('post', 'question', 'reply', 'share'))::int AS total
       FROM networks n WHERE $1::integer[] IS NULL OR n.id = ANY($1::integer[]) ORDER BY n.id`,
      [objective.network_ids],
    );
    const total = extents.reduce((sum, e) => sum + e.total, 0);
    const [, claimed]: [unknown, number] = await this.db.query(
      `UPDATE objectives SET rematch_state = 'running', rematch_done = 0, rematch_total = $3, rematch_started_at = now(), rematch_finished_at = NULL
       WHERE id = $1 AND rematch_generation = $2`,
      [objectiveId, generation, total],
    );
    if (claimed === 0) return { outcome: 'superseded', done: 0 };

    let done = 0;
    // statistics follow the matches as they grow (the embedded database has no autovacuum, and a
    // server's comes late): with the counts of an emptier table, the per-batch delete was planned as a
    // scan of every match of the network instead of a probe per activity
    let analyseAt = 10_000;
    for (const extent of extents) {
      let after = '0';
      for (;;) {
        if (this.stopping) return { outcome: 'stopped', done };
        const batch = await this.db.transaction(async (m) => {
          await lockNetwork(m, extent.network_id);
          const [current]: { generation: number }[] = await m.query(`SELECT rematch_generation AS generation FROM objectives WHERE id = $1`, [objectiveId]);
          if (!current || current.generation !== generation) return null;
          const rows: (MatchableActivity & { id: string })[] = await m.query(
            // ORDER BY a.id, not the text alias `id`: batches follow the numeric order of the ids
            `SELECT a.id::text AS id, a.kind, a.text, a.tags, a.occurred_at AS "occurredAt", a.group_id::text AS "groupId", a.author_id::text AS "authorId", false AS deleted
             FROM activities a
             WHERE a.network_id = $1 AND a.id > $2 AND a.id <= $3 AND a.deleted_at IS NULL AND a.kind IN ('post', 'question', 'reply', 'share')
             ORDER BY a.id LIMIT $4`,
            [extent.network_id, after, extent.max_id, REMATCH_BATCH],
          );
          if (rows.length === 0) return [];
          // read in each batch: a network the objective stopped applying to yields no keyword, hence no match
          const matcher = await loadMatcher(m, extent.network_id, objectiveId);
          await rewriteMatches(m, extent.network_id, rows, matcher, matcher.keywordIds);
          await m.query(`UPDATE objectives SET rematch_done = rematch_done + $2 WHERE id = $1`, [objectiveId, rows.length]);
          return rows;
        });
        if (batch === null) return { outcome: 'superseded', done };
        if (batch.length === 0) break;
        done += batch.length;
        after = batch[batch.length - 1].id;
        if (done >= analyseAt) {
          await this.db.query('ANALYZE keyword_matches, keyword_set_day_counts');
          analyseAt *= 2;
        }
      }
    }
    // activities deleted while the job ran were counted in `total` but not re-matched: total is what was done
    await this.db.query(
      `UPDATE objectives SET rematch_state = 'done', rematch_total = rematch_done, rematch_finished_at = now() WHERE id = $1 AND rematch_generation = $2`,
      [objectiveId, generation],
    );
    return { outcome: 'done', done };
  }
}
