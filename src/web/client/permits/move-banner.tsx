import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../api';
import { t } from '../i18n';
import { type LiveConnection, useLiveEvents } from '../live';
import { Spinner } from '../ui';
import {
  beijingDateTime,
  MOVE_ANSWERS,
  type MoveAnswer,
  type MoveRequest,
  refusalOf,
} from './permits-api';

// 挪车: a request asked of me arrives as `move.requested` on my member room; the answer to one I
// asked arrives as `move.answered`. Both are also listed by GET /api/move-requests, read again
// on every (re)connection so nothing pushed while the phone was offline is missed.

/** Unanswered requests older than this no longer pop up as a banner (the list still has them). */
const BANNER_HOURS = 6;

export interface MoveRequests {
  requests: MoveRequest[] | null;
  failed: string | null;
  connection: LiveConnection;
  /** The holder answers; throws the server's refusal. */
  answer: (id: string, answer: MoveAnswer) => Promise<void>;
  /** A request I have just asked, shown before its push could arrive. */
  add: (request: MoveRequest) => void;
}

export function useMoveRequests(): MoveRequests {
  const [requests, setRequests] = useState<MoveRequest[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const upsert = (request: MoveRequest) =>
    setRequests((list) => [request, ...(list ?? []).filter((r) => r.id !== request.id)]);

  const load = () =>
    void apiFetch<MoveRequest[]>('/api/move-requests').then(
      (list) => {
        setRequests(list);
        setFailed(null);
      },
      (error: unknown) => setFailed(refusalOf(error)),
    );
  useEffect(load, []);

  const connection = useLiveEvents({
    connect: load,
    'move.requested': upsert,
    'move.answered': upsert,
  });

  async function answer(id: string, choice: MoveAnswer) {
    upsert(
      await apiFetch<MoveRequest>(`/api/move-requests/${id}/answer`, {
        method: 'POST',
        body: { answer: choice },
      }),
    );
  }

  return { requests, failed, connection, answer, add: upsert };
}

/**
 * The banner a holder sees on any screen that shows it: "please move your car", with the
 * answers one tap away; and, for the asker, the answer once it comes.
 */
export function MoveBanner() {
  const { requests, answer } = useMoveRequests();
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const since = Date.now() - BANNER_HOURS * 3600e3;
  const shown = (requests ?? []).filter(
    (r) =>
      !dismissed.has(r.id) &&
      Date.parse(r.askedAt) > since &&
      (r.askedByMe ? r.answer !== null : r.answer === null),
  );
  if (shown.length === 0) return null;
  const dismiss = (id: string) => setDismissed(new Set([...dismissed, id]));
  return (
    <div class="move-banners">
      {shown.map((request) => (
        <MoveRequestCard
          key={request.id}
          request={request}
          onAnswer={answer}
          onDismiss={() => dismiss(request.id)}
        />
      ))}
    </div>
  );
}

/** One request: asked of me (with the answers), or asked by me (waiting, or answered). */
export function MoveRequestCard(props: {
  request: MoveRequest;
  onAnswer: (id: string, answer: MoveAnswer) => Promise<void>;
  onDismiss?: () => void;
}) {
  const { request } = props;
  const [busy, setBusy] = useState<MoveAnswer | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const incoming = !request.askedByMe;

  async function reply(choice: MoveAnswer) {
    setBusy(choice);
    setRefusal(null);
    try {
      await props.onAnswer(request.id, choice);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div
      class={`move-card${incoming && !request.answer ? ' move-card--urgent' : ''}`}
      role={incoming && !request.answer ? 'alert' : 'status'}
      data-testid={incoming ? 'move-incoming' : 'move-outgoing'}
      data-answer={request.answer ?? ''}
    >
      <div class="move-card-title">
        {incoming
          ? t('move.askedOfMe', { plate: request.plate })
          : t('move.askedByMe', { plate: request.plate })}
      </div>
      {request.note && <p class="move-card-note">“{request.note}”</p>}
      <p class="hint">{beijingDateTime(request.askedAt)}</p>
      {request.answer ? (
        <p class="move-card-answer" data-testid="move-answer">
          {incoming
            ? t('move.youAnswered', { answer: t(`move.answer.${request.answer}`) })
            : t('move.theyAnswered', { answer: t(`move.answer.${request.answer}`) })}
        </p>
      ) : incoming ? (
        <div class="move-answers">
          {MOVE_ANSWERS.map((choice) => (
            <button
              key={choice}
              type="button"
              class={`button ${choice === 'coming' ? 'button--primary' : 'button--secondary'}`}
              disabled={busy !== null}
              onClick={() => void reply(choice)}
              data-testid={`move-answer-${choice}`}
            >
              {busy === choice && <Spinner />}
              {t(`move.answer.${choice}`)}
            </button>
          ))}
        </div>
      ) : (
        <p class="hint" data-testid="move-waiting">
          <Spinner /> {t('move.waiting')}
        </p>
      )}
      {refusal && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      {props.onDismiss && request.answer && (
        <button type="button" class="button button--secondary" onClick={props.onDismiss}>
          {t('move.dismiss')}
        </button>
      )}
    </div>
  );
}
