import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Spinner, TopBar } from '../../ui';
import {
  beijingDay,
  beijingMinute,
  type Persuasion,
  type PersuasionOutcome,
} from './daily-work-api';
import { OutcomeChoice } from './outcome-choice';
import { PhotoPicker } from './photo-picker';
import './daily-work.css';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * 劝导记录: the warden on the lane taps once for each car guided to a free space, and writes
 * down each persuasion (the plate, where, what was said, what came of it, up to three photos).
 */
export function PersuasionScreen() {
  const [recent, setRecent] = useState<Persuasion[] | null>(null);
  const [guiding, setGuiding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const load = () =>
    apiFetch<{ items: Persuasion[] }>('/api/persuasions?pageSize=20').then(
      (page) => setRecent(page.items),
      (e) => setRefusal(messageOf(e)),
    );
  useEffect(() => void load(), []);

  const guide = async () => {
    setGuiding(true);
    setRefusal(null);
    try {
      await apiFetch<Persuasion>('/api/persuasions/guidance', { method: 'POST', body: {} });
      const page = await apiFetch<{ items: Persuasion[] }>('/api/persuasions?pageSize=100');
      setRecent(page.items.slice(0, 20));
      const today = beijingDay(new Date().toISOString());
      const count = page.items.filter(
        (p) => p.kind === 'guidance' && beijingDay(p.occurredAt) === today,
      ).length;
      setStatus(t('persuasion.guided', { count }));
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setGuiding(false);
    }
  };

  return (
    <div class="screen" data-testid="persuasion-screen">
      <TopBar title={t('persuasion.title')} />
      <main class="content">
        <button
          type="button"
          class="button button--primary daily-guide"
          disabled={guiding}
          data-testid="guide"
          onClick={() => void guide()}
        >
          {guiding && <Spinner />}
          {guiding ? t('persuasion.guiding') : t('persuasion.guide')}
        </button>
        {status && (
          <p class="daily-result" role="status" data-testid="daily-status">
            {status}
          </p>
        )}
        {refusal && (
          <p class="form-error" role="alert">
            {refusal}
          </p>
        )}
        <PersuasionForm
          onSaved={(saved) => {
            setStatus(
              t('persuasion.saved', {
                plate: saved.plate ?? '',
                outcome: t(`persuasion.outcome.${saved.outcome}`),
              }),
            );
            void load();
          }}
        />
        <h2 class="section-title">{t('persuasion.recent')}</h2>
        {recent && recent.length === 0 && <p class="hint">{t('persuasion.none')}</p>}
        <ul class="daily-list" data-testid="persuasion-list">
          {recent?.map((p) => (
            <li key={p.id} class="card">
              <strong>{t(`persuasion.outcome.${p.outcome}`)}</strong>
              {p.plate && ` · ${p.plate}`}
              <div class="hint">
                {beijingMinute(p.occurredAt)}
                {p.place && ` · ${p.place}`}
                {p.photoIds.length > 0 &&
                  ` · ${t('persuasion.photoCount', { count: p.photoIds.length })}`}
              </div>
              {p.note && <p>{p.note}</p>}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}

function PersuasionForm(props: { onSaved: (saved: Persuasion) => void }) {
  const [plate, setPlate] = useState('');
  const [place, setPlace] = useState('');
  const [outcome, setOutcome] = useState<PersuasionOutcome>('moved');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setRefusal(null);
    setProgress(t('persuasion.saving'));
    try {
      let saved = await apiFetch<Persuasion>('/api/persuasions', {
        method: 'POST',
        body: { plate: plate.trim(), place: place.trim(), outcome, note: note.trim() },
      });
      for (const [i, photo] of photos.entries()) {
        setProgress(t('persuasion.uploading', { n: i + 1, total: photos.length }));
        saved = await apiFetch<Persuasion>(`/api/persuasions/${saved.id}/photos`, {
          method: 'POST',
          body: { photo },
        });
      }
      setPlate('');
      setNote('');
      setPhotos([]);
      props.onSaved(saved);
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <form class="card daily-form" noValidate onSubmit={(e) => void submit(e)}>
      <h2 class="card-title">{t('persuasion.formTitle')}</h2>
      <label class="field">
        <span class="field-label">{t('persuasion.plate')}</span>
        <input
          value={plate}
          autoCapitalize="characters"
          placeholder="京A12345"
          data-testid="persuasion-plate"
          onInput={(e) => setPlate((e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('persuasion.place')}</span>
        <input
          value={place}
          placeholder={t('persuasion.placePlaceholder')}
          data-testid="persuasion-place"
          onInput={(e) => setPlace((e.target as HTMLInputElement).value)}
        />
      </label>
      <OutcomeChoice name="outcome" value={outcome} onChange={setOutcome} testIdPrefix="outcome-" />
      <label class="field">
        <span class="field-label">{t('persuasion.note')}</span>
        <textarea
          value={note}
          rows={3}
          maxLength={1000}
          placeholder={t('persuasion.notePlaceholder')}
          data-testid="persuasion-note"
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <PhotoPicker
        photos={photos}
        onChange={setPhotos}
        onUnreadable={() => setRefusal(t('persuasion.photoUnreadable'))}
      />
      {refusal && (
        <p class="form-error" role="alert" data-testid="persuasion-refusal">
          {refusal}
        </p>
      )}
      <button
        type="submit"
        class="button button--primary"
        disabled={progress !== null}
        data-testid="persuasion-save"
      >
        {progress !== null && <Spinner />}
        {progress ?? t('persuasion.save')}
      </button>
    </form>
  );
}
