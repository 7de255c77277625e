import { useEffect } from 'preact/hooks';
import { io } from 'socket.io-client';
import { getSession } from '../../session';

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
  nights: Night[];
  eligibility?: { eligible: boolean; explanation: string[] };
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
 * Calls `onChange` when a car park's availability changes: over the live socket
 * (`subscribe { carParkId }`, `carpark.updated`), and by polling every few seconds as a fallback
 * for networks that drop WebSockets.
 */
export function useCarParkUpdates(carParkIds: string[], onChange: () => void): void {
  const key = carParkIds.join(',');
  useEffect(() => {
    const token = getSession()?.accessToken;
    const socket = token
      ? io('/live', { auth: { token }, transports: ['websocket', 'polling'] })
      : null;
    socket?.on('connect', () => {
      for (const carParkId of carParkIds) socket.emit('subscribe', { carParkId });
    });
    socket?.on('carpark.updated', onChange);
    socket?.on('booking.cancelled', onChange);
    const timer = setInterval(onChange, 5000);
    return () => {
      clearInterval(timer);
      socket?.close();
    };
  }, [key]);
}
