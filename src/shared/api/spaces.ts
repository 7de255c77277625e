// What the spaces routes answer that the screens read as `Wire<…>` (src/shared/api/wire.ts); the
// OpenAPI classes in src/spaces/dto/ implement these. Types only.

/** A restriction starting within 12 hours of a check-in: the car must be gone by `from`. */
export interface RestrictionWarning {
  /** restriction: the council's window for this space; no_parking_hours: the convention's. */
  reason: 'restriction' | 'no_parking_hours';
  from: Date;
  to: Date;
  /** The convention's article. */
  article: number | null;
  /** "垃圾车清运" */
  note: string;
}
