import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scan keeps why it got its verdict as a cause code with its params (a Beijing time), not as
 * one "中文 / English" sentence: the reply and the warden's list render it in the reader's
 * language (issue 12), and the phone offline uses the same causes (issue 16).
 */
export class ScanVerdictCauses1764950000000 implements MigrationInterface {
  name = 'ScanVerdictCauses1764950000000';

  public async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE permit_scan ADD COLUMN reason_params jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE permit_scan SET
        reason_params = CASE
          WHEN (regexp_match(reason, '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}')) IS NOT NULL
            THEN jsonb_build_object('at', (regexp_match(reason, '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}'))[1])
          ELSE '{}'::jsonb END,
        reason = CASE
          WHEN reason LIKE '停车证未获批准%' THEN 'never_approved'
          WHEN reason LIKE '暂时无法读取共享停车时段%' THEN 'windows_unreadable'
          WHEN reason LIKE '有效%' THEN 'valid'
          WHEN reason LIKE '停车证已被吊销%' THEN 'revoked'
          WHEN reason LIKE '停车证暂停使用%' THEN 'suspended'
          WHEN reason LIKE '停车证已%过期%' THEN 'expired'
          WHEN reason LIKE '停车证%生效%' THEN 'not_yet_valid'
          WHEN reason LIKE '此证不适用%' THEN 'wrong_scope'
          WHEN reason LIKE '不在共享停车时段%' THEN 'outside_window'
          WHEN reason LIKE '车牌与停车证不符%' THEN 'plate_mismatch'
          WHEN reason LIKE '二维码无效%' THEN 'forged'
          ELSE verdict END`);
    await db.query(`
      ALTER TABLE permit_scan ADD CONSTRAINT permit_scan_reason_is_cause CHECK (reason IN (
        'valid', 'expired', 'not_yet_valid', 'revoked', 'suspended', 'wrong_scope',
        'outside_window', 'plate_mismatch', 'forged', 'unknown', 'never_approved',
        'windows_unreadable'))`);
  }

  public async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE permit_scan DROP CONSTRAINT permit_scan_reason_is_cause`);
    await db.query(`
      UPDATE permit_scan SET reason = CASE reason
        WHEN 'never_approved' THEN '停车证未获批准 / this permit was never approved'
        WHEN 'windows_unreadable' THEN '暂时无法读取共享停车时段，不能确认 / the shared parking hours cannot be read now: not confirmed'
        WHEN 'valid' THEN '有效，可以停放 / valid: this car may park here'
        WHEN 'expired' THEN '停车证已过期 / the permit has expired'
        WHEN 'not_yet_valid' THEN '停车证尚未生效 / the permit is not valid yet'
        WHEN 'revoked' THEN '停车证已被吊销 / the permit has been revoked'
        WHEN 'suspended' THEN '停车证暂停使用 / the permit is suspended'
        WHEN 'wrong_scope' THEN '此证不适用于此处 / this permit is not for this place'
        WHEN 'outside_window' THEN '不在共享停车时段内 / outside the shared parking hours of this car park'
        WHEN 'plate_mismatch' THEN '车牌与停车证不符 / the plate on the car is not the plate on the permit'
        WHEN 'forged' THEN '二维码无效或被篡改 / forged or altered: the signature does not verify'
        ELSE '查无此证 / no such permit' END`);
    await db.query(`ALTER TABLE permit_scan DROP COLUMN reason_params`);
  }
}
