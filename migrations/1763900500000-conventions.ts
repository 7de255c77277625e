import type { MigrationInterface, QueryRunner } from 'typeorm';

// The parking convention (自治公约): versions with articles and typed parameters, the comment
// period, the secret household ballot, acknowledgements, and violations with their appeals.
export class Conventions1763900500000 implements MigrationInterface {
  name = 'Conventions1763900500000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE convention_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        number integer NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        amends_version_id uuid REFERENCES convention_version(id) ON DELETE SET NULL,
        parameters jsonb NOT NULL,
        voting_unit text NOT NULL DEFAULT 'household',
        quorum_numerator integer NOT NULL,
        quorum_denominator integer NOT NULL,
        threshold_numerator integer NOT NULL,
        threshold_denominator integer NOT NULL,
        abstentions_count_as_cast boolean NOT NULL DEFAULT true,
        comment_days integer NOT NULL,
        voting_days integer NOT NULL,
        notice_days integer NOT NULL,
        proposed_effective_from timestamptz,
        drafted_by uuid REFERENCES member(id) ON DELETE SET NULL,
        comments_open_at timestamptz,
        comments_close_at timestamptz,
        voting_open_at timestamptz,
        voting_close_at timestamptz,
        eligible_voters integer,
        votes_yes integer,
        votes_no integer,
        votes_abstain integer,
        quorum_met boolean,
        threshold_met boolean,
        result_at timestamptz,
        notice_until timestamptz,
        effective_from timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT convention_version_status_check
          CHECK (status IN ('draft', 'comment', 'voting', 'adopted', 'rejected')),
        CONSTRAINT convention_version_voting_unit_check
          CHECK (voting_unit IN ('household', 'member')),
        CONSTRAINT convention_version_quorum_check
          CHECK (quorum_denominator > 0 AND quorum_numerator BETWEEN 0 AND quorum_denominator),
        CONSTRAINT convention_version_threshold_check
          CHECK (threshold_denominator > 0
                 AND threshold_numerator BETWEEN 1 AND threshold_denominator),
        CONSTRAINT convention_version_periods_check
          CHECK (comment_days >= 1 AND voting_days >= 1 AND notice_days >= 0),
        CONSTRAINT convention_version_parameters_check CHECK (jsonb_typeof(parameters) = 'object'),
        CONSTRAINT convention_version_result_check
          CHECK (status NOT IN ('adopted', 'rejected')
                 OR (result_at IS NOT NULL AND votes_yes IS NOT NULL AND eligible_voters IS NOT NULL)),
        CONSTRAINT convention_version_in_force_check
          CHECK (status <> 'adopted' OR (effective_from IS NOT NULL AND notice_until IS NOT NULL
                 AND effective_from >= notice_until)),
        CONSTRAINT convention_version_number_key UNIQUE (association_id, number),
        CONSTRAINT convention_version_id_association_key UNIQUE (id, association_id)
      )`);
    // One version at a time goes through comments and the vote, so residents are never asked
    // to weigh two competing texts at once.
    await db.query(`
      CREATE UNIQUE INDEX convention_version_one_open_key ON convention_version (association_id)
        WHERE status IN ('comment', 'voting')`);
    await db.query(`
      CREATE UNIQUE INDEX convention_version_effective_key
        ON convention_version (association_id, effective_from) WHERE status = 'adopted'`);
    await db.query(`
      CREATE TABLE convention_article (
        version_id uuid NOT NULL REFERENCES convention_version(id) ON DELETE CASCADE,
        number integer NOT NULL,
        text text NOT NULL,
        parameters text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (version_id, number),
        CONSTRAINT convention_article_number_check CHECK (number BETWEEN 1 AND 99),
        CONSTRAINT convention_article_text_check CHECK (char_length(text) BETWEEN 1 AND 2000)
      )`);
    await db.query(`
      CREATE TABLE convention_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES convention_version(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        article_number integer,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT convention_comment_text_check CHECK (char_length(text) BETWEEN 1 AND 2000)
      )`);
    await db.query(
      `CREATE INDEX convention_comment_version_idx ON convention_comment (version_id)`,
    );
    // voter is the household id for a household vote, the member id for a member vote: the key
    // that makes "one household (or member), one vote" impossible to break.
    await db.query(`
      CREATE TABLE convention_vote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES convention_version(id) ON DELETE CASCADE,
        voter uuid NOT NULL,
        household_id uuid REFERENCES household(id) ON DELETE SET NULL,
        cast_by uuid REFERENCES member(id) ON DELETE SET NULL,
        choice text NOT NULL,
        cast_at timestamptz NOT NULL,
        CONSTRAINT convention_vote_choice_check CHECK (choice IN ('yes', 'no', 'abstain')),
        CONSTRAINT convention_vote_once_key UNIQUE (version_id, voter)
      )`);
    await db.query(`
      CREATE TABLE convention_acknowledgement (
        version_id uuid NOT NULL REFERENCES convention_version(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        acknowledged_at timestamptz NOT NULL,
        PRIMARY KEY (version_id, member_id)
      )`);
    await db.query(`
      CREATE TABLE violation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        version_id uuid REFERENCES convention_version(id) ON DELETE SET NULL,
        article_number integer,
        kind text NOT NULL,
        plate text NOT NULL,
        vehicle_id uuid REFERENCES vehicle(id) ON DELETE SET NULL,
        household_id uuid REFERENCES household(id) ON DELETE SET NULL,
        place text NOT NULL,
        occurred_at timestamptz NOT NULL,
        photo text,
        recorded_by uuid REFERENCES member(id) ON DELETE SET NULL,
        step integer NOT NULL,
        action text NOT NULL,
        suspended_until timestamptz,
        permit_id uuid,
        appeal_status text NOT NULL DEFAULT 'none',
        appeal_reason text,
        appeal_note text,
        appeal_decided_by uuid REFERENCES member(id) ON DELETE SET NULL,
        appeal_decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT violation_kind_check CHECK (kind IN
          ('no_permit', 'wrong_space', 'overstay', 'blocking_passage', 'no_parking_window')),
        CONSTRAINT violation_action_check CHECK (action IN ('persuasion', 'notice', 'suspension')),
        CONSTRAINT violation_step_check CHECK (step >= 1),
        CONSTRAINT violation_suspension_check
          CHECK ((action = 'suspension') = (suspended_until IS NOT NULL)),
        CONSTRAINT violation_photo_size_check CHECK (photo IS NULL OR char_length(photo) <= 200000),
        CONSTRAINT violation_appeal_check
          CHECK (appeal_status IN ('none', 'pending', 'upheld', 'overturned')),
        CONSTRAINT violation_appeal_reason_check
          CHECK (appeal_status = 'none' OR appeal_reason IS NOT NULL)
      )`);
    await db.query(
      `CREATE INDEX violation_association_idx ON violation (association_id, occurred_at)`,
    );
    await db.query(`CREATE INDEX violation_household_idx ON violation (household_id, occurred_at)`);
    await db.query(`CREATE INDEX violation_plate_idx ON violation (association_id, plate)`);
  }

  public async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'violation',
      'convention_acknowledgement',
      'convention_vote',
      'convention_comment',
      'convention_article',
      'convention_version',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
