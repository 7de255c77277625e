import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import type { Persuasion } from './daily-work-api';

/**
 * 引导至此: the warden points a driver to this free space and taps once; the guidance is
 * recorded (POST /api/persuasions/guidance) so the board can say how much guiding was done.
 */
export function GuideHere(props: { code: string }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const guide = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await apiFetch<Persuasion>('/api/persuasions/guidance', {
        body: { place: t('persuasion.guidedTo', { code: props.code }) },
      });
      setDone(t('persuasion.guidedHere', { code: props.code }));
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy}
        data-testid="guide-here"
        onClick={() => void guide()}
      >
        {busy && <Spinner />}
        {t('persuasion.guideHere')}
      </button>
      {done && (
        <p class="status" role="status" data-testid="guide-here-done">
          {done}
        </p>
      )}
      {refusal && (
        <p class="status status--error" role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
