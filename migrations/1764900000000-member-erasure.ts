import { MigrationInterface, QueryRunner } from 'typeorm';

/** `members.erased_at`: when a member's personal data was erased (GDPR); the row stays for the counts. */
export class MemberErasure1764900000000 implements MigrationInterface {
  name = 'MemberErasure1764900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "erased_at"`);
  }
}
