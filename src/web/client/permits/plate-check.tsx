import { useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import { TopBar } from '../ui';
import { PlateField, FormFooter } from './form-parts';
import { refusalOf } from './permits-api';
import './permits.css';

/**
 * 车牌核查: a resident asks whether a car in the lane may park here now. The server answers yes
 * or no only (no name, no household), so the answer never accuses: a warden decides.
 */
export function PlateCheckScreen() {
  const [plate, setPlate] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ plate: string; allowed: boolean } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function check(event: Event) {
    event.preventDefault();
    const asked = plate.trim().toUpperCase();
    if (asked.length < 5) {
      setRefusal(t('plateCheck.tooShort'));
      return;
    }
    setBusy(true);
    setRefusal(null);
    setAnswer(null);
    try {
      const result = await apiFetch<{ allowed: boolean }>(
        `/api/permits/check?plate=${encodeURIComponent(asked)}`,
      );
      setAnswer({ plate: asked, allowed: result.allowed });
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="screen" data-testid="plate-check">
      <TopBar title={t('plateCheck.title')} />
      <main class="content">
        <p class="hint">{t('plateCheck.intro')}</p>
        <form class="card form" onSubmit={(e) => void check(e)} noValidate>
          <PlateField
            label={t('plateCheck.plate')}
            value={plate}
            onInput={setPlate}
            testid="plate-check-input"
          />
          <FormFooter refusal={refusal} busy={busy} submitTestid="plate-check-submit">
            {t('plateCheck.submit')}
          </FormFooter>
        </form>
        {answer && (
          <section
            class={`card plate-answer plate-answer--${answer.allowed ? 'yes' : 'no'}`}
            role="status"
            data-testid="plate-check-answer"
            data-allowed={String(answer.allowed)}
          >
            <p class="plate-answer-title">
              {answer.allowed
                ? t('plateCheck.allowed', { plate: answer.plate })
                : t('plateCheck.notAllowed', { plate: answer.plate })}
            </p>
            {!answer.allowed && <p>{t('plateCheck.notAllowedNext')}</p>}
          </section>
        )}
      </main>
    </div>
  );
}
