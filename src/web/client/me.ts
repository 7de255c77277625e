import { useCallback, useEffect, useState } from 'preact/hooks';
import type * as api from '../../shared/api/associations';
import type { Wire } from '../../shared/api/wire';
import type { PlateColor } from '../../shared/plate';
import { apiFetch, ApiError } from './api';
import { t } from './i18n';
import { getSession, onSessionChange } from './session';

export type { PlateColor };
// As the server answers them (src/shared/api/associations.ts).
export type Vehicle = Wire<api.VehicleResponse>;
export type Household = Wire<api.HouseholdDetail>;
export type Association = Wire<api.AssociationResponse>;
/** GET /api/me */
export type Me = Wire<api.MeResponse>;

export type MeState =
  { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'failed'; message: string };

// One fetch shared by every screen until the member changes (login as someone else, logout).
let cached: { memberId: string; me: Promise<Me> } | null = null;
onSessionChange((session) => {
  if (session?.member.id !== cached?.memberId) cached = null;
});

function loadMe(force: boolean): Promise<Me> {
  const memberId = getSession()?.member.id ?? '';
  if (force || !cached || cached.memberId !== memberId) {
    const me = apiFetch<Me>('/api/me');
    const entry = { memberId, me };
    cached = entry;
    me.catch(() => {
      if (cached === entry) cached = null;
    });
  }
  return cached.me;
}

/** The logged-in member, their association and household; `reload` fetches afresh. */
export function useMe(): { state: MeState; reload: () => void } {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    loadMe(attempt > 0).then(
      (me) => live && setState({ status: 'ready', me }),
      (error: unknown) =>
        live &&
        setState({
          status: 'failed',
          message: error instanceof ApiError ? error.message : t('error.network'),
        }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
