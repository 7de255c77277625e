// A permit's status at a moment. Suspension ends by itself: `suspended_until` is compared with
// the clock on every read and scan, so no job has to run on time and none can be missed.

export type StoredStatus = 'pending' | 'rejected' | 'active' | 'expired' | 'revoked';
export const PERMIT_STATUSES = [
  'pending',
  'rejected',
  'scheduled',
  'active',
  'suspended',
  'expired',
  'revoked',
] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

export interface StatusFacts {
  status: StoredStatus;
  validFrom: Date;
  validTo: Date;
  suspendedUntil: Date | null;
}

export function statusAt(permit: StatusFacts, at: Date): PermitStatus {
  switch (permit.status) {
    case 'pending':
    case 'rejected':
    case 'revoked':
    case 'expired':
      return permit.status;
    case 'active':
      if (at >= permit.validTo) return 'expired';
      if (permit.suspendedUntil && at < permit.suspendedUntil) return 'suspended';
      if (at < permit.validFrom) return 'scheduled';
      return 'active';
  }
}

/** "2025-11-23 18:00" in Beijing time (China keeps no daylight saving). */
export function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The first instant of the Beijing calendar month holding `at`. */
export function beijingMonthStart(at: Date): Date {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000);
}
