import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People (SPEC §2 declared profile, §3.8 experts, animators, profiles, HR).
 *
 * The declared triptych: `member_profiles` (one row per member who declared, with a version counter),
 * `profile_topics` (one row per declared topic, its SPEC §3.6 key beside the topic as written) and
 * `profile_versions` (every change, whole, for the history).
 *
 * The people index, computed per network by a periodic job (src/people/people-index.service.ts):
 * `thread_topics`, `member_interests`, `member_topic_evidence`, `animator_scores` and `topic_labels`.
 * Every row carries the `generation` of the run that wrote it; `people_index_runs` names each
 * network's current generation, so a run writes beside the current rows and switches in one statement.
 */
export class People1764800000000 implements MigrationInterface {
  name = 'People1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_profiles" ("member_id" bigint NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(64) NOT NULL, CONSTRAINT "PK_4b6c014e15c8543c134840eb54e" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "profile_topics" ("member_id" bigint NOT NULL, "facet" character varying(16) NOT NULL, "topic_key" character varying(400) NOT NULL, "topic" character varying(200) NOT NULL, "level" smallint, "position" integer NOT NULL, CONSTRAINT "profile_topics_level_ck" CHECK (level IS NULL OR level BETWEEN 1 AND 5), CONSTRAINT "profile_topics_facet_ck" CHECK (facet IN ('expertise', 'competence', 'interest')), CONSTRAINT "PK_c5b97e122d30547ccab2cf57059" PRIMARY KEY ("member_id", "facet", "topic_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "profile_topics_topic_idx" ON "profile_topics" ("topic_key", "facet")`);
    await queryRunner.query(
      `CREATE TABLE "profile_versions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "member_id" bigint NOT NULL, "version" integer NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by" character varying(64) NOT NULL, "profile" jsonb NOT NULL, CONSTRAINT "PK_da087caf4a4a79a6dd12111f549" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "profile_versions_member_idx" ON "profile_versions" ("member_id", "version")`);
    await queryRunner.query(
      `ALTER TABLE "member_profiles" ADD CONSTRAINT "FK_4b6c014e15c8543c134840eb54e" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_topics" ADD CONSTRAINT "FK_0b1729791016fb19202b023633f" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_versions" ADD CONSTRAINT "FK_cdc087c60c7cc8071d24f51579f" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE people_index_runs (
         network_id integer PRIMARY KEY, generation integer NOT NULL, computed_at timestamptz NOT NULL, duration_ms integer NOT NULL,
         contributions integer NOT NULL, threads integer NOT NULL, members_with_interests integer NOT NULL, animator_candidates integer NOT NULL,
         last_activity_id bigint
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE thread_topics (
         network_id integer NOT NULL, generation integer NOT NULL, root_id bigint NOT NULL, topic_key text NOT NULL, from_tag boolean NOT NULL,
         PRIMARY KEY (network_id, generation, root_id, topic_key)
       )`,
    );
    await queryRunner.query(`CREATE INDEX thread_topics_topic_idx ON thread_topics (network_id, generation, topic_key)`);
    await queryRunner.query(
      `CREATE TABLE member_interests (
         network_id integer NOT NULL, generation integer NOT NULL, member_id bigint NOT NULL, term_key text NOT NULL, term text NOT NULL,
         topic_key text NOT NULL, weight double precision NOT NULL, activity_ids text[] NOT NULL, rank smallint NOT NULL,
         PRIMARY KEY (network_id, generation, member_id, term_key)
       )`,
    );
    // term_key: the stemmed key of the term (TF-IDF); topic_key: the SPEC §3.6 key of its written form,
    // which compares it with declared topics (HR interest map)
    await queryRunner.query(`CREATE INDEX member_interests_member_idx ON member_interests (member_id)`);
    await queryRunner.query(
      `CREATE TABLE member_topic_evidence (
         network_id integer NOT NULL, generation integer NOT NULL, member_id bigint NOT NULL, topic_key text NOT NULL,
         replies integer NOT NULL, accepted_answers integer NOT NULL, reactions_received integer NOT NULL, people_helped integer NOT NULL,
         PRIMARY KEY (network_id, generation, topic_key, member_id)
       )`,
    );
    await queryRunner.query(`CREATE INDEX member_topic_evidence_member_idx ON member_topic_evidence (member_id)`);
    await queryRunner.query(
      `CREATE TABLE animator_scores (
         network_id integer NOT NULL, generation integer NOT NULL, member_id bigint NOT NULL,
         people_helped integer NOT NULL, departments_reached integer NOT NULL, groups bigint[] NOT NULL, accepted_answers integer NOT NULL,
         median_first_response double precision, centrality double precision NOT NULL, score double precision NOT NULL,
         PRIMARY KEY (network_id, generation, member_id)
       )`,
    );
    await queryRunner.query(`CREATE INDEX animator_scores_rank_idx ON animator_scores (network_id, generation, score DESC, member_id)`);
    await queryRunner.query(
      `CREATE TABLE topic_labels (network_id integer NOT NULL, generation integer NOT NULL, topic_key text NOT NULL, label text NOT NULL, PRIMARY KEY (network_id, generation, topic_key))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'topic_labels',
      'animator_scores',
      'member_topic_evidence',
      'member_interests',
      'thread_topics',
      'people_index_runs',
      'profile_versions',
      'profile_topics',
      'member_profiles',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
