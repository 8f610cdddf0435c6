import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `health_policies`: a network's health-scorecard thresholds (SPEC §3.10), only those set through
 * PUT /v1/networks/{key}/health-policy (jsonb); the defaults live in src/health-scorecard/health-policy.ts.
 */
export class HealthPolicies1765200000000 implements MigrationInterface {
  name = 'HealthPolicies1765200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "health_policies" (
      "network_id" integer NOT NULL,
      "policy" jsonb NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_by" character varying(200) NOT NULL,
      CONSTRAINT "health_policies_pk" PRIMARY KEY ("network_id"),
      CONSTRAINT "health_policies_network_fk" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "health_policies"`);
  }
}
