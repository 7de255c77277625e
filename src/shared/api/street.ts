// What GET /api/street/overview answers: figures per association, never a person. The street
// office's screen reads it as `Wire<…>` (src/shared/api/wire.ts); the OpenAPI classes in
// src/street/dto/overview.view.ts implement these. Types only.
import type { MonthlyPersuasionCount } from './violations';

export interface HourlyOccupancy {
  /** The top of an hour; the last point is now. */
  at: Date;
  /** Cars parked in the association's spaces then. */
  parked: number;
}

export interface MonthlyCount {
  /** "2026-03" */
  month: string;
  count: number;
}

/** One association in the street's overview: figures only, never a phone, a name or a plate. */
export interface AssociationFigures {
  id: string;
  name: string;
  community: string;
  lanes: number;
  /** Spaces on its lanes (open, closed or reserved). */
  spaces: number;
  occupiedNow: number;
  freeNow: number;
  /** Stretches of the next 7 days with fewer on duty than required. */
  coverageGapsNext7Days: number;
  /** Hours of those stretches, rounded up. */
  uncoveredHoursNext7Days: number;
  /** This Asia/Shanghai month, overturned ones not counted. */
  violationsThisMonth: number;
  /** Off-peak bookings of its households for tonight. */
  bookingsTonight: number;
  /** The tops of the last 23 hours and now, oldest first. */
  occupancyByHour: HourlyOccupancy[];
  /** The last 12 months, oldest first. */
  violationsByMonth: MonthlyCount[];
  /** Persuasion and guidance (劝导、引导) of the last 12 months, by outcome. */
  persuasionsByMonth: MonthlyPersuasionCount[];
  /** Persuasions and guidance this Asia/Shanghai month. */
  persuasionsThisMonth: number;
}

export interface StreetOverview {
  /** The street office's street; null for a viewer. */
  streetOffice: string | null;
  generatedAt: Date;
  associations: AssociationFigures[];
}
