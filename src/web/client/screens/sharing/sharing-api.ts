import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import { holdTopic, type LiveConnection, useLiveEvents } from '../../live';

export interface Night {
  night: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  free: number;
}

export interface Offer {
  id: string;
  carParkId: string;
  carParkName: string;
  unitName: string;
  title: string;
  status: 'live' | 'paused' | 'ended';
  places: number;
  standingPlaces: number;
  standingAdmitted: number;
  waiting: number;
  termsText: string;
  termsHash: string;
  monthlyFeeCny: number;
  graceMinutes: number;
  graceRule: 'convention' | 'offer';
  conventionGraceMinutes: number;
  nights: Night[];
  eligibility?: Eligibility;
}

/** One condition of an offer, met or missed (GET /api/offers/:id/eligibility). */
export interface Condition {
  condition: 'resident' | 'association' | 'lane' | 'vehicle' | 'licence_owner' | 'plate_color';
  met: boolean;
  reason: string | null;
  /** The refusal in the reader's language, when missed. */
  message: string | null;
}

export interface Eligibility {
  eligible: boolean;
  explanation: string[];
  conditions: Condition[];
  vehicles: { vehicleId: string; plate: string; eligible: boolean; conditions: Condition[] }[];
}

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

export interface Booking {
  id: string;
  offerId: string;
  offerTitle: string;
  carParkName: string;
  night: string;
  endsAt: string;
  spaceCode: string | null;
  plate: string;
  status: 'booked' | 'cancelled';
  cancelReasonText: string | null;
}

export interface Allocation {
  id: string;
  offerId: string;
  offerTitle: string;
  status: 'waiting' | 'admitted' | 'cancelled';
  position: number | null;
  plate: string;
}

export interface CarPark {
  id: string;
  name: string;
  totalSpaces: number;
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
