import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An overstay in a unit's car park broke the rule that really applied: the convention's grace
 * (its article), or the unit's own terms (no article, the offer's grace). The violation keeps
 * which one and how many minutes, so it never cites "十五分钟" for a grace of 0.
 */
export class ViolationCitedTerms1765000000000 implements MigrationInterface {
  name = 'ViolationCitedTerms1765000000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE violation
         ADD COLUMN cited_rule text NOT NULL DEFAULT 'convention'
           CONSTRAINT violation_cited_rule_check CHECK (cited_rule IN ('convention', 'offer')),
         ADD COLUMN grace_minutes integer
           CONSTRAINT violation_grace_minutes_check CHECK (grace_minutes >= 0)`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE violation DROP COLUMN grace_minutes, DROP COLUMN cited_rule`);
  }
}
