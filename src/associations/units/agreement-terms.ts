// What makes an agreement (协议) between a resident unit and the association hold together:
// pure, no Nest or TypeORM. The DTO checks each field's shape; this checks the fields together.
import { isLocalDate } from '../../common/shanghai-time';
import type { Params } from '../../shared/i18n';

export interface AgreementDates {
  termFrom: string;
  termTo: string;
  signedOn: string;
}

export type AgreementRefusal = {
  reason: 'agreement.date_invalid' | 'agreement.term_reversed' | 'agreement.signed_after_term';
  params: Params;
};

/** Why these dates cannot stand in one agreement, or null when they can. */
export function agreementDatesRefusal(dates: AgreementDates): AgreementRefusal | null {
  for (const date of [dates.termFrom, dates.termTo, dates.signedOn]) {
    if (!isLocalDate(date)) return { reason: 'agreement.date_invalid', params: { date } };
  }
  // ISO dates compare as strings.
  if (dates.termTo < dates.termFrom) {
    return {
      reason: 'agreement.term_reversed',
      params: { termFrom: dates.termFrom, termTo: dates.termTo },
    };
  }
  // Signed before the term starts is usual; signed after it ended is a typing mistake.
  if (dates.signedOn > dates.termTo) {
    return {
      reason: 'agreement.signed_after_term',
      params: { signedOn: dates.signedOn, termTo: dates.termTo },
    };
  }
  return null;
}
