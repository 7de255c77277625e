// What GET /api/payments answers: the payment ledger (收费台账), one row per fee paid on a permit
// or a standing place. The council's screens read it as `Wire<…>` (src/shared/api/wire.ts); the
// OpenAPI class in src/payments/dto/payment.dto.ts implements it. Types and the methods' list.

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'bank_transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface PaymentResponse {
  id: string;
  recordedAt: string;
  subject: 'permit' | 'allocation';
  permitId: string | null;
  allocationId: string | null;
  /** What was paid for, e.g. "停车证 No.1042". */
  reference: string;
  plate: string;
  /** "下岗胡同3号" */
  household: string | null;
  amountCny: number;
  method: PaymentMethod;
  receiptNumber: string | null;
  note: string;
  /** Who recorded it. */
  recordedBy: string | null;
}
