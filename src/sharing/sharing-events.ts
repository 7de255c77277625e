/**
 * Domain events off-peak sharing emits after commit, for features above it to act on (the
 * convention's violations turn a flagged overstay into a record on the household's ladder).
 * Sharing depends on none of its listeners.
 */
export const OVERSTAY_FLAGGED = 'sharing.overstay-flagged';

/** A car still parked in a unit's car park after must-leave-by plus the grace period. */
export interface OverstayFlagged {
  bookingId: string;
  /** The resident's association: whose convention and ladder apply. */
  associationId: string;
  carParkId: string;
  carParkName: string;
  spaceCode: string | null;
  /** Normalised plate, as stored on the vehicle. */
  plate: string;
  mustLeaveBy: Date;
  /** must-leave-by plus the grace period: the moment the stay became an overstay. */
  overstayedFrom: Date;
  flaggedAt: Date;
}
