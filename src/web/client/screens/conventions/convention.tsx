import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import { LoadFailed, Loading, TopBar } from '../../ui';
import type { ConventionComment, Version, VersionSummary } from './council-api';
import { type MyVote, OpenVersion } from './open-version';
import { VersionOutcome } from './version-outcome';
import './council.css';

interface Loaded {
  current: Version | null;
  versions: VersionSummary[];
  open: Version | null;
  comments: ConventionComment[];
  myVote: MyVote | null;
  /** the last decided amendment while its notice period runs or before it applies */
  decided: VersionSummary | null;
}

async function load(now: Date): Promise<Loaded> {
  const current = await apiFetch<Version>('/api/conventions/current').catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  const versions = await apiFetch<VersionSummary[]>('/api/conventions/versions');
  const summary = versions.find((v) => v.status === 'voting' || v.status === 'comment');
  const [open, comments, myVote] = summary
    ? await Promise.all([
        apiFetch<Version>(`/api/conventions/versions/${summary.id}`),
        apiFetch<ConventionComment[]>(`/api/conventions/versions/${summary.id}/comments`),
        summary.status === 'voting'
          ? apiFetch<MyVote>(`/api/conventions/versions/${summary.id}/my-vote`)
          : Promise.resolve(null),
      ])
    : [null, [], null];
  const decided =
    versions
      .filter((v) => v.result && (v.status === 'adopted' || v.status === 'rejected'))
      .filter((v) => {
        const last = v.effectiveFrom ?? v.noticeUntil;
        return last !== null && new Date(last) > now;
      })
      .sort((a, b) => b.number - a.number)[0] ?? null;
  return { current, versions, open, comments, myVote, decided };
}

/**
 * The convention for members: the text in force; an amendment under comment (its text, what it
 * changes, a comment under each article) or under vote (the secret ballot); a decided one's
 * result and notice period.
 */
export function ConventionScreen() {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & Loaded)
  >({ status: 'loading' });

  const reload = (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    load(new Date()).then(
      (loaded) => setState({ status: 'ready', ...loaded }),
      (e: unknown) =>
        setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  useEffect(() => reload(), []);

  return (
    <div class="screen" data-testid="convention">
      <TopBar title={t('convention.title')} />
      <main class="content">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && (
          <LoadFailed message={state.message} onRetry={() => reload()} />
        )}
        {state.status === 'ready' && (
          <>
            {state.open && (
              <OpenVersion
                version={state.open}
                versions={state.versions}
                baseId={state.open.amendsVersionId ?? state.current?.id ?? null}
                comments={state.comments}
                myVote={state.myVote}
                onChanged={() => reload(true)}
              />
            )}
            {state.decided && <VersionOutcome version={state.decided} />}
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
