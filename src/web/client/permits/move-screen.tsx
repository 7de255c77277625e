import { useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import { LiveBadge } from '../live-badge';
import { Loading, TopBar } from '../ui';
import { FormFooter, NoteField, PlateField } from './form-parts';
import { MoveRequestCard, useMoveRequests } from './move-banner';
import { type MoveRequest, refusalOf } from './permits-api';
import './permits.css';
import './permit-screens.css';
import { WindscreenNoticeCard } from '../screens/daily-work/windscreen-notice-card';
import type { WindscreenNotice } from '../screens/daily-work/daily-work-api';

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
  const [notice, setNotice] = useState<{ notice: WindscreenNotice; plate: string } | null>(null);

  async function ask(event: Event) {
    event.preventDefault();
    setAsking(true);
    setRefusal(null);
    setNotice(null);
    try {
      const asked = await apiFetch<MoveRequest & { notice?: WindscreenNotice }>(
        '/api/move-requests',
        {
          method: 'POST',
          body: { plate: plate.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
        },
      );
      const { notice: left, ...request } = asked;
      add(request);
      // A car nobody here knows: print the notice for its windscreen.
      if (left) setNotice({ notice: left, plate: plate.trim() });
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
          <PlateField
            label={t('move.plate')}
            value={plate}
            onInput={setPlate}
            testid="move-plate"
          />
          <NoteField
            label={t('move.note')}
            placeholder={t('move.notePlaceholder')}
            value={note}
            onInput={setNote}
            testid="move-note"
          />
          <p class="hint">{t('move.privacy')}</p>
          <FormFooter
            refusal={refusal}
            refusalTestid="move-refusal"
            busy={asking}
            submitTestid="move-ask"
          >
            {asking ? t('move.asking') : t('move.ask')}
          </FormFooter>
        </form>
        {notice && <WindscreenNoticeCard notice={notice.notice} plate={notice.plate} />}

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
