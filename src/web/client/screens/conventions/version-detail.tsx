import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { navigate } from '../../router';
import { LoadFailed, Loading, Spinner } from '../../ui';
import {
  beijingDay,
  beijingMinute,
  type ConventionComment,
  messageOf,
  type ParameterName,
  type Version,
  type VersionSummary,
} from './council-api';
import { BallotRules } from './ballot-rules';
import { CommentAnswer, ReplyForm } from './comment-answer';
import { parameterLabel, parameterValue, statusLabel, timelineLine } from './council-format';
import { VersionDiffView } from './version-diff';

interface Loaded {
  version: Version;
  comments: ConventionComment[];
}

async function load(id: string): Promise<Loaded> {
  const version = await apiFetch<Version>(`/api/conventions/versions/${id}`);
  // Comments exist from the comment period on; a draft has none yet.
  const comments =
    version.status === 'draft'
      ? []
      : await apiFetch<ConventionComment[]>(`/api/conventions/versions/${id}/comments`);
  return { version, comments };
}

type Step = 'open-comments' | 'open-vote' | 'close-vote';

/** One version: its process step and the council's next action, text, comments, result, diff. */
export function VersionDetail(props: {
  id: string;
  versions: VersionSummary[];
  onChanged: () => void;
}) {
  const [state, setState] = useState<{ loaded?: Loaded; error?: string }>({});
  const [busy, setBusy] = useState<Step | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const reload = () => {
    setState((s) => ({ loaded: s.loaded }));
    load(props.id).then(
      (loaded) => setState({ loaded }),
      (e: unknown) => setState({ error: messageOf(e) }),
    );
  };
  useEffect(reload, [props.id]);

  const act = async (step: Step) => {
    setBusy(step);
    setRefusal(null);
    try {
      await apiFetch(`/api/conventions/versions/${props.id}/${step}`, { method: 'POST' });
      reload();
      props.onChanged();
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  // The answer replaces its comment in place: the rest of the screen keeps what was typed.
  const answered = (reply: ConventionComment) =>
    setState((s) =>
      s.loaded
        ? {
            loaded: {
              ...s.loaded,
              comments: s.loaded.comments.map((c) => (c.id === reply.id ? reply : c)),
            },
          }
        : s,
    );

  if (state.error) return <LoadFailed message={state.error} onRetry={reload} />;
  if (!state.loaded) return <Loading />;
  const { version: v, comments } = state.loaded;
  const others = props.versions.filter((x) => x.id !== v.id);
  const diffFrom = v.amendsVersionId ?? others[others.length - 1]?.id;

  const actionButton = (step: Step, label: string) => (
    <button
      type="button"
      class="button button--primary"
      disabled={busy !== null}
      data-testid={step}
      onClick={() => void act(step)}
    >
      {busy === step && <Spinner />}
      {label}
    </button>
  );

  const linked = (names: string[]) =>
    names.map((name) => (
      <div class="council-param-value" key={name} data-testid={`value-${name}`}>
        <span>{parameterLabel(name)}</span>
        <strong>{parameterValue(name, v.parameters[name as ParameterName])}</strong>
      </div>
    ));

  return (
    <>
      <section class="card council-section" data-testid="version-detail">
        <div class="council-version-head">
          <h2>
            {t('convention.versionTitle', { number: v.number })} {v.title}
          </h2>
          <span
            class={`council-badge council-badge--${v.inForce ? 'inForce' : v.status}`}
            data-testid="version-status"
          >
            {statusLabel(v)}
          </span>
        </div>
        <p class="hint" data-testid="version-timeline">
          {timelineLine(v)}
        </p>
        <h3 class="council-subtitle">{t('convention.ballotRules')}</h3>
        <BallotRules ballot={v.ballot} />
        {v.proposedEffectiveFrom && (
          <p class="hint">
            {t('conventionCouncil.proposedEffectiveFrom')}：{beijingDay(v.proposedEffectiveFrom)}
          </p>
        )}

        {v.status === 'draft' && (
          <div class="council-actions">
            <p class="hint">{t('conventionCouncil.next.draft', { days: v.ballot.commentDays })}</p>
            {actionButton('open-comments', t('conventionCouncil.openComments'))}
            <button
              type="button"
              class="button button--secondary"
              data-testid="edit-draft"
              onClick={() => navigate(`/council/convention?edit=${v.id}`)}
            >
              {t('conventionCouncil.edit')}
            </button>
          </div>
        )}
        {v.status === 'comment' && (
          <div class="council-actions">
            <p class="hint">
              {t('conventionCouncil.next.comment', {
                until: beijingMinute(v.commentsCloseAt),
                days: v.ballot.votingDays,
              })}
            </p>
            {actionButton('open-vote', t('conventionCouncil.openVote'))}
          </div>
        )}
        {v.status === 'voting' && (
          <div class="council-actions">
            <p class="hint">
              {t('conventionCouncil.next.voting', { until: beijingMinute(v.votingCloseAt) })}
            </p>
            {actionButton('close-vote', t('conventionCouncil.closeVote'))}
          </div>
        )}
        {refusal && (
          <p class="form-error" role="alert" data-testid="action-refusal">
            {refusal}
          </p>
        )}

        {v.result && (
          <div class="council-result" data-testid="version-result">
            <strong>
              {v.result.outcome === 'adopted'
                ? t('conventionCouncil.adopted')
                : t('conventionCouncil.rejected')}
            </strong>
            <p>
              {t('conventionCouncil.resultLine', {
                yes: v.result.yes,
                no: v.result.no,
                abstain: v.result.abstain,
                turnout: v.result.turnout,
                eligible: v.result.eligible,
              })}
            </p>
            <p>
              {t('conventionCouncil.quorumMet', {
                quorum: v.result.quorumMet
                  ? t('conventionCouncil.met')
                  : t('conventionCouncil.notMet'),
                threshold: v.result.thresholdMet
                  ? t('conventionCouncil.met')
                  : t('conventionCouncil.notMet'),
              })}
            </p>
            <p>
              {t('conventionCouncil.noticeLine', {
                until: beijingDay(v.noticeUntil),
                from: beijingDay(v.effectiveFrom),
              })}
            </p>
            <p class="hint">{t('conventionCouncil.receipts', { count: v.receipts.length })}</p>
          </div>
        )}
      </section>

      <section class="card council-section" data-testid="version-articles">
        <h3>{t('conventionCouncil.articles')}</h3>
        <ol class="list">
          {v.articles.map((a) => (
            <li key={a.number}>
              <strong>{a.label}</strong> {a.text}
              {linked(a.parameters)}
            </li>
          ))}
        </ol>
      </section>

      {v.status !== 'draft' && (
        <section class="card council-section" data-testid="comments">
          <h3>{t('conventionCouncil.comments', { count: comments.length })}</h3>
          {comments.some((c) => !c.reply) && (
            <p class="hint" data-testid="comments-unanswered">
              {t('answer.unanswered', { count: comments.filter((c) => !c.reply).length })}
            </p>
          )}
          {comments.length === 0 ? (
            <p class="empty">{t('conventionCouncil.noComments')}</p>
          ) : (
            <ul class="list">
              {comments.map((c) => (
                <li key={c.id} class="council-comment" data-testid={`comment-${c.id}`}>
                  <div class="hint">
                    {c.author} · {beijingMinute(c.createdAt)}
                    {c.articleNumber !== null &&
                      ` · ${t('conventionCouncil.articleN', { number: c.articleNumber })}`}
                  </div>
                  {c.text}
                  {c.reply ? (
                    <CommentAnswer comment={c} />
                  ) : (
                    <ReplyForm versionId={v.id} comment={c} onReplied={answered} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {diffFrom && (
        <VersionDiffView versions={props.versions} initialFrom={diffFrom} initialTo={v.id} />
      )}
    </>
  );
}
