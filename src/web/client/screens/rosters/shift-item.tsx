import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { beijingDayTime, beijingTime, type MyShift } from './roster-api';

/** Sign-in opens half an hour before the shift (src/rosters: earlier is refused). */
export const SIGN_IN_OPENS_MS = 30 * 60_000;

/** "12-01 周二 00:00–08:00": day, weekday and hours in Beijing. */
export function shiftHours(shift: MyShift): string {
  const weekday = new Date(Date.parse(shift.from) + 8 * 3_600_000).getUTCDay();
  return t('myShifts.hours', {
    day: beijingDayTime(shift.from).slice(0, 5),
    weekday: t(`myShifts.weekday.${weekday}` as 'myShifts.weekday.0'),
    from: beijingTime(shift.from),
    to: beijingTime(shift.to),
  });
}

/** One of my shifts: when, with whom, and the sign-in or sign-out it calls for now. */
export function ShiftItem(props: {
  shift: MyShift;
  now: number;
  next?: boolean;
  busy: boolean;
  onSignIn: (shift: MyShift) => Promise<void>;
  onSignOut: (shift: MyShift, note: string) => Promise<void>;
}) {
  const { shift, now } = props;
  const [note, setNote] = useState('');
  const mine = shift.mine;
  const opensAt = Date.parse(shift.from) - SIGN_IN_OPENS_MS;
  const canSignIn = !mine.signedInAt && now >= opensAt && now < Date.parse(shift.to);
  const notYet = !mine.signedInAt && now < opensAt;
  const canSignOut = mine.attendance === 'on_duty';
  const others = shift.assignments.filter((a) => a.id !== mine.id).map((a) => a.memberName);
  const noteId = `handover-${shift.id}`;
  return (
    <article
      class={`card my-shift${props.next ? ' my-shift--next' : ''}`}
      data-testid="my-shift"
      data-next={props.next ? 'true' : undefined}
      data-shift-id={shift.id}
    >
      <h3 class="card-title">
        {shiftHours(shift)} · {shift.name}
        <span class={`attendance attendance--${mine.attendance}`} data-testid="attendance">
          {t(`attendance.${mine.attendance}`)}
          {mine.late ? ` · ${t('attendance.late')}` : ''}
        </span>
      </h3>
      {others.length > 0 && <p class="hint">{t('myShifts.with', { names: others.join('、') })}</p>}
      {mine.signedInAt && (
        <p class="hint">{t('myShifts.signedInAt', { time: beijingTime(mine.signedInAt) })}</p>
      )}
      {props.next && notYet && (
        <p class="hint" data-testid="sign-in-opens">
          {t('myShifts.signInOpens', { time: beijingDayTime(new Date(opensAt).toISOString()) })}
        </p>
      )}
      {canSignIn && (
        <button
          type="button"
          class="button button--primary"
          disabled={props.busy}
          data-testid="sign-in"
          onClick={() => void props.onSignIn(shift)}
        >
          {t('myShifts.signIn')}
        </button>
      )}
      {canSignOut && (
        <>
          <label class="field" for={noteId}>
            <span class="field-label">{t('myShifts.handover')}</span>
          </label>
          <textarea
            id={noteId}
            data-testid="handover-input"
            placeholder={t('myShifts.notePlaceholder')}
            value={note}
            maxLength={1000}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
          <button
            type="button"
            class="button button--primary"
            disabled={props.busy}
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
