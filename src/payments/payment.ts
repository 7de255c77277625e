// A payment (缴费) as the ledger keeps it: on a permit or on a standing allocation, never both.

import type { PaymentMethod } from '../shared/api/payments';

export { PAYMENT_METHODS, type PaymentMethod } from '../shared/api/payments';

export type PaymentSubject = { permitId: string } | { allocationId: string };

/** What a feature records, inside its own transaction, when the council takes a fee. */
export interface NewPayment {
  associationId: string;
  subject: PaymentSubject;
  householdId: string | null;
  /** Normalised plate, as the permit or allocation holds it. */
  plate: string;
  /** What was paid for, as the ledger shows it: "停车证 No.1042", an offer's title. */
  reference: string;
  amountCny: number;
  method: PaymentMethod;
  receiptNumber: string | null;
  note: string;
  recordedBy: string | null;
  recordedAt: Date;
}

export interface Payment extends NewPayment {
  id: string;
}
