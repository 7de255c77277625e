import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiDownload, apiFetch, ApiError } from '../../api';
import { t } from '../../i18n';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { beijingDayTime, beijingTime, type HandoverNote, type MyShift } from './roster-api';
import './rosters.css';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; shifts: MyShift[] };

const SIGN_IN_OPENS_MS = 30 * 60_000;

/** A warden's or volunteer's own shifts: sign in and out, read and leave handover notes (交接班). */
export function MyShiftsScreen() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [notes, setNotes] = useState<HandoverNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', shifts: await apiFetch<MyShift[]>('/api/me/shifts') });
    } catch (e) {
      setState({ status: 'failed', message: e instanceof ApiError ? e.message : String(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    await load();
  };

  const signIn = (shift: MyShift) =>
    act(async () => {
      const result = await apiFetch<{ handoverNotes: HandoverNote[] }>(
        `/api/shifts/${shift.id}/sign-in`,
        { method: 'POST' },
      );
      setNotes(result.handoverNotes);
    });
  const signOut = (shift: MyShift, note: string) =>
    act(() =>
      apiFetch(`/api/shifts/${shift.id}/sign-out`, {
        method: 'POST',
        body: note.trim() ? { handoverNote: note.trim() } : {},
      }),
    );
  const subscribe = () =>
    act(async () => {
      const feed = await apiFetch<{ path: string }>('/api/me/shifts/feed', { method: 'POST' });
      setFeedUrl(`${window.location.origin}${feed.path}`);
    });

  const now = Date.now();
  const shifts =
    state.status === 'ready'
      ? state.shifts.filter((s) => Date.parse(s.to) > now - 12 * 3_600_000)
      : [];
  return (
    <div class="screen" data-testid="my-shifts">
      <TopBar title={t('myShifts.title')} />
      <main class="content">
        {error && (
          <p class="form-error" role="alert" data-testid="my-shifts-error">
            {error}
          </p>
        )}
        {notes && (
          <div class="card handover-notes" data-testid="handover-notes">
            <h2 class="card-title">{t('myShifts.handover')}</h2>
            {notes.length === 0 ? (
              <p class="hint">{t('myShifts.noHandover')}</p>
            ) : (
              <ul>
                {notes.map((n) => (
                  <li key={n.id} data-testid="handover-note">
                    {n.body}{' '}
                    <span class="hint">
                      — {n.authorName}, {beijingDayTime(n.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && (
          <LoadFailed message={state.message} onRetry={() => void load()} />
        )}
        {state.status === 'ready' && shifts.length === 0 && (
          <p class="card empty">{t('myShifts.none')}</p>
        )}
        {shifts.map((shift) => (
          <ShiftItem key={shift.id} shift={shift} now={now} onSignIn={signIn} onSignOut={signOut} />
        ))}
        <p>
          <button
            type="button"
            class="button button--secondary"
            data-testid="download-ics"
            onClick={() => void apiDownload('/api/me/shifts.ics', 'my-shifts.ics')}
          >
            {t('myShifts.ics')}
          </button>{' '}
          <button
            type="button"
            class="button button--ghost"
            data-testid="subscribe-ics"
            onClick={() => void subscribe()}
          >
            {t('myShifts.subscribe')}
          </button>
        </p>
        {feedUrl && (
          <p class="hint" data-testid="feed-url">
            {t('myShifts.feedHint')} <a href={feedUrl.replace(/^https?:/, 'webcal:')}>{feedUrl}</a>
          </p>
        )}
      </main>
    </div>
  );
}

function ShiftItem(props: {
  shift: MyShift;
  now: number;
  onSignIn: (shift: MyShift) => Promise<void>;
  onSignOut: (shift: MyShift, note: string) => Promise<void>;
}) {
  const { shift, now } = props;
  const [note, setNote] = useState('');
  const mine = shift.mine;
  const canSignIn =
    !mine.signedInAt &&
    now >= Date.parse(shift.from) - SIGN_IN_OPENS_MS &&
    now < Date.parse(shift.to);
  const canSignOut = mine.attendance === 'on_duty';
  const others = shift.assignments.filter((a) => a.id !== mine.id).map((a) => a.memberName);
  return (
    <article class="card my-shift" data-testid="my-shift" data-shift-id={shift.id}>
      <h2 class="card-title">
        {beijingDayTime(shift.from)}–{beijingTime(shift.to)} · {shift.name}
        <span class={`attendance attendance--${mine.attendance}`} data-testid="attendance">
          {t(`attendance.${mine.attendance}`)}
          {mine.late ? ` · ${t('attendance.late')}` : ''}
        </span>
      </h2>
      {others.length > 0 && <p class="hint">{t('myShifts.with', { names: others.join('、') })}</p>}
      {canSignIn && (
        <button
          type="button"
          class="button button--primary"
          data-testid="sign-in"
          onClick={() => void props.onSignIn(shift)}
        >
          {t('myShifts.signIn')}
        </button>
      )}
      {canSignOut && (
        <>
          <textarea
            data-testid="handover-input"
            placeholder={t('myShifts.notePlaceholder')}
            value={note}
            maxLength={1000}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
          <button
            type="button"
            class="button button--primary"
            data-testid="sign-out"
            onClick={() => void props.onSignOut(shift, note)}
          >
            {t('myShifts.signOut')}
          </button>
        </>
      )}
    </article>
  );
}
