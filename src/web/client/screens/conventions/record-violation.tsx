import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import type { Persuasion, PersuasionOutcome } from '../daily-work/daily-work-api';
import { OutcomeChoice } from '../daily-work/outcome-choice';
import { PhotoPicker } from '../daily-work/photo-picker';
import '../daily-work/daily-work.css';
import { messageOf, type Violation, type ViolationKind } from './council-api';
import { Field, ViolationKindOptions } from './council-fields';

/**
 * A warden records a violation: the convention's penalty ladder decides the step (persuasion
 * first), and the refusal names the article when the convention does not allow it. The step keeps
 * what the warden said, what came of it and up to three photos (a persuasion record), which the
 * household reads with the violation.
 */
export function RecordViolationForm(props: { onRecorded: () => void }) {
  const [kind, setKind] = useState<ViolationKind>('no_permit');
  const [plate, setPlate] = useState('');
  const [place, setPlace] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [article, setArticle] = useState('');
  const [outcome, setOutcome] = useState<PersuasionOutcome>('promised');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<Violation | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProgress(t('violationLedger.recording'));
    setRefusal(null);
    setRecorded(null);
    try {
      const violation = await apiFetch<Violation>('/api/violations', {
        body: {
          kind,
          plate,
          place,
          // The warden's phone is in Beijing; the picked time is Beijing time.
          ...(occurredAt ? { occurredAt: `${occurredAt}:00+08:00` } : {}),
          ...(article ? { articleNumber: Number(article) } : {}),
          outcome,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      // The photos join the step's persuasion record, one upload each (the server strips them).
      for (const [i, photo] of photos.entries()) {
        setProgress(t('persuasion.uploading', { n: i + 1, total: photos.length }));
        await apiFetch<Persuasion>(`/api/persuasions/${violation.persuasionId}/photos`, {
          body: { photo },
        });
      }
      setRecorded(violation);
      setPlate('');
      setNote('');
      setPhotos([]);
      props.onRecorded();
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <form
      class="council-editor"
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid="record-form"
    >
      <h2>{t('violationLedger.recordTitle')}</h2>
      <p class="hint">{t('violationLedger.persuasionFirst')}</p>
      <Field label={t('violationLedger.kind')}>
        <select
          value={kind}
          data-testid="record-kind"
          onChange={(e) => setKind((e.target as HTMLSelectElement).value as ViolationKind)}
        >
          <ViolationKindOptions />
        </select>
      </Field>
      <Field label={t('map.plate')}>
        <input
          value={plate}
          placeholder={t('map.platePlaceholder')}
          autoCapitalize="characters"
          data-testid="record-plate"
          onInput={(e) => setPlate((e.target as HTMLInputElement).value)}
        />
      </Field>
      <Field label={t('violationLedger.place')}>
        <input
          value={place}
          placeholder={t('violationLedger.placePlaceholder')}
          data-testid="record-place"
          onInput={(e) => setPlace((e.target as HTMLInputElement).value)}
        />
      </Field>
      <Field label={t('violationLedger.occurredAt')}>
        <input
          type="datetime-local"
          value={occurredAt}
          onInput={(e) => setOccurredAt((e.target as HTMLInputElement).value)}
        />
      </Field>
      <Field label={t('violationLedger.article')}>
        <input
          type="number"
          inputMode="numeric"
          value={article}
          onInput={(e) => setArticle((e.target as HTMLInputElement).value)}
        />
      </Field>
      <OutcomeChoice
        name="record-outcome"
        value={outcome}
        onChange={setOutcome}
        testIdPrefix="record-outcome-"
      />
      <Field label={t('persuasion.note')}>
        <textarea
          value={note}
          rows={3}
          maxLength={1000}
          placeholder={t('persuasion.notePlaceholder')}
          data-testid="record-note"
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
      </Field>
      <PhotoPicker
        photos={photos}
        onChange={setPhotos}
        onUnreadable={() => setRefusal(t('persuasion.photoUnreadable'))}
      />
      {refusal && (
        <p class="form-error" role="alert" data-testid="record-refusal">
          {refusal}
        </p>
      )}
      {recorded && (
        <p class="council-result" role="status" data-testid="record-result">
          {t('violationLedger.recorded', {
            step: recorded.step,
            action: t(`conventionCouncil.action.${recorded.action}`),
          })}
          {recorded.article && ` (${recorded.article})`}
        </p>
      )}
      <button
        type="submit"
        class="button button--primary"
        disabled={progress !== null}
        data-testid="record-submit"
      >
        {progress !== null && <Spinner />}
        {progress ?? t('violationLedger.record')}
      </button>
    </form>
  );
}
