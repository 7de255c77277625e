import { t } from '../../i18n';
import type { PenaltyAction } from './council-api';
import type { StepRow, WindowRow } from './editor-form';
import { RowList } from './row-list';

const input = (e: Event) => (e.target as HTMLInputElement).value;

/** The no-parking windows: from, to, the weekdays (blank for every day) and the reason. */
export function WindowsEditor(props: { rows: WindowRow[]; onChange: (rows: WindowRow[]) => void }) {
  return (
    <RowList
      rows={props.rows}
      onChange={props.onChange}
      blank={{ from: '22:00', to: '06:00', days: '', reason: '' }}
      addLabel={t('conventionCouncil.window.add')}
      renderRow={(w, _i, update) => (
        <>
          <input
            type="time"
            aria-label={t('conventionCouncil.window.from')}
            value={w.from}
            onInput={(e) => update({ from: input(e) })}
          />
          <input
            type="time"
            aria-label={t('conventionCouncil.window.to')}
            value={w.to}
            onInput={(e) => update({ to: input(e) })}
          />
          <input
            placeholder={t('conventionCouncil.window.daysPlaceholder')}
            value={w.days}
            onInput={(e) => update({ days: input(e) })}
          />
          <input
            placeholder={t('conventionCouncil.window.reason')}
            value={w.reason}
            onInput={(e) => update({ reason: input(e) })}
          />
        </>
      )}
    />
  );
}

/** The penalty ladder: each step's action, its window in days and, for a suspension, its length. */
export function LadderEditor(props: { rows: StepRow[]; onChange: (rows: StepRow[]) => void }) {
  return (
    <RowList
      rows={props.rows}
      onChange={props.onChange}
      blank={{ withinDays: '90', action: 'notice', suspensionDays: '' }}
      addLabel={t('conventionCouncil.ladder.add')}
      renderRow={(s, i, update) => (
        <>
          <strong>{i + 1}.</strong>
          <select
            value={s.action}
            aria-label={t('conventionCouncil.ladder.action')}
            onChange={(e) =>
              update({ action: (e.target as HTMLSelectElement).value as PenaltyAction })
            }
          >
            {(['persuasion', 'notice', 'suspension'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`conventionCouncil.action.${a}`)}
              </option>
            ))}
          </select>
          <label>
            {t('conventionCouncil.ladder.withinLabel')}
            <input
              class="council-small"
              type="number"
              value={s.withinDays}
              onInput={(e) => update({ withinDays: input(e) })}
            />
          </label>
          {s.action === 'suspension' && (
            <label>
              {t('conventionCouncil.ladder.suspensionLabel')}
              <input
                class="council-small"
                type="number"
                value={s.suspensionDays}
                onInput={(e) => update({ suspensionDays: input(e) })}
              />
            </label>
          )}
        </>
      )}
    />
  );
}
