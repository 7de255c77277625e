import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { apiDownload, apiFetch, ApiError } from '../../api';
import { LedgerDownloadButton } from '../../ledger-download';
import { t } from '../../i18n';
import { useLiveEvent, useLiveEvents } from '../../live';
import { LiveBadge } from '../../live-badge';
import { navigate, type ScreenProps } from '../../router';
import type { Member } from '../../session';
import type { RosterGapPayload } from '../../../../shared/live/rosters';
import { LoadFailed, Loading, TopBar } from '../../ui';
import {
  addDays,
  beijingDate,
  beijingDayTime,
  beijingTime,
  type CoverageGap,
  mondayOf,
  type Shift,
} from './roster-api';
import { GenerateNextMonth } from './generate-month';
import './rosters.css';

interface WeekData {
  shifts: Shift[];
  gaps: CoverageGap[];
  wardens: Member[];
  volunteers: Member[];
}

/** `roster.gap`, pushed to the council room when a change leaves a shift short. */
type RosterGapPush = RosterGapPayload;

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; data: WeekData };

/**
 * The council's week of the roster: gaps in red, pick a person to put on or move a shift. Live:
 * a gap pushed by the server (someone dropped a shift) and changes of who is on duty reload the
 * week at once, and the shift that just went short is marked.
 */
export function RosterWeekScreen({ query }: ScreenProps) {
  const week = query.get('week') ?? mondayOf(new Date());
  const [state, setState] = useState<State>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [pushed, setPushed] = useState<RosterGapPush | null>(null);
  // Loads overlap when pushes arrive close together; only the newest may set the state.
  const latestLoad = useRef(0);

  const load = useCallback(async () => {
    const period = `from=${week}&to=${addDays(week, 7)}`;
    const attempt = ++latestLoad.current;
    try {
      const [shifts, coverage, wardens, volunteers] = await Promise.all([
        apiFetch<Shift[]>(`/api/rosters/shifts?${period}`),
        apiFetch<{ gaps: CoverageGap[] }>(`/api/rosters/coverage?${period}`),
        apiFetch<{ items: Member[] }>('/api/members?role=warden&pageSize=500'),
        apiFetch<{ items: Member[] }>('/api/members?volunteer=true&pageSize=500'),
      ]);
      if (attempt !== latestLoad.current) return;
      setState({
        status: 'ready',
        data: { shifts, gaps: coverage.gaps, wardens: wardens.items, volunteers: volunteers.items },
      });
    } catch (e) {
      if (attempt !== latestLoad.current) return;
      setState({ status: 'failed', message: e instanceof ApiError ? e.message : String(e) });
    }
  }, [week]);

  useEffect(() => {
    setState({ status: 'loading' });
    setPushed(null);
    void load();
  }, [load]);

  // Pushes missed while the phone was offline: read the week again on every (re)connection.
  // The rolling roster's gaps of the coming week arrive as 'roster.gaps-ahead': read again too.
  useLiveEvents({
    connect: () => void load(),
    'duty.changed': () => void load(),
    'roster.gaps-ahead': () => void load(),
  });
  useLiveEvent<RosterGapPush>('roster.gap', (push) => {
    setPushed(push);
    void load();
  });

  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    await load();
  };

  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  return (
    <div class="screen" data-testid="roster-week">
      <TopBar title={t('roster.title')} />
      <div class="roster-status">
        <LiveBadge />
      </div>
      <main class="content">
        <nav class="roster-week-nav">
          <button
            type="button"
            class="button button--secondary"
            data-testid="week-prev"
            onClick={() => navigate(`/rosters?week=${addDays(week, -7)}`)}
          >
            ‹ {t('roster.prevWeek')}
          </button>
          <strong data-testid="week-label">
            {week.slice(5)} – {addDays(week, 6).slice(5)}
          </strong>
          <button
            type="button"
            class="button button--secondary"
            data-testid="week-next"
            onClick={() => navigate(`/rosters?week=${addDays(week, 7)}`)}
          >
            {t('roster.nextWeek')} ›
          </button>
        </nav>
        {error && (
          <p class="form-error" role="alert" data-testid="roster-error">
            {error}
          </p>
        )}
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && (
          <LoadFailed message={state.message} onRetry={() => void load()} />
        )}
        {state.status === 'ready' && (
          <>
            {pushed && <PushedGap push={pushed} onDismiss={() => setPushed(null)} />}
            <Gaps gaps={state.data.gaps} />
            <GenerateNextMonth />
            <p>
              <button
                type="button"
                class="button button--secondary"
                onClick={() =>
                  void apiDownload(
                    `/api/rosters/roster.csv?from=${week}&to=${addDays(week, 7)}`,
                    'duty-roster.csv',
                  )
                }
              >
                {t('roster.exportCsv')}
              </button>{' '}
              <button
                type="button"
                class="button button--secondary"
                onClick={() =>
                  void apiDownload(
                    `/api/rosters/hours.csv?from=${week}&to=${addDays(week, 7)}`,
                    'duty-hours.csv',
                  )
                }
              >
                {t('roster.exportHours')}
              </button>
            </p>
            <p>
              <LedgerDownloadButton
                path={`/api/rosters/roster.xlsx?from=${week}&to=${addDays(week, 7)}`}
                fileName="duty-roster.xlsx"
                label={t('roster.exportXlsx')}
                testId="roster-export-xlsx"
              />{' '}
              <LedgerDownloadButton
                path={`/api/rosters/hours.xlsx?from=${week}&to=${addDays(week, 7)}`}
                fileName="duty-hours.xlsx"
                label={t('roster.exportHoursXlsx')}
                testId="hours-export-xlsx"
              />
            </p>
            {days.map((day) => (
              <section class="roster-day" key={day} data-testid={`roster-day-${day}`}>
                <h2 class="section-title">{day}</h2>
                {state.data.shifts
                  .filter((s) => beijingDate(s.from) === day)
                  .map((shift) => (
                    <ShiftCard
                      key={shift.id}
                      shift={shift}
                      data={state.data}
                      act={act}
                      justShort={pushed?.shiftId === shift.id}
                    />
                  ))}
              </section>
            ))}
          </>
        )}
      </main>
    </div>
  );
}

