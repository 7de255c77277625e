import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../../database/transactions';
import type { AgreementWindow } from '../../shared/api/units';

export type { AgreementWindow } from '../../shared/api/units';

/** What a resident unit signed (协议): one version; a change is the next version. */
export interface UnitAgreement {
  residentUnitId: string;
  associationId: string;
  version: number;
  termFrom: string;
  termTo: string;
  places: number;
  windows: AgreementWindow[];
  liability: string;
  contactName: string;
  contactPhone: string;
  signedOn: string;
  /** Per cent of the sharing fees the agreement gives the association (0: none). */
  associationFeePercent: number;
  recordedBy: string | null;
  recordedAt: Date;
}

export type AgreementTerms = Omit<
  UnitAgreement,
  'residentUnitId' | 'associationId' | 'version' | 'recordedBy' | 'recordedAt'
>;

interface Row {
  resident_unit_id: string;
  association_id: string;
  version: number;
  term_from: string;
  term_to: string;
  places: number;
  windows: AgreementWindow[];
  liability: string;
  contact_name: string;
  contact_phone: string;
  signed_on: string;
  association_fee_percent: number;
  recorded_by: string | null;
  recorded_at: Date;
}

const COLUMNS = `resident_unit_id, association_id, version,
  to_char(term_from, 'YYYY-MM-DD') AS term_from, to_char(term_to, 'YYYY-MM-DD') AS term_to,
  places, windows, liability, contact_name, contact_phone,
  to_char(signed_on, 'YYYY-MM-DD') AS signed_on, association_fee_percent, recorded_by, recorded_at`;

/** The only SQL of `unit_agreement`: versions are added, never changed. */
@Injectable()
export class UnitAgreementRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Every version of a unit's agreement, the newest first. */
  async history(residentUnitId: string, tx: Tx = this.transactions.autocommit) {
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM unit_agreement WHERE resident_unit_id = $1 ORDER BY version DESC`,
      [residentUnitId],
    );
    return rows.map(toAgreement);
  }

  /** The newest version of each of these units' agreements. */
  async current(
    residentUnitIds: string[],
    tx: Tx = this.transactions.autocommit,
  ): Promise<Map<string, UnitAgreement>> {
    if (residentUnitIds.length === 0) return new Map();
    const rows: Row[] = await tx.query(
      `SELECT DISTINCT ON (resident_unit_id) ${COLUMNS} FROM unit_agreement
        WHERE resident_unit_id = ANY($1::uuid[])
        ORDER BY resident_unit_id, version DESC`,
      [residentUnitIds],
    );
    return new Map(rows.map((row) => [row.resident_unit_id, toAgreement(row)]));
  }

  /**
   * The next version of the unit's agreement. The caller holds the unit's row lock, so two
   * concurrent changes number themselves one after the other (the unique key catches the rest).
   */
  async append(
    tx: Tx,
    unit: { id: string; associationId: string },
    terms: AgreementTerms,
    recordedBy: string,
  ): Promise<UnitAgreement> {
    const rows: Row[] = await tx.query(
      `INSERT INTO unit_agreement (resident_unit_id, association_id, version, term_from, term_to,
              places, windows, liability, contact_name, contact_phone, signed_on,
              association_fee_percent, recorded_by)
       SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
         FROM unit_agreement WHERE resident_unit_id = $1
       RETURNING ${COLUMNS}`,
      [
        unit.id,
        unit.associationId,
        terms.termFrom,
        terms.termTo,
        terms.places,
        JSON.stringify(terms.windows),
        terms.liability,
        terms.contactName,
        terms.contactPhone,
        terms.signedOn,
        terms.associationFeePercent,
        recordedBy,
      ],
    );
    return toAgreement(rows[0]!);
  }
}

function toAgreement(row: Row): UnitAgreement {
  return {
    residentUnitId: row.resident_unit_id,
    associationId: row.association_id,
    version: row.version,
    termFrom: row.term_from,
    termTo: row.term_to,
    places: row.places,
    windows: row.windows,
    liability: row.liability,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    signedOn: row.signed_on,
    associationFeePercent: row.association_fee_percent,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}
