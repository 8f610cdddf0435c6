import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business objectives (SPEC §2) and the matches of their keywords (SPEC §3.6).
 *
 * `keyword_matches` holds one row per (live contribution, keyword) that matches, written by the
 * ingestion transaction when the activity is written and by the re-match job when an objective
 * changes — never by a query. The activity's time, group and author are copied into the row so that
 * the alignment of a window is read from one covering index, without touching `activities`; the
 * writers rewrite an activity's rows whenever the activity is written, so the copies follow edits.
 */
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
    await queryRunner.query(`CREATE INDEX keyword_matches_window_idx ON keyword_matches (network_id, occurred_at) INCLUDE (activity_id, keyword_id, group_id, author_id)`);
    // group scopes (comparisons, drift) and the keyword's cascade and re-match deletes
    await queryRunner.query(`CREATE INDEX keyword_matches_group_idx ON keyword_matches (network_id, group_id, occurred_at) INCLUDE (activity_id, keyword_id)`);
    await queryRunner.query(`CREATE INDEX keyword_matches_keyword_idx ON keyword_matches (keyword_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE keyword_matches`);
    await queryRunner.query(`DROP TABLE "objective_keywords"`);
    await queryRunner.query(`DROP TABLE "objectives"`);
  }
}
