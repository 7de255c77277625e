import { t } from '../../i18n';
import { Field, Problems } from './council-fields';
import type { FormSection } from './editor-form';

/** How the version is voted on: who votes, quorum and threshold, the periods, the start date. */
export function VotingRulesEditor({ form, set, errors }: FormSection) {
  return (
    <section class="card council-section">
      <h3>{t('conventionCouncil.voteRules')}</h3>
      <Field label={t('conventionCouncil.votingUnit')}>
        <select
          value={form.votingUnit}
          data-testid="editor-votingUnit"
          onChange={(e) =>
            set({
              votingUnit: (e.target as HTMLSelectElement).value as 'household' | 'member',
            })
          }
        >
          <option value="household">{t('conventionCouncil.unit.household')}</option>
          <option value="member">{t('conventionCouncil.unit.member')}</option>
        </select>
      </Field>
      {(['quorum', 'threshold'] as const).map((which) => (
        <div class="field" key={which}>
          <span class="field-label">{t(`conventionCouncil.${which}`)}</span>
          <div class="council-row">
            <input
              class="council-small"
              type="number"
              value={form[which][0]}
              aria-label={t('conventionCouncil.numerator')}
              onInput={(e) =>
                set({ [which]: [(e.target as HTMLInputElement).value, form[which][1]] })
              }
            />
            /
            <input
              class="council-small"
              type="number"
              value={form[which][1]}
              aria-label={t('conventionCouncil.denominator')}
              onInput={(e) =>
                set({ [which]: [form[which][0], (e.target as HTMLInputElement).value] })
              }
            />
          </div>
        </div>
      ))}
      <label class="council-check">
        <input
          type="checkbox"
          checked={form.abstentionsCountAsCast}
          onChange={(e) => set({ abstentionsCountAsCast: (e.target as HTMLInputElement).checked })}
        />
        {t('conventionCouncil.abstentionsCount')}
      </label>
      {(['commentDays', 'votingDays', 'noticeDays'] as const).map((name) => (
        <Field label={t(`conventionCouncil.${name}`)} key={name}>
          <input
            type="number"
            inputMode="numeric"
            value={form[name]}
            data-testid={`editor-${name}`}
            onInput={(e) => set({ [name]: (e.target as HTMLInputElement).value })}
          />
        </Field>
      ))}
      <Field label={t('conventionCouncil.proposedEffectiveFrom')}>
        <input
          type="date"
          value={form.effectiveFrom}
          onInput={(e) => set({ effectiveFrom: (e.target as HTMLInputElement).value })}
        />
        <span class="hint">{t('conventionCouncil.effectiveHint')}</span>
      </Field>
      <Problems field="vote" errors={errors} />
    </section>
  );
}
