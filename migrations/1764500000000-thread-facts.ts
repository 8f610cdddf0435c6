import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `thread_facts`: one row per live root (post or question) with what SPEC §3.3 needs of its thread —
 * its first response (the earliest live reply anywhere in the thread by someone other than the root's
 * author; ties to the reply ingested first) and, for a question, the time of its accepted reply (the
 * live reply of the same thread named by the latest live accept). Responsiveness then reads one row
 * per root instead of walking every thread of the window.
 *
 * Kept exact by statement-level triggers on `activities`, in the writing transaction (writers of a
 * network take turns: NETWORK_WRITE_LOCK in migration ActivityRollups): every thread
 * touched by a statement (the root ids of the rows before and after it) is recomputed from its
 * activities. A deleted first response therefore moves the first response to the next reply; a moved
 * accept moves the resolution; a reply linked to its thread later (out-of-order arrival, root
 * propagation) counts from then on.
 */
// Set-based rather than LATERAL … LIMIT 1: with no statistics yet (the embedded database has no
// autovacuum) the planner would walk the (network, time) index once per root for the LIMIT. The
// trigger functions also run with enable_seqscan = off (their own setting, not the transaction's):
// every table they read is reached by key, and without statistics a first bulk insert was planned
// as a sequential scan of the activities per root.
const ROOT_FACTS = `
  WITH roots AS (
    SELECT r.network_id, r.id, r.kind, r.author_id, r.group_id, r.occurred_at
    FROM touched t JOIN activities r ON r.network_id = t.network_id AND r.id = t.root_id
    WHERE r.deleted_at IS NULL AND r.kind IN ('post', 'question')
  ), first_responses AS (
    SELECT DISTINCT ON (r.id) r.id, x.occurred_at, x.author_id
    FROM roots r JOIN activities x ON x.network_id = r.network_id AND x.root_id = r.id AND x.kind = 'reply' AND x.deleted_at IS NULL AND x.author_id <> r.author_id
    ORDER BY r.id, x.occurred_at, x.id
  ), accepted AS (
    SELECT DISTINCT ON (q.id) q.id, rep.occurred_at
    FROM roots q
    JOIN activities acc ON acc.network_id = q.network_id AND acc.root_id = q.id AND acc.kind = 'accept' AND acc.deleted_at IS NULL
    JOIN activities rep ON rep.network_id = q.network_id AND rep.id = acc.parent_id AND rep.kind = 'reply' AND rep.deleted_at IS NULL AND rep.root_id = q.id
    WHERE q.kind = 'question'
    ORDER BY q.id, acc.occurred_at DESC, acc.id DESC
  )
  SELECT r.network_id, r.id, r.kind, r.author_id, r.group_id, r.occurred_at, f.occurred_at, f.author_id, a.occurred_at
  FROM roots r LEFT JOIN first_responses f ON f.id = r.id LEFT JOIN accepted a ON a.id = r.id`;

const COLUMNS = `network_id, root_id, kind, author_id, group_id, occurred_at, first_response_at, first_responder_id, accepted_reply_at`;

function refreshThreads(rootIds: string): string {
  const touched = `touched AS (SELECT DISTINCT network_id, root_id FROM (${rootIds}) x WHERE root_id IS NOT NULL)`;
  return `
BEGIN
  WITH ${touched}
  DELETE FROM thread_facts f USING touched t WHERE f.network_id = t.network_id AND f.root_id = t.root_id;
  INSERT INTO thread_facts (${COLUMNS}) WITH ${touched}, ${ROOT_FACTS.trim().slice('WITH '.length)};
  RETURN NULL;
END`;
}

export class ThreadFacts1764500000000 implements MigrationInterface {
  name = 'ThreadFacts1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE thread_facts (network_id integer NOT NULL, root_id bigint NOT NULL, kind varchar(16) NOT NULL, author_id bigint NOT NULL, group_id bigint,
         occurred_at timestamptz NOT NULL, first_response_at timestamptz, first_responder_id bigint, accepted_reply_at timestamptz,
       CONSTRAINT thread_facts_pk PRIMARY KEY (network_id, root_id))`,
    );
    await queryRunner.query(`CREATE INDEX thread_facts_window_idx ON thread_facts (network_id, occurred_at)`);
    await queryRunner.query(`CREATE INDEX thread_facts_group_window_idx ON thread_facts (network_id, group_id, occurred_at)`);
    const triggers: [string, string, string, string][] = [
      ['insert', 'INSERT', `REFERENCING NEW TABLE AS new_rows`, `SELECT network_id, root_id FROM new_rows`],
      [
        'update',
        'UPDATE',
        `REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows`,
        `SELECT network_id, root_id FROM new_rows UNION ALL SELECT network_id, root_id FROM old_rows`,
      ],
      ['delete', 'DELETE', `REFERENCING OLD TABLE AS old_rows`, `SELECT network_id, root_id FROM old_rows`],
    ];
    for (const [name, event, referencing, rootIds] of triggers) {
      await queryRunner.query(
        `CREATE FUNCTION thread_facts_after_${name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$${refreshThreads(rootIds)}$fn$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER thread_facts_${name} AFTER ${event} ON activities ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION thread_facts_after_${name}()`,
      );
    }
    // backfill: every live root
    await queryRunner.query(
      `INSERT INTO thread_facts (${COLUMNS})
       WITH touched AS (SELECT network_id, id AS root_id FROM activities WHERE kind IN ('post', 'question') AND deleted_at IS NULL),
       ${ROOT_FACTS.trim().slice('WITH '.length)}`,
    );
    await queryRunner.query(`ANALYZE thread_facts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER thread_facts_${name} ON activities`);
      await queryRunner.query(`DROP FUNCTION thread_facts_after_${name}()`);
    }
    await queryRunner.query(`DROP TABLE thread_facts`);
  }
}
