import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { PlateColor } from '../../me';
import { FormFooter } from '../../permits/form-parts';
import { PLATE_COLORS } from './resident-api';

/** A plate and its colour (蓝牌, 绿牌 …), for a new car or a corrected plate. */
export function VehicleForm(props: {
  idPrefix: string;
  initial?: { plate: string; plateColor: PlateColor };
  submitLabel: string;
  testid: string;
  onSubmit: (plate: string, plateColor: PlateColor) => Promise<string | null>;
}) {
  const [plate, setPlate] = useState(props.initial?.plate.replace('·', '') ?? '');
  const [color, setColor] = useState<PlateColor>(props.initial?.plateColor ?? 'blue');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      setRefusal(await props.onSubmit(plate.trim(), color));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="form vehicle-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid={props.testid}
    >
      <label class="field">
        <span class="field-label">{t('vehicles.plate')}</span>
        <input
          class="plate-input"
          value={plate}
          required
          maxLength={20}
          autoCapitalize="characters"
          placeholder={t('map.platePlaceholder')}
          onInput={(e) => setPlate(e.currentTarget.value)}
          data-testid={`${props.testid}-plate`}
        />
      </label>
      <fieldset class="plate-colors">
        <legend class="field-label">{t('vehicles.color')}</legend>
        {PLATE_COLORS.map((c) => (
          <label class={`plate-color plate--${c}`} key={c}>
            <input
              type="radio"
              name={`${props.idPrefix}-color`}
              value={c}
              checked={color === c}
              onChange={() => setColor(c)}
              data-testid={`${props.testid}-color-${c}`}
            />
            <span>{t(`plateColor.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      <FormFooter
        refusal={refusal}
        refusalTestid={`${props.testid}-refusal`}
        busy={busy}
        submitTestid={`${props.testid}-submit`}
      >
        {props.submitLabel}
      </FormFooter>
    </form>
  );
}
