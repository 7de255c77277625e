import { useEffect, useState } from 'preact/hooks';
import type {
  MemberResponse,
  Role,
  SessionResponse as SessionShape,
} from '../../shared/api/associations';
import type { Wire } from '../../shared/api/wire';

export type { Role };
/** A member as the server answers it (src/shared/api/associations.ts). */
export type Member = Wire<MemberResponse>;
/** The body of POST /api/auth/login and POST /api/auth/refresh. */
export type SessionResponse = Wire<SessionShape>;

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch milliseconds, as seen by this device's clock */
  expiresAt: number;
  member: Member;
}

// Kept in localStorage so a warden's phone stays logged in across a 24-hour rotation; the
// refresh token is single-use, so every tab must see the newest pair (see the storage listener).
const STORAGE_KEY = 'hutong.session';
const listeners = new Set<(session: Session | null) => void>();

let current: Session | null = readStored();

export function getSession(): Session | null {
  return current;
}

/** The session as last written by any tab: a newer token pair may have arrived meanwhile. */
export function readStored(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (!parsed.accessToken || !parsed.refreshToken || !parsed.member) return null;
    return parsed as Session;
  } catch {
    return null;
  }
}

export function startSession(response: SessionResponse): Session {
  const session: Session = {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    expiresAt: Date.now() + response.expiresIn * 1000,
    member: response.member,
  };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage refused (private mode): the session lives in memory until the tab closes.
  }
  update(session);
  return session;
}

/** Adopts the session another tab wrote (after it refreshed the token pair). */
export function syncFromStorage(): Session | null {
  update(readStored());
  return current;
}

export function clearSession(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
  update(null);
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Re-renders the calling component on login, refresh and logout. */
export function useSession(): Session | null {
  const [session, setState] = useState(current);
  useEffect(() => {
    const unsubscribe = onSessionChange(setState);
    setState(current);
    return unsubscribe;
  }, []);
  return session;
}

function update(session: Session | null): void {
  current = session;
  for (const listener of listeners) listener(session);
}

// Another tab logged in, refreshed or logged out.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) syncFromStorage();
});
