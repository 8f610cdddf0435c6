import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `jobs`: the background jobs (re-match of an objective, people index of a network, next imports and
 * demo loads), one row per kind and key, run by whichever instance holds its lease (src/jobs/job-runner.service.ts).
 * Objectives whose re-match was unfinished get their job.
 */
export class Jobs1765000000000 implements MigrationInterface {
  name = 'Jobs1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "jobs" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "kind" character varying(40) NOT NULL,
      "key" character varying(200) NOT NULL,
      "state" character varying(16) NOT NULL DEFAULT 'pending',
      "rerun" boolean NOT NULL DEFAULT false,
      "progress_done" integer NOT NULL DEFAULT 0,
      "progress_total" integer,
      "lease_owner" character varying(200),
      "lease_expires_at" TIMESTAMP WITH TIME ZONE,
      "heartbeat_at" TIMESTAMP WITH TIME ZONE,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "started_at" TIMESTAMP WITH TIME ZONE,
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "jobs_state_ck" CHECK (state IN ('pending', 'running', 'done', 'failed')),
      CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "jobs_kind_key_uq" ON "jobs" ("kind", "key")`);
    await queryRunner.query(`CREATE INDEX "jobs_claimable_ix" ON "jobs" ("state", "lease_expires_at")`);
    await queryRunner.query(
      `INSERT INTO jobs (kind, key, state) SELECT 'rematch', id::text, 'pending' FROM objectives WHERE rematch_state IN ('pending', 'running', 'failed') ORDER BY id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "jobs"`);
  }
}
