import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { DoneMessage, useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { beijingDateTime, refusalOf } from '../../permits/permits-api';
import { useLiveEvents } from '../../live';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { type ConsentCase, decideObjection, laneConsents } from './consent-api';
import type { Lane } from './map-parts';
import { PaintSpaceForm } from './paint-space-form';
import './consent.css';

type Objection = ConsentCase['objections'][number];

/**
 * 新画车位与异议: the council paints a space on a lane, naming the households it faces; while
 * they may object the space waits, and the council answers every objection in writing (upheld:
 * the space is withdrawn; all dismissed: it goes live).
 */
export function CouncilSpacesScreen() {
  const [lanes, setLanes] = useState<Lane[] | null>(null);
  const [laneId, setLaneId] = useState<string | null>(null);
  const [cases, setCases] = useState<ConsentCase[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  const loadLanes = () => {
    setFailed(null);
    apiFetch<Lane[]>('/api/lanes').then(
      (all) => {
        setLanes(all);
        setLaneId((current) => current ?? all[0]?.id ?? null);
      },
      (error: unknown) => setFailed(refusalOf(error)),
    );
  };
  useEffect(loadLanes, []);

  const loadCases = async (id: string): Promise<ConsentCase[]> => {
    const found = await laneConsents(id);
    setCases(found);
    return found;
  };
  useEffect(() => {
    if (!laneId) return;
    setCases(null);
    loadCases(laneId).catch((error: unknown) => setFailed(refusalOf(error)));
  }, [laneId]);
  // A neighbour's objection (or another council phone's answer) shows up while the screen is open.
  const reread = () => {
    if (laneId) loadCases(laneId).catch(() => undefined);
  };
  useLiveEvents({ 'objection.updated': reread, connect: reread });

  /** Confirmed first: the household reads the answer, and it cannot be taken back. */
  async function answer(
    item: ConsentCase,
    objection: Objection,
    decision: 'upheld' | 'dismissed',
    reason: string,
  ): Promise<boolean> {
    const yes = await ask({
      title: t(
        decision === 'upheld' ? 'councilSpaces.confirmUphold' : 'councilSpaces.confirmDismiss',
        {
          code: item.code,
        },
      ),
      body: (
        <>
          <p>{t('councilSpaces.confirmBody')}</p>
          <blockquote class="consent-quote">{reason}</blockquote>
        </>
      ),
      confirmLabel: t('councilSpaces.sendAnswer'),
      danger: decision === 'upheld',
    });
    if (!yes || !laneId) return false;
    await decideObjection(item.spaceId, objection.id, decision, reason);
    const after = (await loadCases(laneId)).find((c) => c.spaceId === item.spaceId);
    setDone(
      `${t('councilSpaces.answered')} ${t(`councilSpaces.outcome.${after?.status ?? 'live'}`, { code: item.code })}`,
    );
    return true;
  }

  /** Says until when the households may object, as the server set it. */
  async function painted(id: string, space: { id: string; code: string }) {
    const found = await loadCases(id).catch(() => []);
    const until = found.find((c) => c.spaceId === space.id)?.objectionUntil;
    setDone(
      until
        ? t('paint.painted', { code: space.code, time: beijingDateTime(until) })
        : t('paint.paintedLive', { code: space.code }),
    );
  }

  const lane = lanes?.find((l) => l.id === laneId) ?? null;
  return (
    <div class="screen" data-testid="council-spaces">
      <TopBar title={t('councilSpaces.title')} back="/home" />
      <main class="content">
        <DoneMessage text={done} testid="council-spaces-done" />
        {failed && <LoadFailed message={failed} onRetry={loadLanes} />}
        {!lanes && !failed && <Loading />}
        {lanes && lanes.length > 1 && (
          <div class="field">
            <label class="field-label" for="council-spaces-lane">
              {t('councilSpaces.lane')}
            </label>
            <select
              id="council-spaces-lane"
              value={laneId ?? ''}
              onChange={(event) => setLaneId(event.currentTarget.value)}
            >
              {lanes.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {lane && (
          <section aria-labelledby="council-spaces-cases">
            <h2 class="section-title" id="council-spaces-cases">
              {t('councilSpaces.cases')} · {lane.name}
            </h2>
            {!cases && <Loading />}
            {cases && cases.length === 0 && <p class="card empty">{t('councilSpaces.none')}</p>}
            <ul class="list consent-list">
              {cases?.map((item) => (
                <CaseCard key={item.spaceId} item={item} onAnswer={answer} />
              ))}
            </ul>
          </section>
        )}
        {lane && (
          <PaintSpaceForm
            key={lane.id}
            lane={lane}
            onPainted={(space) => void painted(lane.id, space)}
          />
        )}
      </main>
      {dialog}
    </div>
  );
}

function CaseCard(props: {
  item: ConsentCase;
  onAnswer: (
    item: ConsentCase,
    objection: Objection,
    decision: 'upheld' | 'dismissed',
    reason: string,
  ) => Promise<boolean>;
}) {
  const { item } = props;
  return (
    <li
      class="card consent-item"
      data-testid="consent-case"
      data-code={item.code}
      data-status={item.status}
    >
      <p>
        <strong>{item.code}</strong>{' '}
        <span
          class={`consent-status consent-status--${item.status}`}
          data-testid="consent-case-status"
        >
          {t(`councilSpaces.status.${item.status}`)}
        </span>
      </p>
      {item.objectionUntil &&
        (item.status === 'in_notice' || item.status === 'awaiting_answers') && (
          <p class="hint">
            {t('councilSpaces.until', { time: beijingDateTime(item.objectionUntil) })}
          </p>
        )}
      {item.facing.length > 0 && (
        <p class="hint">
          {t('councilSpaces.facing', {
            households: item.facing.map((h) => h.address).join('、'),
          })}
        </p>
      )}
      {item.objections.length === 0 && <p>{t('councilSpaces.noObjections')}</p>}
      {item.objections.map((objection) => (
        <div key={objection.id} class="consent-item" data-testid="council-objection">
          <strong>
            {t('councilSpaces.objectionBy', {
              household: objection.householdAddress,
              time: beijingDateTime(objection.raisedAt),
            })}
          </strong>
          <p>{objection.reason}</p>
          {objection.decision ? (
            <p class="written-reason" data-testid="council-objection-answer">
              {t(
                objection.decision === 'upheld'
                  ? 'councilSpaces.upheld'
                  : 'councilSpaces.dismissed',
                { note: objection.decisionReason ?? '' },
              )}
            </p>
          ) : (
            <AnswerForm item={item} objection={objection} onAnswer={props.onAnswer} />
          )}
        </div>
      ))}
    </li>
  );
}

function AnswerForm(props: {
  item: ConsentCase;
  objection: Objection;
  onAnswer: (
    item: ConsentCase,
    objection: Objection,
    decision: 'upheld' | 'dismissed',
    reason: string,
  ) => Promise<boolean>;
}) {
  const { objection } = props;
  const [decision, setDecision] = useState<'upheld' | 'dismissed' | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `answer-${objection.id}`;

  const send = async () => {
    if (!decision || reason.trim().length < 2) {
      setError(t('councilSpaces.answerRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onAnswer(props.item, objection, decision, reason.trim());
    } catch (failure) {
      setError(refusalOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form">
      <fieldset class="consent-choice">
        <legend class="field-label">{t('councilSpaces.decision')}</legend>
        {(['dismissed', 'upheld'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${id}-decision`}
              data-testid={`answer-${choice}`}
              checked={decision === choice}
              onChange={() => setDecision(choice)}
            />
            {t(choice === 'upheld' ? 'councilSpaces.uphold' : 'councilSpaces.dismiss')}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label class="field-label" for={id}>
          {t('councilSpaces.answer')}
        </label>
        <textarea
          id={id}
          data-testid="answer-reason"
          maxLength={1000}
          placeholder={t('councilSpaces.answerPlaceholder')}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      </div>
      {error && (
        <p class="field-error" role="alert" data-testid="answer-error">
          {error}
        </p>
      )}
      <button
        type="button"
        class="button button--primary"
        data-testid="answer-send"
        disabled={busy}
        aria-busy={busy}
        onClick={() => void send()}
      >
        {t('councilSpaces.sendAnswer')}
      </button>
    </div>
  );
}
