import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business objectives (SPEC §2) and the matches of their keywords (SPEC §3.6).
 *
 * `keyword_matches` holds one row per (live contribution, keyword) that matches, written by the
 * ingestion transaction when the activity is written and by the re-match job when an objective
 * changes — never by a query. The activity's time, group and author are copied into the row so that
 * the alignment of a window is read from one covering index, without touching `activities`; the
 * writers rewrite an activity's rows whenever the activity is written, so the copies follow edits.
 *
 * `keyword_set_day_counts` is the network-wide rollup: per network, local day and set of keywords
 * (sorted ids), how many contributions match exactly that set. An activity lies in one day, so
 * distinct counts over whole days are sums of these, and which keywords or objectives are in force
 * is decided when reading (a set counts as aligned when it meets an active keyword). Statement
 * triggers on `keyword_matches` keep it exact: for every activity a statement touches, the set it
 * had before the statement is decremented and the set it has after is incremented — whether the
 * rows came from ingestion, the re-match job, or the cascade of a deleted keyword.
 */
/** The rollup delta of one statement; `changed` is the statement's rows per activity, `beforeSet` the set before it. */
const applySetDelta = (transition: string, beforeSet: string) => `
BEGIN
  WITH touched AS (
    SELECT network_id, activity_id, min(occurred_at) AS occurred_at, array_agg(keyword_id) AS changed FROM ${transition} GROUP BY network_id, activity_id
  ), sets AS (
    SELECT t.network_id, (t.occurred_at AT TIME ZONE n.timezone)::date AS day, t.changed, cur.ids AS current_ids
    FROM touched t JOIN networks n ON n.id = t.network_id
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(km.keyword_id ORDER BY km.keyword_id), '{}') AS ids
      FROM keyword_matches km WHERE km.network_id = t.network_id AND km.activity_id = t.activity_id
    ) cur
  ), moves AS (
    SELECT network_id, day, ${beforeSet} AS keyword_ids, -1 AS delta FROM sets
    UNION ALL
    SELECT network_id, day, current_ids, 1 FROM sets
  )
  INSERT INTO keyword_set_day_counts AS c (network_id, day, keyword_ids, contributions)
  SELECT network_id, day, keyword_ids, sum(delta) FROM moves WHERE keyword_ids <> '{}' GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
  ON CONFLICT (network_id, day, keyword_ids) DO UPDATE SET contributions = c.contributions + excluded.contributions;
  DELETE FROM keyword_set_day_counts WHERE contributions = 0;
  RETURN NULL;
END`;

export class Objectives1764700000000 implements MigrationInterface {
  name = 'Objectives1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "objectives" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "key" character varying(200) NOT NULL, "name" character varying(500) NOT NULL, "active" boolean NOT NULL DEFAULT true, "network_ids" integer array, "rematch_generation" integer NOT NULL DEFAULT '0', "rematch_state" character varying(16) NOT NULL DEFAULT 'done', "rematch_done" integer NOT NULL DEFAULT '0', "rematch_total" integer NOT NULL DEFAULT '0', "rematch_started_at" TIMESTAMP WITH TIME ZONE, "rematch_finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "objectives_rematch_state_ck" CHECK (rematch_state IN ('pending', 'running', 'done', 'failed')), CONSTRAINT "PK_c54846771e6a2db24c2b886eca0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "objectives_key_uq" ON "objectives" ("key")`);
    await queryRunner.query(
      `CREATE TABLE "objective_keywords" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "objective_id" integer NOT NULL, "term" character varying(200) NOT NULL, "tokens" text NOT NULL, "weight" double precision NOT NULL, "position" integer NOT NULL, CONSTRAINT "objective_keywords_weight_ck" CHECK (weight > 0), CONSTRAINT "PK_b15b9bcf4779e73ed45ebd8b5ac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "objective_keywords_tokens_uq" ON "objective_keywords" ("objective_id", "tokens")`);
    await queryRunner.query(
      `ALTER TABLE "objective_keywords" ADD CONSTRAINT "FK_506da951184e49c926191498244" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE keyword_matches (
         network_id integer NOT NULL,
         activity_id bigint NOT NULL,
         keyword_id integer NOT NULL REFERENCES objective_keywords (id) ON DELETE CASCADE,
         occurred_at timestamptz NOT NULL,
         group_id bigint,
         author_id bigint NOT NULL,
         PRIMARY KEY (network_id, activity_id, keyword_id)
       )`,
    );
    // the window read: index-only over (network, time)
    await queryRunner.query(
      `CREATE INDEX keyword_matches_window_idx ON keyword_matches (network_id, occurred_at) INCLUDE (activity_id, keyword_id, group_id, author_id)`,
    );
    // group scopes (comparisons, drift) and the keyword's cascade and re-match deletes
    await queryRunner.query(`CREATE INDEX keyword_matches_group_idx ON keyword_matches (network_id, group_id, occurred_at) INCLUDE (activity_id, keyword_id)`);
    await queryRunner.query(`CREATE INDEX keyword_matches_keyword_idx ON keyword_matches (keyword_id)`);

    await queryRunner.query(
      `CREATE TABLE keyword_set_day_counts (
         network_id integer NOT NULL,
         day date NOT NULL,
         keyword_ids integer[] NOT NULL,
         -- no CHECK (contributions >= 0): INSERT … ON CONFLICT checks the proposed row, which carries a negative delta
         contributions integer NOT NULL,
         PRIMARY KEY (network_id, day, keyword_ids)
       )`,
    );
    // emptied sets are deleted at once: the partial index finds them without a scan
    await queryRunner.query(`CREATE INDEX keyword_set_day_counts_empty_idx ON keyword_set_day_counts (network_id) WHERE contributions = 0`);
    const sets = [
      // after an insert, the set before lacked the inserted keywords
      ['insert', 'INSERT', 'NEW TABLE AS changed_rows', `ARRAY(SELECT k FROM unnest(current_ids) AS k WHERE k <> ALL(changed) ORDER BY k)`],
      // after a delete, the set before also held the deleted keywords
      ['delete', 'DELETE', 'OLD TABLE AS changed_rows', `ARRAY(SELECT k FROM unnest(current_ids || changed) AS k ORDER BY k)`],
    ];
    for (const [name, event, referencing, beforeSet] of sets) {
      await queryRunner.query(
        `CREATE FUNCTION keyword_set_days_after_${name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$${applySetDelta('changed_rows', beforeSet)}$fn$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER keyword_set_days_${name} AFTER ${event} ON keyword_matches REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION keyword_set_days_after_${name}()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE keyword_matches`); // its triggers go with it
    for (const name of ['insert', 'delete']) await queryRunner.query(`DROP FUNCTION keyword_set_days_after_${name}()`);
    await queryRunner.query(`DROP TABLE keyword_set_day_counts`);
    await queryRunner.query(`DROP TABLE "objective_keywords"`);
    await queryRunner.query(`DROP TABLE "objectives"`);
  }
}
