import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `activity_terms`: the significant terms of each live contribution (src/common/text/terms.ts), one
 * row per (contribution, term key) with the form it was written in, written by the ingestion
 * transaction when the activity is written (as `keyword_matches` is) — so emerging topics (SPEC §3.8)
 * count mentions in SQL instead of extracting the terms of every contribution of five windows at
 * each request, and the people index reads each member's terms instead of stemming every text again. A read finds the window's contributions as every indicator does (activities_window_idx)
 * and their terms through the primary key; the writers rewrite an activity's rows whenever its text,
 * tags or kind change.
 *
 * Stemming runs in Node (Snowball stemmers), so the rows of activities stored before this migration
 * cannot be computed here: `networks.terms_indexed` is false for every network that already has
 * activities, and the `terms-index` job (src/topics/terms-index.service.ts) fills their rows and sets
 * it; until then emerging topics extract terms per request as before. Networks created afterwards are
 * indexed from their first activity.
 */
export class ActivityTerms1765300000000 implements MigrationInterface {
  name = 'ActivityTerms1765300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE activity_terms (
         network_id integer NOT NULL,
         activity_id bigint NOT NULL,
         term text NOT NULL,
         form text NOT NULL,
         -- whether a tag of the activity holds the term (inferred interests weigh those more)
         in_tag boolean NOT NULL,
         PRIMARY KEY (network_id, activity_id, term)
       )`,
    );
    await queryRunner.query(`ALTER TABLE "networks" ADD "terms_indexed" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`UPDATE networks n SET terms_indexed = false WHERE EXISTS (SELECT 1 FROM activities a WHERE a.network_id = n.id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "networks" DROP COLUMN "terms_indexed"`);
    await queryRunner.query(`DROP TABLE activity_terms`);
  }
}
