import { useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import { LiveBadge } from '../live-badge';
import { Loading, Spinner, TopBar } from '../ui';
import { MoveRequestCard, useMoveRequests } from './move-banner';
import { type MoveRequest, refusalOf } from './permits-api';
import './permits.css';
import './permit-screens.css';

/**
 * 挪车: a warden or resident types the plate of a car in the way and asks its holder to move it.
 * The holder's phone rings through the live connection; the asker never sees who they are or
 * their number, only the answer.
 */
export function MoveScreen() {
  const { requests, failed, connection, answer, add } = useMoveRequests();
  const [plate, setPlate] = useState('');
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function ask(event: Event) {
    event.preventDefault();
    setAsking(true);
    setRefusal(null);
    try {
      add(
        await apiFetch<MoveRequest>('/api/move-requests', {
          method: 'POST',
          body: { plate: plate.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
      setPlate('');
      setNote('');
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setAsking(false);
    }
  }

  const incoming = requests?.filter((r) => !r.askedByMe) ?? [];
  const outgoing = requests?.filter((r) => r.askedByMe) ?? [];
  return (
    <div class="screen" data-testid="move-screen">
      <TopBar title={t('move.title')} />
      <main class="content">
        <p class="live-state">
          <LiveBadge /> {connection === 'live' && t('move.liveHint')}
        </p>

        {incoming.length > 0 && (
          <section class="move-section">
            <h2 class="section-title">{t('move.incoming')}</h2>
            {incoming.map((request) => (
              <MoveRequestCard key={request.id} request={request} onAnswer={answer} />
            ))}
          </section>
        )}

        <form class="card move-form" onSubmit={(e) => void ask(e)}>
          <label class="field">
            <span class="field-label">{t('move.plate')}</span>
            <input
              class="plate-input"
              value={plate}
              required
              minLength={5}
              maxLength={20}
              autoCapitalize="characters"
              placeholder={t('map.platePlaceholder')}
              onInput={(e) => setPlate(e.currentTarget.value)}
              data-testid="move-plate"
            />
          </label>
          <label class="field">
            <span class="field-label">{t('move.note')}</span>
            <input
              value={note}
              maxLength={200}
              placeholder={t('move.notePlaceholder')}
              onInput={(e) => setNote(e.currentTarget.value)}
              data-testid="move-note"
            />
          </label>
          <p class="hint">{t('move.privacy')}</p>
          {refusal && (
            <p class="form-error" role="alert" data-testid="move-refusal">
              {refusal}
            </p>
          )}
          <button
            type="submit"
            class="button button--primary"
            disabled={asking}
            data-testid="move-ask"
          >
            {asking && <Spinner />}
            {asking ? t('move.asking') : t('move.ask')}
          </button>
        </form>

        {failed && (
          <p class="form-error" role="alert">
            {failed}
          </p>
        )}
        {!failed && !requests && <Loading />}
        {outgoing.length > 0 && (
          <section class="move-section">
            <h2 class="section-title">{t('move.outgoing')}</h2>
            {outgoing.map((request) => (
              <MoveRequestCard key={request.id} request={request} onAnswer={answer} />
            ))}
          </section>
        )}
      </main>
    </div>
  );
}
