import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import {
  BOOLEAN_PARAMETERS,
  type DraftBody,
  type FieldErrors,
  fieldErrorsOf,
  INTEGER_PARAMETERS,
  messageOf,
  PARAMETER_NAMES,
  type ParameterName,
  type PenaltyAction,
  type Version,
} from './council-api';
import { parameterLabel } from './council-format';

type IntName = (typeof INTEGER_PARAMETERS)[number];
type BoolName = (typeof BOOLEAN_PARAMETERS)[number];

interface ArticleRow {
  key: number;
  number: string;
  text: string;
}
interface WindowRow {
  from: string;
  to: string;
  days: string;
  reason: string;
}
interface StepRow {
  withinDays: string;
  action: PenaltyAction;
  suspensionDays: string;
}
interface Form {
  title: string;
  articles: ArticleRow[];
  links: Record<ParameterName, string>;
  ints: Record<IntName, string>;
  bools: Record<BoolName, boolean>;
  windows: WindowRow[];
  ladder: StepRow[];
  votingUnit: 'household' | 'member';
  quorum: [string, string];
  threshold: [string, string];
  abstentionsCountAsCast: boolean;
  commentDays: string;
  votingDays: string;
  noticeDays: string;
  effectiveFrom: string;
}

let nextKey = 1;

function formFrom(source: Version, title: string): Form {
  const p = source.parameters;
  const links = Object.fromEntries(PARAMETER_NAMES.map((n) => [n, ''])) as Record<
    ParameterName,
    string
  >;
  for (const article of source.articles) {
    for (const name of article.parameters) links[name as ParameterName] = String(article.number);
  }
  return {
    title,
    articles: source.articles.map((a) => ({
      key: nextKey++,
      number: String(a.number),
      text: a.text,
    })),
    links,
    ints: Object.fromEntries(INTEGER_PARAMETERS.map((n) => [n, String(p[n])])) as Record<
      IntName,
      string
    >,
    bools: Object.fromEntries(BOOLEAN_PARAMETERS.map((n) => [n, p[n]])) as Record<
      BoolName,
      boolean
    >,
    windows: p.noParkingWindows.map((w) => ({
      from: w.from,
      to: w.to,
      days: w.days?.join(',') ?? '',
      reason: w.reason,
    })),
    ladder: p.penaltyLadder.map((s) => ({
      withinDays: String(s.withinDays),
      action: s.action,
      suspensionDays: s.suspensionDays ? String(s.suspensionDays) : '',
    })),
    votingUnit: source.votingUnit,
    quorum: [String(source.quorum.numerator), String(source.quorum.denominator)],
    threshold: [String(source.threshold.numerator), String(source.threshold.denominator)],
    abstentionsCountAsCast: source.abstentionsCountAsCast,
    commentDays: String(source.commentDays),
    votingDays: String(source.votingDays),
    noticeDays: String(source.noticeDays),
    effectiveFrom:
      source.status === 'draft' ? (source.proposedEffectiveFrom ?? '').slice(0, 10) : '',
  };
}

/** A typed-in number as the server should judge it: the value, or null when it is not one. */
const num = (raw: string): number | null =>
  raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null;

function bodyOf(form: Form): DraftBody {
  const articles = form.articles.map((a) => ({
    number: num(a.number) as number,
    text: a.text,
    parameters: PARAMETER_NAMES.filter((n) => form.links[n] !== '' && form.links[n] === a.number),
  }));
  const ints = Object.fromEntries(INTEGER_PARAMETERS.map((n) => [n, num(form.ints[n])]));
  return {
    title: form.title,
    articles,
    parameters: {
      ...(ints as Record<IntName, number>),
      ...form.bools,
      noParkingWindows: form.windows.map((w) => ({
        from: w.from,
        to: w.to,
        ...(w.days.trim()
          ? {
              days: w.days
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map(Number),
            }
          : {}),
        reason: w.reason,
      })),
      penaltyLadder: form.ladder.map((s, i) => ({
        step: i + 1,
        withinDays: num(s.withinDays) as number,
        action: s.action,
        ...(s.action === 'suspension' ? { suspensionDays: num(s.suspensionDays) as number } : {}),
      })),
    },
    votingUnit: form.votingUnit,
    quorum: {
      numerator: num(form.quorum[0]) as number,
      denominator: num(form.quorum[1]) as number,
    },
    threshold: {
      numerator: num(form.threshold[0]) as number,
      denominator: num(form.threshold[1]) as number,
    },
    abstentionsCountAsCast: form.abstentionsCountAsCast,
    commentDays: num(form.commentDays) as number,
    votingDays: num(form.votingDays) as number,
    noticeDays: num(form.noticeDays) as number,
    // A date the council picks is a day in Beijing.
    ...(form.effectiveFrom
      ? { proposedEffectiveFrom: `${form.effectiveFrom}T00:00:00+08:00` }
      : {}),
  };
}

