// A permit's status at a moment, for the server and a warden's phone judging offline alike.
// Suspension ends by itself: `suspended_until` is compared with the clock on every read and scan,
// so no job has to run on time and none can be missed. Pure: no Nest, no DOM, no node builtins.

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
