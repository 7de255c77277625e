import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import { ArticlesEditor } from './articles-editor';
import { type FieldErrors, fieldErrorsOf, messageOf, type Version } from './council-api';
import { Field, Problems } from './council-fields';
import { bodyOf, type Form, formFrom } from './editor-form';
import { ParametersEditor } from './parameters-editor';
import { VotingRulesEditor } from './voting-rules-editor';

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

  const section = { form, set, errors };
  return (
    <form class="council-editor" noValidate onSubmit={(e) => void save(e)} data-testid="editor">
      <h2>
        {mode === 'edit'
          ? t('conventionCouncil.editDraft', { number: source.number })
          : t('conventionCouncil.amending', { number: source.number })}
      </h2>
      <Field label={t('conventionCouncil.titleField')}>
        <input
          value={form.title}
          data-testid="editor-title"
          onInput={(e) => set({ title: (e.target as HTMLInputElement).value })}
        />
        <Problems field="title" errors={errors} />
      </Field>
      <ArticlesEditor {...section} />
      <ParametersEditor {...section} />
      <VotingRulesEditor {...section} />

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
