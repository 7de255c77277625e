import { t } from '../../i18n';
import { PERSUASION_OUTCOMES, type PersuasionOutcome } from './daily-work-api';

/** What came of a persuasion: one tap among the five outcomes the board counts. */
export function OutcomeChoice(props: {
  name: string;
  value: PersuasionOutcome;
  onChange: (outcome: PersuasionOutcome) => void;
  testIdPrefix: string;
}) {
  return (
    <fieldset class="daily-outcomes">
      <legend class="field-label">{t('persuasion.outcome')}</legend>
      {PERSUASION_OUTCOMES.map((o) => (
        <label key={o} class={`daily-outcome${o === props.value ? ' daily-outcome--on' : ''}`}>
          <input
            type="radio"
            name={props.name}
            value={o}
            checked={o === props.value}
            data-testid={`${props.testIdPrefix}${o}`}
            onChange={() => props.onChange(o)}
          />
          {t(`persuasion.outcome.${o}`)}
        </label>
      ))}
    </fieldset>
  );
}
