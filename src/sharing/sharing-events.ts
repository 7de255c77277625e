// Kept while the violations feature still imports from here; the events are in sharing.events.ts.
import { OverstayFlagged } from './sharing.events';

export { OverstayFlagged };

/** @deprecated listen to `OverstayFlagged.type` (src/sharing/sharing.events.ts). */
export const OVERSTAY_FLAGGED = OverstayFlagged.type;
