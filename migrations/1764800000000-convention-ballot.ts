import type { MigrationInterface, QueryRunner } from 'typeorm';

// The convention binds its own amendment (issue 10): a version's own vote follows the adoption
// rules of the version in force, kept in ballot_* beside the rules the version proposes for later
// amendments (voting_unit, quorum_*, …, notice_days). adoption_article names the article stating
// them, so a refusal can cite it. Versions voted on before kept their own rules for their vote.
export class ConventionBallot1764800000000 implements MigrationInterface {
  name = 'ConventionBallot1764800000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE convention_version
        ADD COLUMN ballot_voting_unit text NOT NULL DEFAULT 'household',
        ADD COLUMN ballot_quorum_numerator integer NOT NULL DEFAULT 1,
        ADD COLUMN ballot_quorum_denominator integer NOT NULL DEFAULT 2,
        ADD COLUMN ballot_threshold_numerator integer NOT NULL DEFAULT 2,
        ADD COLUMN ballot_threshold_denominator integer NOT NULL DEFAULT 3,
        ADD COLUMN ballot_abstentions_count_as_cast boolean NOT NULL DEFAULT true,
        ADD COLUMN ballot_comment_days integer NOT NULL DEFAULT 7,
        ADD COLUMN ballot_voting_days integer NOT NULL DEFAULT 7,
        ADD COLUMN ballot_notice_days integer NOT NULL DEFAULT 7,
        ADD COLUMN adoption_article integer`);
    await db.query(`
      UPDATE convention_version SET
        ballot_voting_unit = voting_unit,
        ballot_quorum_numerator = quorum_numerator,
        ballot_quorum_denominator = quorum_denominator,
        ballot_threshold_numerator = threshold_numerator,
        ballot_threshold_denominator = threshold_denominator,
        ballot_abstentions_count_as_cast = abstentions_count_as_cast,
        ballot_comment_days = comment_days,
        ballot_voting_days = voting_days,
        ballot_notice_days = notice_days`);
    await db.query(`
      ALTER TABLE convention_version
        ADD CONSTRAINT convention_version_ballot_unit_check
          CHECK (ballot_voting_unit IN ('household', 'member')),
        ADD CONSTRAINT convention_version_ballot_quorum_check
          CHECK (ballot_quorum_denominator > 0
                 AND ballot_quorum_numerator BETWEEN 0 AND ballot_quorum_denominator),
        ADD CONSTRAINT convention_version_ballot_threshold_check
          CHECK (ballot_threshold_denominator > 0
                 AND ballot_threshold_numerator BETWEEN 1 AND ballot_threshold_denominator),
        ADD CONSTRAINT convention_version_ballot_periods_check
          CHECK (ballot_comment_days >= 1 AND ballot_voting_days >= 1 AND ballot_notice_days >= 0),
        ADD CONSTRAINT convention_version_adoption_article_check
          CHECK (adoption_article BETWEEN 1 AND 99)`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE convention_version
        DROP COLUMN ballot_voting_unit,
        DROP COLUMN ballot_quorum_numerator,
        DROP COLUMN ballot_quorum_denominator,
        DROP COLUMN ballot_threshold_numerator,
        DROP COLUMN ballot_threshold_denominator,
        DROP COLUMN ballot_abstentions_count_as_cast,
        DROP COLUMN ballot_comment_days,
        DROP COLUMN ballot_voting_days,
        DROP COLUMN ballot_notice_days,
        DROP COLUMN adoption_article`);
  }
}
