import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema: networks, org-wide members, groups, memberships, activities (thread
 * links and tombstones included), API keys and the audit log.
 *
 * Tables that grow with activity (network_members, groups, memberships, activities) carry
 * network_id first in their primary key and in every index, so they can be distributed by
 * network with Citus (docs/scaling.md). There are no foreign keys between them: the ingestion
 * writer creates placeholders before it links anything, which keeps loads order-independent.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "networks" character varying(64) array, "key_hash" character(64) NOT NULL, "key_prefix" character varying(16) NOT NULL, "created_by" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "api_keys_hash_uq" ON "api_keys"  ("key_hash") `);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" character varying(64) NOT NULL, "action" character varying(64) NOT NULL, "target" character varying(300), "details" jsonb, "request_id" character varying(64), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log"  ("occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "activities" ("network_id" integer NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "external_id" character varying(200) NOT NULL, "kind" character varying(16), "author_id" bigint, "group_id" bigint, "parent_external_id" character varying(200), "parent_id" bigint, "root_id" bigint, "occurred_at" TIMESTAMP WITH TIME ZONE, "text" text, "tags" text array, "reaction" character varying(64), "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "activities_complete_ck" CHECK (deleted_at IS NOT NULL OR (kind IS NOT NULL AND author_id IS NOT NULL AND occurred_at IS NOT NULL)), CONSTRAINT "activities_kind_ck" CHECK (kind IN ('post', 'question', 'reply', 'reaction', 'share', 'accept')), CONSTRAINT "PK_3ace68e5ec170d57a2bc621005b" PRIMARY KEY ("network_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "activities_unresolved_root_idx" ON "activities"  ("network_id", "parent_id") WHERE root_id IS NULL AND parent_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "activities_unresolved_parent_idx" ON "activities"  ("network_id", "parent_external_id") WHERE parent_id IS NULL AND parent_external_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "activities_parent_idx" ON "activities"  ("network_id", "parent_id") `);
    await queryRunner.query(`CREATE INDEX "activities_thread_idx" ON "activities"  ("network_id", "root_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "activities_author_window_idx" ON "activities"  ("network_id", "author_id", "occurred_at") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "activities_group_window_idx" ON "activities"  ("network_id", "group_id", "occurred_at") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "activities_window_idx" ON "activities"  ("network_id", "occurred_at") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "activities_network_external_uq" ON "activities"  ("network_id", "external_id") `);
    await queryRunner.query(
      `CREATE TABLE "groups" ("network_id" integer NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "external_id" character varying(200) NOT NULL, "name" character varying(200), "visibility" character varying(16), "source_created_at" TIMESTAMP WITH TIME ZONE, "is_placeholder" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_671dfb13768ce138f345e0734f2" PRIMARY KEY ("network_id", "id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "groups_network_external_uq" ON "groups"  ("network_id", "external_id") `);
    await queryRunner.query(
      `CREATE TABLE "members" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "external_id" character varying(200) NOT NULL, "display_name" character varying(200), "email" character varying(320), "department" character varying(200), "site" character varying(200), "job_title" character varying(200), "joined_at" TIMESTAMP WITH TIME ZONE, "is_placeholder" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8109cc2f8aaad6a27f687113241" UNIQUE ("external_id"), CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "memberships" ("network_id" integer NOT NULL, "group_id" bigint NOT NULL, "member_id" bigint NOT NULL, "role" character varying(16), "is_declared_leader" boolean NOT NULL DEFAULT false, "has_record" boolean NOT NULL DEFAULT false, "joined_at" TIMESTAMP WITH TIME ZONE, "left_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5eb14b4e9769f005657f9c63f93" PRIMARY KEY ("network_id", "group_id", "member_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "memberships_member_idx" ON "memberships"  ("network_id", "member_id") `);
    await queryRunner.query(
      `CREATE TABLE "network_members" ("network_id" integer NOT NULL, "member_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc9a73b92b16eb7575c825084ea" PRIMARY KEY ("network_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "networks" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "key" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT 'UTC', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8c167a4c4e16ff783991159192d" UNIQUE ("key"), CONSTRAINT "PK_61b1ee921bf79550d9d4742b9f7" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "networks"`);
    await queryRunner.query(`DROP TABLE "network_members"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_member_idx"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TABLE "members"`);
    await queryRunner.query(`DROP INDEX "public"."groups_network_external_uq"`);
    await queryRunner.query(`DROP TABLE "groups"`);
    await queryRunner.query(`DROP INDEX "public"."activities_network_external_uq"`);
    await queryRunner.query(`DROP INDEX "public"."activities_window_idx"`);
    await queryRunner.query(`DROP INDEX "public"."activities_group_window_idx"`);
    await queryRunner.query(`DROP INDEX "public"."activities_author_window_idx"`);
    await queryRunner.query(`DROP INDEX "public"."activities_thread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."activities_parent_idx"`);
    await queryRunner.query(`DROP INDEX "public"."activities_unresolved_parent_idx"`);
    await queryRunner.query(`DROP INDEX "public"."activities_unresolved_root_idx"`);
    await queryRunner.query(`DROP TABLE "activities"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_at_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."api_keys_hash_uq"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
