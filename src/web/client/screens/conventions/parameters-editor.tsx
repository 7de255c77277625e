import { t } from '../../i18n';
import { BOOLEAN_PARAMETERS, INTEGER_PARAMETERS, type ParameterName } from './council-api';
import { parameterLabel, parameterValue } from './council-format';
import { Field, Problems } from './council-fields';
import type { FormSection } from './editor-form';
import { LadderEditor, WindowsEditor } from './row-editors';

/** Which article states a parameter: every parameter is linked to the article that says it. */
function LinkSelect({ form, set, name }: FormSection & { name: ParameterName }) {
  const articleNumbers = form.articles.map((a) => a.number).filter((n) => n.trim() !== '');
  return (
    <label class="council-link">
      <span>{t('conventionCouncil.statedBy')}</span>
      <select
        value={form.links[name]}
        data-testid={`link-${name}`}
        onChange={(e) =>
          set({ links: { ...form.links, [name]: (e.target as HTMLSelectElement).value } })
        }
      >
        <option value="">—</option>
        {articleNumbers.map((n) => (
          <option key={n} value={n}>
            {t('conventionCouncil.articleN', { number: n })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The convention's parameters, each with the article that states it. */
export function ParametersEditor(section: FormSection) {
  const { form, set, errors } = section;
  return (
    <section class="card council-section">
      <h3>{t('conventionCouncil.parameters')}</h3>
      <p class="hint">{t('conventionCouncil.parametersHint')}</p>
      {INTEGER_PARAMETERS.map((name) => (
        <div class="council-param" key={name}>
          <Field label={parameterLabel(name)}>
            <input
              type="number"
              inputMode="numeric"
              value={form.ints[name]}
              data-testid={`param-${name}`}
              onInput={(e) =>
                set({ ints: { ...form.ints, [name]: (e.target as HTMLInputElement).value } })
              }
            />
          </Field>
          <LinkSelect {...section} name={name} />
          <Problems field={name} errors={errors} />
        </div>
      ))}
      {BOOLEAN_PARAMETERS.map((name) => (
        <div class="council-param" key={name}>
          <label class="council-check">
            <input
              type="checkbox"
              checked={form.bools[name]}
              data-testid={`param-${name}`}
              onChange={(e) =>
                set({ bools: { ...form.bools, [name]: (e.target as HTMLInputElement).checked } })
              }
            />
            {parameterLabel(name)}
          </label>
          <LinkSelect {...section} name={name} />
          <Problems field={name} errors={errors} />
        </div>
      ))}

      <div class="council-param">
        <span class="field-label">{parameterLabel('noParkingWindows')}</span>
        <WindowsEditor rows={form.windows} onChange={(windows) => set({ windows })} />
        <LinkSelect {...section} name="noParkingWindows" />
        <Problems field="noParkingWindows" errors={errors} />
      </div>

      <div class="council-param">
        <span class="field-label">{parameterLabel('penaltyLadder')}</span>
        <LadderEditor rows={form.ladder} onChange={(ladder) => set({ ladder })} />
        <LinkSelect {...section} name="penaltyLadder" />
        <Problems field="penaltyLadder" errors={errors} />
      </div>

      <div class="council-param">
        <span class="field-label">{parameterLabel('priorityTiers')}</span>
        <p class="hint" data-testid="priority-tiers">
          {parameterValue('priorityTiers', form.priorityTiers)}
        </p>
        <LinkSelect {...section} name="priorityTiers" />
        <Problems field="priorityTiers" errors={errors} />
      </div>
    </section>
  );
}
