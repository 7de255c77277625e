import { useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { DoneMessage, useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { Spinner } from '../../ui';
import { ArticleComment } from './article-comment';
import { BallotRules } from './ballot-rules';
import { CommentAnswer } from './comment-answer';
import {
  beijingMinute,
  type ConventionComment,
  messageOf,
  type Version,
  type VersionSummary,
  type MyVote,
  type VoteChoice,
} from './council-api';
import { VersionDiffView } from './version-diff';

export type { MyVote };
type Choice = VoteChoice;

/**
 * An amendment open to residents: during comments its full text, what it changes and a comment
 * form under each article; during the vote the secret ballot. Its vote follows `ballot`.
 */
export function OpenVersion(props: {
  version: Version;
  versions: VersionSummary[];
  baseId: string | null;
  comments: ConventionComment[];
  myVote: MyVote | null;
  onChanged: () => void;
}) {
  const { version: v, comments, myVote } = props;
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();

  const vote = async (choice: Choice) => {
    const label = t(`convention.choice.${choice}`);
    const yes = await ask({
      title: t('convention.voteConfirm.title', { choice: label }),
      body: <p>{t('convention.voteConfirm.body')}</p>,
      confirmLabel: t('convention.voteConfirm.yes', { choice: label }),
    });
    if (!yes) return;
    setBusy(true);
    setRefusal(null);
    try {
      await apiFetch(`/api/conventions/versions/${v.id}/votes`, { body: { choice } });
      setDone(t('convention.voteDone'));
      props.onChanged();
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const mine = (n: number) => comments.filter((c) => c.articleNumber === n);
  const general = comments.filter((c) => c.articleNumber === null);
  return (
    <section class="card council-section" data-testid="convention-open" data-status={v.status}>
      <h2>
        {t('convention.versionTitle', { number: v.number })} {v.title}
      </h2>
      <p class="convention-stage" data-testid="convention-stage">
        {v.status === 'comment'
          ? t('convention.stage.comment', { until: beijingMinute(v.commentsCloseAt) })
          : t('convention.stage.voting', { until: beijingMinute(v.votingCloseAt) })}
      </p>
      <DoneMessage text={done} />

      <h3 class="council-subtitle">{t('convention.ballotRules')}</h3>
      <BallotRules ballot={v.ballot} />

      {v.status === 'voting' && myVote?.voted && (
        <p data-testid="convention-receipt">
          {t('convention.voted', { choice: t(`convention.choice.${myVote.choice ?? 'yes'}`) })}{' '}
          <code>{myVote.receipt}</code>
        </p>
      )}
      {v.status === 'voting' && myVote && !myVote.voted && (
        <div class="vote-actions">
          <p class="hint">{t('convention.secret')}</p>
          {(['yes', 'no', 'abstain'] as const).map((choice) => (
            <button
              type="button"
              class={`button ${choice === 'yes' ? 'button--primary' : 'button--secondary'}`}
              key={choice}
              disabled={busy}
              data-testid={`vote-${choice}`}
              onClick={() => void vote(choice)}
            >
              {busy && <Spinner />}
              {t(`convention.choice.${choice}`)}
            </button>
          ))}
        </div>
      )}
      {refusal && (
        <p class="form-error" role="alert" data-testid="convention-error">
          {refusal}
        </p>
      )}

      {props.baseId && (
        <VersionDiffView versions={props.versions} initialFrom={props.baseId} initialTo={v.id} />
      )}

      <h3 class="council-subtitle">{t('convention.draftText')}</h3>
      <ol class="list" data-testid="draft-articles">
        {v.articles.map((a) => (
          <li class="draft-article" key={a.number} data-testid={`draft-article-${a.number}`}>
            <p>
              <strong>{a.label}</strong> {a.text}
            </p>
            {mine(a.number).length > 0 && (
              <ul
                class="draft-comments"
                aria-label={t('convention.commentsOn', { label: a.label })}
              >
                {mine(a.number).map((c) => (
                  <CommentItem key={c.id} comment={c} />
                ))}
              </ul>
            )}
            {v.status === 'comment' && (
              <ArticleComment
                versionId={v.id}
                articleNumber={a.number}
                label={a.label}
                onSent={() => {
                  setDone(t('convention.commentDone', { label: a.label }));
                  props.onChanged();
                }}
              />
            )}
          </li>
        ))}
      </ol>
      {general.length > 0 && (
        <>
          <h3 class="council-subtitle">{t('answer.generalComments')}</h3>
          <ul class="draft-comments" data-testid="general-comments">
            {general.map((c) => (
              <CommentItem key={c.id} comment={c} />
            ))}
          </ul>
        </>
      )}
      {dialog}
    </section>
  );
}

/** A member's signed comment and, under it, the council's written answer (or that one is due). */
function CommentItem(props: { comment: ConventionComment }) {
  const c = props.comment;
  return (
    <li class="draft-comment" data-testid={`comment-${c.id}`}>
      <span class="hint">
        {c.author}（{beijingMinute(c.createdAt)}）：
      </span>
      {c.text}
      <CommentAnswer comment={c} />
    </li>
  );
}