function Problems(props: { field: string; errors: FieldErrors }) {
  const problems = props.errors[props.field];
  if (!problems?.length) return null;
  return (
    <ul class="council-problems" role="alert" data-testid={`error-${props.field}`}>
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

/**
 * Drafts a new version (an amendment starts from the text it amends) or changes a draft before
 * its comment period. The server judges every value; its refusals appear beside the fields.
 */
export function VersionEditor(props: {
  /** the version whose text the form starts from */
  source: Version;
  /** 'amend': POST a new version amending `source`; 'edit': PATCH the draft `source` */
  mode: 'amend' | 'edit';
  onSaved: (version: Version) => void;
  onCancel: () => void;
}) {
  const { source, mode } = props;
  const [form, setForm] = useState<Form>(() =>
    formFrom(
      source,
      mode === 'edit'
        ? source.title
        : `${source.title}（${t('conventionCouncil.amendmentSuffix')}）`,
    ),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const articleNumbers = form.articles.map((a) => a.number).filter((n) => n.trim() !== '');

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setRefusal(null);
    try {
      const body = bodyOf(form);
      const saved =
        mode === 'edit'
          ? await apiFetch<Version>(`/api/conventions/versions/${source.id}`, {
              method: 'PATCH',
              body,
            })
          : await apiFetch<Version>('/api/conventions/versions', {
              body: { ...body, amendsVersionId: source.id },
            });
      props.onSaved(saved);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setRefusal(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const linkSelect = (name: ParameterName) => (
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

  return (
    <form class="council-editor" noValidate onSubmit={(e) => void save(e)} data-testid="editor">
      <h2>
        {mode === 'edit'
          ? t('conventionCouncil.editDraft', { number: source.number })
          : t('conventionCouncil.amending', { number: source.number })}
      </h2>
      <label class="field">
        <span class="field-label">{t('conventionCouncil.titleField')}</span>
        <input
          value={form.title}
          data-testid="editor-title"
          onInput={(e) => set({ title: (e.target as HTMLInputElement).value })}
        />
        <Problems field="title" errors={errors} />
      </label>

      <section class="card council-section">
        <h3>{t('conventionCouncil.articles')}</h3>
        <Problems field="articles" errors={errors} />
        {form.articles.map((a, i) => (
          <div class="council-article" key={a.key} data-testid={`editor-article-${a.number}`}>
            <div class="council-article-head">
              <label>
                {t('conventionCouncil.articleNumber')}
                <input
                  class="council-small"
                  inputMode="numeric"
                  value={a.number}
                  onInput={(e) => {
                    const articles = [...form.articles];
                    articles[i] = { ...a, number: (e.target as HTMLInputElement).value };
                    set({ articles });
                  }}
                />
              </label>
              <button
                type="button"
                class="button button--secondary council-remove"
                onClick={() => set({ articles: form.articles.filter((x) => x.key !== a.key) })}
              >
                {t('conventionCouncil.remove')}
              </button>
            </div>
            <textarea
              rows={3}
              value={a.text}
              data-testid={`article-text-${a.number}`}
              onInput={(e) => {
                const articles = [...form.articles];
                articles[i] = { ...a, text: (e.target as HTMLTextAreaElement).value };
                set({ articles });
              }}
            />
          </div>
        ))}
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            const last = Math.max(0, ...form.articles.map((a) => num(a.number) ?? 0));
            set({
              articles: [...form.articles, { key: nextKey++, number: String(last + 1), text: '' }],
            });
          }}
        >
          {t('conventionCouncil.addArticle')}
        </button>
      </section>

      <section class="card council-section">
        <h3>{t('conventionCouncil.parameters')}</h3>
        <p class="hint">{t('conventionCouncil.parametersHint')}</p>
        {INTEGER_PARAMETERS.map((name) => (
          <div class="council-param" key={name}>
            <label class="field">
              <span class="field-label">{parameterLabel(name)}</span>
              <input
                type="number"
                inputMode="numeric"
                value={form.ints[name]}
                data-testid={`param-${name}`}
                onInput={(e) =>
                  set({ ints: { ...form.ints, [name]: (e.target as HTMLInputElement).value } })
                }
              />
            </label>
            {linkSelect(name)}
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
            {linkSelect(name)}
            <Problems field={name} errors={errors} />
          </div>
        ))}

        <div class="council-param">
          <span class="field-label">{parameterLabel('noParkingWindows')}</span>
          {form.windows.map((w, i) => {
            const update = (patch: Partial<WindowRow>) => {
              const windows = [...form.windows];
              windows[i] = { ...w, ...patch };
              set({ windows });
            };
            return (
              <div class="council-row" key={i}>
                <input
                  type="time"
                  aria-label={t('conventionCouncil.window.from')}
                  value={w.from}
                  onInput={(e) => update({ from: (e.target as HTMLInputElement).value })}
                />
                <input
                  type="time"
                  aria-label={t('conventionCouncil.window.to')}
                  value={w.to}
                  onInput={(e) => update({ to: (e.target as HTMLInputElement).value })}
                />
                <input
                  placeholder={t('conventionCouncil.window.daysPlaceholder')}
                  value={w.days}
                  onInput={(e) => update({ days: (e.target as HTMLInputElement).value })}
                />
                <input
                  placeholder={t('conventionCouncil.window.reason')}
                  value={w.reason}
                  onInput={(e) => update({ reason: (e.target as HTMLInputElement).value })}
                />
                <button
                  type="button"
                  class="button button--secondary council-remove"
                  onClick={() => set({ windows: form.windows.filter((_, j) => j !== i) })}
                >
                  {t('conventionCouncil.remove')}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            class="button button--secondary"
            onClick={() =>
              set({
                windows: [...form.windows, { from: '22:00', to: '06:00', days: '', reason: '' }],
              })
            }
          >
            {t('conventionCouncil.window.add')}
          </button>
          {linkSelect('noParkingWindows')}
          <Problems field="noParkingWindows" errors={errors} />
        </div>

        <div class="council-param">
          <span class="field-label">{parameterLabel('penaltyLadder')}</span>
          {form.ladder.map((s, i) => {
            const update = (patch: Partial<StepRow>) => {
              const ladder = [...form.ladder];
              ladder[i] = { ...s, ...patch };
              set({ ladder });
            };
            return (
              <div class="council-row" key={i}>
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
                    onInput={(e) => update({ withinDays: (e.target as HTMLInputElement).value })}
                  />
                </label>
                {s.action === 'suspension' && (
                  <label>
                    {t('conventionCouncil.ladder.suspensionLabel')}
                    <input
                      class="council-small"
                      type="number"
                      value={s.suspensionDays}
                      onInput={(e) =>
                        update({ suspensionDays: (e.target as HTMLInputElement).value })
                      }
                    />
                  </label>
                )}
                <button
                  type="button"
                  class="button button--secondary council-remove"
                  onClick={() => set({ ladder: form.ladder.filter((_, j) => j !== i) })}
                >
                  {t('conventionCouncil.remove')}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            class="button button--secondary"
            onClick={() =>
              set({
                ladder: [
                  ...form.ladder,
                  { withinDays: '90', action: 'notice', suspensionDays: '' },
                ],
              })
            }
          >
            {t('conventionCouncil.ladder.add')}
          </button>
          {linkSelect('penaltyLadder')}
          <Problems field="penaltyLadder" errors={errors} />
        </div>
      </section>

      <section class="card council-section">
        <h3>{t('conventionCouncil.voteRules')}</h3>
        <label class="field">
          <span class="field-label">{t('conventionCouncil.votingUnit')}</span>
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
        </label>
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
            onChange={(e) =>
              set({ abstentionsCountAsCast: (e.target as HTMLInputElement).checked })
            }
          />
          {t('conventionCouncil.abstentionsCount')}
        </label>
        {(['commentDays', 'votingDays', 'noticeDays'] as const).map((name) => (
          <label class="field" key={name}>
            <span class="field-label">{t(`conventionCouncil.${name}`)}</span>
            <input
              type="number"
              inputMode="numeric"
              value={form[name]}
              data-testid={`editor-${name}`}
              onInput={(e) => set({ [name]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <label class="field">
          <span class="field-label">{t('conventionCouncil.proposedEffectiveFrom')}</span>
          <input
            type="date"
            value={form.effectiveFrom}
            onInput={(e) => set({ effectiveFrom: (e.target as HTMLInputElement).value })}
          />
          <span class="hint">{t('conventionCouncil.effectiveHint')}</span>
        </label>
        <Problems field="vote" errors={errors} />
      </section>

      {refusal && (
        <div class="form-error" role="alert" data-testid="editor-refusal">
          {refusal}
          <Problems field="general" errors={errors} />
        </div>
      )}
      <div class="council-actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={busy}
          data-testid="editor-save"
        >
          {busy && <Spinner label={t('conventionCouncil.saving')} />}
          {busy
            ? t('conventionCouncil.saving')
            : mode === 'edit'
              ? t('conventionCouncil.saveDraft')
              : t('conventionCouncil.createDraft')}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t('conventionCouncil.cancel')}
        </button>
      </div>
    </form>
  );
}