/**
 * The gaps the server measured against the duty requirements: a week without a single shift is
 * all gap, never "covered". Each names the convention article the requirement rests on.
 */
function Gaps({ gaps }: { gaps: CoverageGap[] }) {
  if (gaps.length === 0) {
    return (
      <p class="card hint" data-testid="roster-covered">
        {t('roster.covered')}
      </p>
    );
  }
  return (
    <div class="card roster-gaps" role="alert" data-testid="roster-gaps">
      <p class="roster-gap-label">{t('roster.gaps', { count: gaps.length })}</p>
      <ul>
        {gaps.map((gap) => (
          <GapLine key={`${gap.kind}-${gap.from}`} gap={gap} testId="roster-gap" />
        ))}
      </ul>
    </div>
  );
}

function GapLine({ gap, testId }: { gap: CoverageGap; testId?: string }) {
  return (
    <li data-testid={testId}>
      {beijingDayTime(gap.from)} – {beijingDayTime(gap.to)} ·{' '}
      {t(gap.kind === 'volunteer' ? 'roster.kind.volunteer' : 'roster.kind.warden')} ·{' '}
      {t('roster.scheduledOf', { scheduled: gap.scheduled, required: gap.required })}
      {gap.article !== null && <span> · {t('roster.article', { article: gap.article })}</span>}
    </li>
  );
}

function PushedGap(props: { push: RosterGapPush; onDismiss: () => void }) {
  return (
    <div class="card roster-live-gap" role="alert" data-testid="roster-live-gap">
      <p class="roster-gap-label">{t('roster.liveGap')}</p>
      <ul>
        {props.push.gaps.map((gap) => (
          <GapLine key={`${gap.kind}-${gap.from}`} gap={gap} />
        ))}
      </ul>
      <button
        type="button"
        class="roster-live-gap-close"
        aria-label={t('map.close')}
        onClick={props.onDismiss}
      >
        ×
      </button>
    </div>
  );
}

function ShiftCard(props: {
  shift: Shift;
  data: WeekData;
  act: (run: () => Promise<unknown>) => Promise<void>;
  /** The shift a live push just reported short: drawn attention to. */
  justShort: boolean;
}) {
  const { shift, data, act } = props;
  const short = shift.assignments.length < shift.required;
  const candidates = shift.kind === 'warden' ? data.wardens : [...data.volunteers, ...data.wardens];
  const onShift = new Set(shift.assignments.map((a) => a.memberId));
  const open = Date.parse(shift.to) > Date.now();
  return (
    <article
      class={`card roster-shift${short ? ' roster-shift--gap' : ''}${props.justShort && short ? ' roster-shift--pushed' : ''}`}
      data-testid={short ? 'shift-gap' : 'shift'}
      data-shift-id={shift.id}
    >
      <div class="roster-shift-time">
        {beijingTime(shift.from)}–{beijingTime(shift.to)}
        <br />
        {shift.name}
      </div>
      <div class="roster-people">
        {shift.assignments.map((a) => (
          <div key={a.id}>
            {open && !a.signedInAt ? (
              <select
                aria-label={t('roster.reassign')}
                data-testid="reassign"
                value={a.memberId}
                onChange={(e) => {
                  const memberId = (e.target as HTMLSelectElement).value;
                  void act(() =>
                    apiFetch(`/api/shift-assignments/${a.id}`, {
                      method: 'PATCH',
                      body: { memberId },
                    }),
                  );
                }}
              >
                {candidates
                  .filter((m) => m.id === a.memberId || !onShift.has(m.id))
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
              </select>
            ) : (
              <span>{a.memberName}</span>
            )}
            <span class={`attendance attendance--${a.attendance}`}>
              {t(`attendance.${a.attendance}`)}
              {a.late ? ` · ${t('attendance.late')}` : ''}
            </span>
          </div>
        ))}
        {short && (
          <span class="roster-gap-label">
            {t('roster.scheduledOf', {
              scheduled: shift.assignments.length,
              required: shift.required,
            })}
          </span>
        )}
        {short && open && (
          <select
            aria-label={t('roster.assign')}
            data-testid="assign"
            value=""
            onChange={(e) => {
              const memberId = (e.target as HTMLSelectElement).value;
              if (memberId)
                void act(() =>
                  apiFetch(`/api/shifts/${shift.id}/assignments`, { body: { memberId } }),
                );
            }}
          >
            <option value="">{t('roster.assign')}</option>
            {candidates
              .filter((m) => !onShift.has(m.id))
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        )}
      </div>
    </article>
  );
}
