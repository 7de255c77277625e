import { useEffect, useRef } from 'preact/hooks';
import type * as api from '../../../../shared/api/sharing';
import type { Wire } from '../../../../shared/api/wire';
import { t } from '../../i18n';
import { holdTopic, type LiveConnection, useLiveEvents } from '../../live';

// Responses, as the server declares them (src/shared/api/sharing.ts).
export type Night = Wire<api.Night>;
export type Offer = Wire<api.OfferResponse>;
/** One condition of an offer, met or missed (GET /api/offers/:id/eligibility). */
export type Condition = Wire<api.ConditionResponse>;
export type Eligibility = Wire<api.EligibilityResponse>;
export type Booking = Wire<api.BookingResponse>;
export type Allocation = Wire<api.AllocationResponse>;
export type CarPark = Wire<api.CarParkResponse>;

/** The household's conditions, then those of the car chosen (or the nearest to eligible). */
export function conditionsFor(eligibility: Eligibility, vehicleId: string): Condition[] {
  const car =
    eligibility.vehicles.find((v) => v.vehicleId === vehicleId) ??
    [...eligibility.vehicles].sort(
      (a, b) =>
        a.conditions.filter((c) => !c.met).length - b.conditions.filter((c) => !c.met).length,
    )[0];
  return [...eligibility.conditions, ...(car?.conditions ?? [])];
}

/** "2026-03-02T11:00:00Z" → "19:00" in Beijing time, whatever the phone's zone. */
export function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600e3).toISOString().slice(11, 16);
}

/**
 * A night's hours as residents say them: "19:00–07:30", or "全天" for a whole day (a weekend
 * night of an office runs 07:30 to 07:30 the next morning, which read as no time at all).
 */
export function nightHours(startsAt: string, endsAt: string): string {
  if (Date.parse(endsAt) - Date.parse(startsAt) >= 24 * 3600e3) return t('sharing.allDay');
  return `${beijingTime(startsAt)}–${beijingTime(endsAt)}`;
}

/** Polling interval while the live socket is down (a network that drops WebSockets, say). */
const FALLBACK_POLL_MS = 5000;

/**
 * Calls `onChange` when a car park's availability changes: over the session's live socket
 * (`subscribe { carParkId }`, `carpark.updated`), on every (re)connect to catch what was missed,
 * and by polling every few seconds only while the socket is not connected.
 */
export function useCarParkUpdates(carParkIds: string[], onChange: () => void): LiveConnection {
  const key = carParkIds.join(',');
  useEffect(() => {
    if (!key) return undefined;
    const holds = key.split(',').map((carParkId) => holdTopic({ carParkId }));
    return () => holds.forEach((hold) => hold.release());
  }, [key]);
  const connection = useLiveEvents({
    connect: onChange,
    'carpark.updated': onChange,
    'booking.cancelled': onChange,
  });
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (connection === 'live') return undefined;
    const timer = setInterval(() => latest.current(), FALLBACK_POLL_MS);
    return () => clearInterval(timer);
  }, [connection]);
  return connection;
}
