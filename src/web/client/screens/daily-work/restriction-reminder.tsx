import { useState } from 'preact/hooks';
import type { RestrictionSoonPayload } from '../../../../shared/live/spaces';
import { t } from '../../i18n';
import { useLiveConnection, useLiveEvent } from '../../live';
import { beijingMinute } from './daily-work-api';
import './daily-work.css';

/**
 * 30 minutes before a restriction starts on the space where the household's car stands, the
 * server sends `space.restriction-soon` to the household (issue 17.4): shown on whatever screen is
 * open, until the resident says they have seen it.
 */
export function RestrictionReminder() {
  const [soon, setSoon] = useState<RestrictionSoonPayload[]>([]);
  const connection = useLiveConnection();
  useLiveEvent('space.restriction-soon', (reminder) =>
    setSoon((list) => [
      ...list.filter((r) => !(r.spaceId === reminder.spaceId && r.from === reminder.from)),
      reminder,
    ]),
  );
  // Nothing to say yet: only whether the phone is listening (tests wait for it).
  if (soon.length === 0)
    return <span hidden data-testid="reminder-listening" data-state={connection} />;
  return (
    <div class="status status--warn daily-reminder" role="alert" data-testid="restriction-reminder">
      <ul class="daily-warnings">
        {soon.map((r) => (
          <li key={`${r.spaceId}-${r.from}`}>
            {t('reminder.restrictionSoon', {
              plate: r.plate,
              code: r.code,
              from: beijingMinute(r.from).slice(11),
              note: r.note,
            })}
          </li>
        ))}
      </ul>
      <button type="button" class="button" onClick={() => setSoon([])}>
        {t('reminder.seen')}
      </button>
    </div>
  );
}
