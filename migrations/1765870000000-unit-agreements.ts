import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resident unit (驻区单位) lends its spaces under a signed agreement (协议): the term, how many
 * places in which windows, the liability text, whom to call, the date it was signed and the
 * share of the sharing fees it gives the association. An agreement is never edited in place: a
 * change is a new version, so what was signed stays on record.
 */
export class UnitAgreements1765870000000 implements MigrationInterface {
  name = 'UnitAgreements1765870000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resident_unit_id uuid NOT NULL,
        association_id uuid NOT NULL,
        version integer NOT NULL,
        term_from date NOT NULL,
        term_to date NOT NULL,
        places integer NOT NULL,
        windows jsonb NOT NULL,
        liability text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        signed_on date NOT NULL,
        association_fee_percent integer NOT NULL DEFAULT 0,
        recorded_by uuid REFERENCES member(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_agreement_unit_fkey FOREIGN KEY (resident_unit_id, association_id)
          REFERENCES resident_unit(id, association_id) ON DELETE CASCADE,
        CONSTRAINT unit_agreement_version_key UNIQUE (resident_unit_id, version),
        CONSTRAINT unit_agreement_term_check CHECK (term_to >= term_from),
        CONSTRAINT unit_agreement_places_check CHECK (places > 0 AND places <= 5000),
        CONSTRAINT unit_agreement_fee_check
          CHECK (association_fee_percent >= 0 AND association_fee_percent <= 100)
      )`);
    await db.query(`CREATE INDEX unit_agreement_recorded_by_idx ON unit_agreement (recorded_by)`);
    await db.query(
      `CREATE INDEX unit_agreement_association_idx ON unit_agreement (association_id)`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE unit_agreement`);
  }
}
