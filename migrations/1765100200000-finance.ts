import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money kept and published (登记缴费, 收支公示): the council's income and spending with their
 * receipts. Permit fees are not copied here: a fee paid on a permit counts from the permit.
 */
export class Finance1765100200000 implements MigrationInterface {
  name = 'Finance1765100200000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE finance_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        direction text NOT NULL,
        category text NOT NULL,
        amount_cny numeric(12, 2) NOT NULL,
        occurred_on date NOT NULL,
        note text NOT NULL DEFAULT '',
        receipt_no text,
        recorded_by uuid REFERENCES member(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT finance_entry_direction_check CHECK (direction IN ('income', 'expense')),
        CONSTRAINT finance_entry_category_check CHECK (
          (direction = 'income' AND category IN ('sharing_fee', 'donation', 'other_income'))
          OR (direction = 'expense' AND category IN ('wardens_pay', 'paint', 'signs', 'other_expense'))),
        CONSTRAINT finance_entry_amount_check CHECK (amount_cny > 0 AND amount_cny < 10000000)
      )`);
    await db.query(
      `CREATE INDEX finance_entry_association_idx ON finance_entry (association_id, occurred_on)`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE finance_entry`);
  }
}
