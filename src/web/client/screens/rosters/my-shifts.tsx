import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiDownload, apiFetch, ApiError } from '../../api';
import { t } from '../../i18n';
import { DoneMessage } from '../../confirm';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { beijingDayTime, beijingTime, type HandoverNote, type MyShift } from './roster-api';
import { ShiftItem } from './shift-item';
import './rosters.css';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; shifts: MyShift[] };

/** How many later shifts show before "show all": a month of them buried the calendar buttons. */
const FIRST_SHOWN = 7;

/** A warden's or volunteer's own shifts: sign in and out, read and leave handover notes (交接班). */
export function MyShiftsScreen() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [notes, setNotes] = useState<HandoverNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  // The clock moves on: the sign-in button appears when its half hour comes, without a reload.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', shifts: await apiFetch<MyShift[]>('/api/me/shifts') });
    } catch (e) {
      setState({ status: 'failed', message: e instanceof ApiError ? e.message : String(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const act = async (run: () => Promise<unknown>, doneText?: () => string) => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      await run();
      if (doneText) setDone(doneText());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
    setNow(Date.now());
    await load();
  };

  const signIn = (shift: MyShift) =>
    act(
      async () => {
        const result = await apiFetch<{ handoverNotes: HandoverNote[] }>(
          `/api/shifts/${shift.id}/sign-in`,
          { method: 'POST' },
        );
        setNotes(result.handoverNotes);
      },
      () => t('myShifts.signedIn', { time: beijingTime(new Date().toISOString()) }),
    );
  const signOut = (shift: MyShift, note: string) =>
    act(
      () =>
        apiFetch(`/api/shifts/${shift.id}/sign-out`, {
          method: 'POST',
          body: note.trim() ? { handoverNote: note.trim() } : {},
        }),
      () => t('myShifts.signedOut', { name: shift.name }),
    );
  const subscribe = () =>
    act(async () => {
      const feed = await apiFetch<{ path: string }>('/api/me/shifts/feed', { method: 'POST' });
      setFeedUrl(`${window.location.origin}${feed.path}`);
    });

  // Upcoming and current shifts, and one just ended that still waits for its sign-out.
  const shifts =
    state.status === 'ready'
      ? state.shifts
          .filter((s) => Date.parse(s.to) > now || s.mine.attendance === 'on_duty')
          .sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
      : [];
  const [next, ...later] = shifts;
  const shown = showAll ? later : later.slice(0, FIRST_SHOWN);
  const item = (shift: MyShift, isNext = false) => (
    <ShiftItem
      key={shift.id}
      shift={shift}
      now={now}
      next={isNext}
      busy={busy}
      onSignIn={signIn}
      onSignOut={signOut}
    />
  );
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
        <DoneMessage text={done} />
        {next && (
          <section aria-labelledby="next-shift-title">
            <h2 class="section-title" id="next-shift-title">
              {Date.parse(next.from) <= now ? t('myShifts.now') : t('myShifts.next')}
            </h2>
            {item(next, true)}
          </section>
        )}
        <section class="card calendar-card" aria-labelledby="calendar-title">
          <h2 class="card-title" id="calendar-title">
            {t('myShifts.calendar')}
          </h2>
          <p class="hint">{t('myShifts.calendarHint')}</p>
          <div class="calendar-actions">
            <button
              type="button"
              class="button button--primary"
              data-testid="subscribe-ics"
              onClick={() => void subscribe()}
            >
              {t('myShifts.subscribe')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              data-testid="download-ics"
              onClick={() => void apiDownload('/api/me/shifts.ics', 'my-shifts.ics')}
            >
              {t('myShifts.ics')}
            </button>
          </div>
          {feedUrl && (
            <p class="hint" data-testid="feed-url">
              {t('myShifts.feedHint')}{' '}
              <a href={feedUrl.replace(/^https?:/, 'webcal:')}>{feedUrl}</a>
            </p>
          )}
        </section>
        {later.length > 0 && (
          <section aria-labelledby="later-title">
            <h2 class="section-title" id="later-title">
              {t('myShifts.later')}
            </h2>
            <div class="my-shift-list">{shown.map((shift) => item(shift))}</div>
            {!showAll && later.length > FIRST_SHOWN && (
              <button
                type="button"
                class="button button--secondary"
                data-testid="show-all-shifts"
                onClick={() => setShowAll(true)}
              >
                {t('myShifts.showAll', { count: later.length })}
              </button>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
