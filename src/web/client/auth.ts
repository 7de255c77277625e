import { apiFetch } from './api';
import { navigate } from './router';
import {
  clearSession,
  getSession,
  type Session,
  type SessionResponse,
  startSession,
} from './session';

export async function login(phone: string, password: string): Promise<Session> {
  const response = await apiFetch<SessionResponse>('/api/auth/login', {
    method: 'POST',
    body: { phone, password },
    auth: false,
  });
  return startSession(response);
}

/** Ends the member's sessions on the server; the device forgets them even if that call fails. */
export async function logout(): Promise<void> {
  try {
    if (getSession()) await apiFetch<void>('/api/auth/logout', { method: 'POST' });
  } catch {
    // Offline or already expired: forgetting the tokens locally is what matters.
  } finally {
    clearSession();
    navigate('/login', { replace: true });
  }
}
