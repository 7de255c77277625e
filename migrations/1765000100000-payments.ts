import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fees are kept (登记缴费, 台账): each payment is a row (amount, method, receipt number, who
 * recorded it, when) on a permit or a standing allocation. A standing allocation owes its
 * offer's monthly fee from its admission; permits and allocations keep what is due and what has
 * been paid, in yuan with fen, as offers price them.
 */
export class Payments1765000100000 implements MigrationInterface {
  name = 'Payments1765000100000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE permit ALTER COLUMN fee_cny TYPE numeric(10,2),
         ADD COLUMN paid_cny numeric(10,2) NOT NULL DEFAULT 0
           CONSTRAINT permit_paid_check CHECK (paid_cny >= 0)`,
    );
    await db.query(
      `ALTER TABLE standing_allocation
         ADD COLUMN fee_due_cny numeric(10,2) NOT NULL DEFAULT 0
           CONSTRAINT standing_allocation_fee_due_check CHECK (fee_due_cny >= 0),
         ADD COLUMN fee_paid_cny numeric(10,2) NOT NULL DEFAULT 0
           CONSTRAINT standing_allocation_fee_paid_check CHECK (fee_paid_cny >= 0)`,
    );
    await db.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        permit_id uuid REFERENCES permit(id) ON DELETE RESTRICT,
        allocation_id uuid REFERENCES standing_allocation(id) ON DELETE RESTRICT,
        household_id uuid REFERENCES household(id) ON DELETE SET NULL,
        plate text NOT NULL,
        reference text NOT NULL,
        amount_cny numeric(10,2) NOT NULL,
        method text NOT NULL,
        receipt_number text,
        note text NOT NULL DEFAULT '',
        recorded_by uuid REFERENCES member(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT payment_one_subject_check CHECK (num_nonnulls(permit_id, allocation_id) = 1),
        CONSTRAINT payment_amount_check CHECK (amount_cny > 0),
        CONSTRAINT payment_method_check
          CHECK (method IN ('cash', 'wechat', 'alipay', 'bank_transfer', 'other'))
      )`);
    // One receipt number is issued once per association.
    await db.query(
      `CREATE UNIQUE INDEX payment_receipt_key ON payment (association_id, receipt_number)
        WHERE receipt_number IS NOT NULL`,
    );
    await db.query(`CREATE INDEX payment_ledger_idx ON payment (association_id, recorded_at)`);
    // Payments recorded before the ledger existed were kept only as the permit's fee_paid step.
    await db.query(`
      INSERT INTO payment (association_id, permit_id, household_id, plate, reference, amount_cny,
                           method, note, recorded_by, recorded_at)
      SELECT e.association_id, e.permit_id, p.household_id, p.plate, 'No.' || p.number,
             (e.details->>'amountCny')::numeric, 'other', e.reason, e.actor_member_id, e.at
        FROM permit_event e JOIN permit p ON p.id = e.permit_id
       WHERE e.type = 'fee_paid' AND (e.details->>'amountCny')::numeric > 0`);
    await db.query(
      `UPDATE permit p SET paid_cny = s.total
         FROM (SELECT permit_id, sum(amount_cny) AS total FROM payment GROUP BY permit_id) s
        WHERE s.permit_id = p.id`,
    );
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE payment`);
    await db.query(
      `ALTER TABLE standing_allocation DROP COLUMN fee_paid_cny, DROP COLUMN fee_due_cny`,
    );
    await db.query(
      `ALTER TABLE permit DROP COLUMN paid_cny,
         ALTER COLUMN fee_cny TYPE integer USING round(fee_cny)::integer`,
    );
  }
}
