import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import { messageOf, type Violation, type ViolationKind } from './council-api';
import { Field, ViolationKindOptions } from './council-fields';

// The server takes photos up to 200,000 characters of base64; a phone photo shrunk to 960 px
// at JPEG quality 0.7 stays well below that.
const PHOTO_EDGE = 960;

async function shrink(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const ratio = Math.min(1, PHOTO_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * ratio);
  canvas.height = Math.round(bitmap.height * ratio);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.7);
}

/**
 * A warden records a violation: the convention's penalty ladder decides the step (persuasion
 * first), and the refusal names the article when the convention does not allow it.
 */
export function RecordViolationForm(props: { onRecorded: () => void }) {
  const [kind, setKind] = useState<ViolationKind>('no_permit');
  const [plate, setPlate] = useState('');
  const [place, setPlace] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [article, setArticle] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<Violation | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
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
          ...(photo ? { photo } : {}),
        },
      });
      setRecorded(violation);
      setPlate('');
      setPhoto(null);
      props.onRecorded();
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setBusy(false);
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
      <Field label={t('violationLedger.photo')}>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (!file) return setPhoto(null);
            shrink(file).then(setPhoto, () => setRefusal(t('violationLedger.photoUnreadable')));
          }}
        />
      </Field>
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
        disabled={busy}
        data-testid="record-submit"
      >
        {busy && <Spinner />}
        {busy ? t('violationLedger.recording') : t('violationLedger.record')}
      </button>
    </form>
  );
}
