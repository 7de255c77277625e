import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import { LoadFailed, Loading, TopBar } from '../../ui';

interface Article {
  number: number;
  label: string;
  text: string;
}
interface Summary {
  id: string;
  number: number;
  title: string;
  status: 'draft' | 'comment' | 'voting' | 'adopted' | 'rejected';
  votingCloseAt: string | null;
}
interface Version extends Summary {
  articles: Article[];
}
interface MyVote {
  voted: boolean;
  choice: 'yes' | 'no' | 'abstain' | null;
  receipt: string | null;
  counted: boolean;
}
type Choice = 'yes' | 'no' | 'abstain';

interface Loaded {
  current: Version | null;
  open: Summary | null;
  myVote: MyVote | null;
}

async function load(): Promise<Loaded> {
  const current = await apiFetch<Version>('/api/conventions/current').catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  const versions = await apiFetch<Summary[]>('/api/conventions/versions');
  const open = versions.find((v) => v.status === 'voting' || v.status === 'comment') ?? null;
  const myVote =
    open?.status === 'voting'
      ? await apiFetch<MyVote>(`/api/conventions/versions/${open.id}/my-vote`)
      : null;
  return { current, open, myVote };
}

/** The convention in force, and the secret ballot on an amendment when one is being voted. */
export function ConventionScreen() {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & Loaded)
  >({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = () => {
    setState({ status: 'loading' });
    load().then(
      (loaded) => setState({ status: 'ready', ...loaded }),
      (e: unknown) =>
        setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  useEffect(reload, []);

  const vote = async (versionId: string, choice: Choice) => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/conventions/versions/${versionId}/votes`, { body: { choice } });
      reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="screen" data-testid="convention">
      <TopBar title={t('convention.title')} />
      <main class="content">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} />}
        {state.status === 'ready' && (
          <>
            {state.open && (
              <section class="card" data-testid="convention-open">
                <h2>
                  {t('convention.versionTitle', { number: state.open.number })} {state.open.title}
                </h2>
                {state.open.status === 'comment' && (
                  <p class="hint">{t('convention.inComments')}</p>
                )}
                {state.open.status === 'voting' && state.myVote?.voted && (
                  <p data-testid="convention-receipt">
                    {t('convention.voted', {
                      choice: t(`convention.choice.${state.myVote.choice ?? 'yes'}`),
                    })}{' '}
                    <code>{state.myVote.receipt}</code>
                  </p>
                )}
                {state.open.status === 'voting' && state.myVote && !state.myVote.voted && (
                  <div class="actions">
                    <p class="hint">{t('convention.secret')}</p>
                    {(['yes', 'no', 'abstain'] as const).map((choice) => (
                      <button
                        type="button"
                        class="button"
                        key={choice}
                        disabled={busy}
                        data-testid={`vote-${choice}`}
                        onClick={() => void vote(state.open!.id, choice)}
                      >
                        {t(`convention.choice.${choice}`)}
                      </button>
                    ))}
                  </div>
                )}
                {error && (
                  <p class="status status--error" role="alert" data-testid="convention-error">
                    {error}
                  </p>
                )}
              </section>
            )}
            {state.current ? (
              <section data-testid="convention-current">
                <h2>
                  {t('convention.inForce', { number: state.current.number })} {state.current.title}
                </h2>
                <ol class="list">
                  {state.current.articles.map((a) => (
                    <li class="card" key={a.number}>
                      <strong>{a.label}</strong> {a.text}
                    </li>
                  ))}
                </ol>
              </section>
            ) : (
              <p class="card empty">{t('convention.none')}</p>
            )}
          </>
        )}
      </main>
    </div>
  );
}
