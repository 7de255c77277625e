import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiFetch } from '../../api';
import { t } from '../../i18n';
import { Link, navigate, type ScreenProps } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { type Acknowledgements, messageOf, type Version, type VersionSummary } from './council-api';
import { statusLabel, timelineLine } from './council-format';
import { VersionDetail } from './version-detail';
import { VersionEditor } from './version-editor';
import './council.css';

const BASE = '/council/convention';

interface Loaded {
  versions: VersionSummary[];
  acknowledgements: Acknowledgements | null;
}

async function load(): Promise<Loaded> {
  const [versions, acknowledgements] = await Promise.all([
    apiFetch<VersionSummary[]>('/api/conventions/versions'),
    apiFetch<Acknowledgements>('/api/conventions/current/acknowledgements').catch(
      (error: unknown) => {
        // No version in force yet: nobody has anything to sign.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      },
    ),
  ]);
  return { versions, acknowledgements };
}

/**
 * The council runs the convention: versions and their state, drafting an amendment, comments,
 * the vote and its computed result, the notice period, the diff, and who has not signed.
 * `?version=<id>` opens one version, `?amend=<id>` drafts an amendment of it, `?edit=<id>`
 * changes a draft.
 */
export function CouncilConventionScreen({ query }: ScreenProps) {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & Loaded)
  >({ status: 'loading' });
  const reload = () => {
    // A refresh after an action keeps the screen; only the first load shows the spinner.
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    load().then(
      (loaded) => setState({ status: 'ready', ...loaded }),
      (e: unknown) => setState({ status: 'failed', message: messageOf(e) }),
    );
  };
  useEffect(reload, []);

  const versionId = query.get('version');
  const amendId = query.get('amend');
  const editId = query.get('edit');
  const sourceId = amendId ?? editId;

  return (
    <div class="screen" data-testid="council-convention">
      <TopBar title={t('conventionCouncil.title')} back={versionId || sourceId ? BASE : '/home'} />
      <main class="content">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} />}
        {state.status === 'ready' && sourceId && (
          <EditorLoader
            key={sourceId}
            id={sourceId}
            mode={amendId ? 'amend' : 'edit'}
            onSaved={(v) => {
              reload();
              navigate(`${BASE}?version=${v.id}`);
            }}
          />
        )}
        {state.status === 'ready' && !sourceId && versionId && (
          <VersionDetail
            key={versionId}
            id={versionId}
            versions={state.versions}
            onChanged={reload}
          />
        )}
        {state.status === 'ready' && !sourceId && !versionId && (
          <Overview versions={state.versions} acknowledgements={state.acknowledgements} />
        )}
      </main>
    </div>
  );
}

function EditorLoader(props: {
  id: string;
  mode: 'amend' | 'edit';
  onSaved: (v: Version) => void;
}) {
  const [state, setState] = useState<{ version?: Version; error?: string }>({});
  const load = () => {
    setState({});
    apiFetch<Version>(`/api/conventions/versions/${props.id}`).then(
      (version) => setState({ version }),
      (e: unknown) => setState({ error: messageOf(e) }),
    );
  };
  useEffect(load, [props.id]);
  if (state.error) return <LoadFailed message={state.error} onRetry={load} />;
  if (!state.version) return <Loading />;
  return (
    <VersionEditor
      source={state.version}
      mode={props.mode}
      onSaved={props.onSaved}
      onCancel={() => navigate(BASE)}
    />
  );
}

function Overview(props: {
  versions: VersionSummary[];
  acknowledgements: Acknowledgements | null;
}) {
  const { versions, acknowledgements } = props;
  // An amendment starts from the version in force, or from the newest when none is.
  const base = versions.find((v) => v.inForce) ?? versions[0];
  const open = versions.find((v) => ['draft', 'comment', 'voting'].includes(v.status));

  return (
    <>
      <section class="card council-section">
        <p class="hint">{t('conventionCouncil.processHint')}</p>
        {open && (
          <p class="council-open" data-testid="council-open-note">
            {t('conventionCouncil.openNote', { number: open.number, status: statusLabel(open) })}
          </p>
        )}
        {base ? (
          <button
            type="button"
            class="button button--primary"
            data-testid="draft-amendment"
            onClick={() => navigate(`${BASE}?amend=${base.id}`)}
          >
            {t('conventionCouncil.draftAmendment', { number: base.number })}
          </button>
        ) : (
          <p class="empty">{t('conventionCouncil.noVersions')}</p>
        )}
      </section>

      <section>
        <h2 class="section-title">{t('conventionCouncil.versions')}</h2>
        <ul class="list" data-testid="version-list">
          {versions.map((v) => (
            <li key={v.id}>
              <Link
                to={`${BASE}?version=${v.id}`}
                class="card council-version"
                data-testid={`version-${v.number}`}
              >
                <div class="council-version-head">
                  <strong>
                    {t('convention.versionTitle', { number: v.number })} {v.title}
                  </strong>
                  <span class={`council-badge council-badge--${v.inForce ? 'inForce' : v.status}`}>
                    {statusLabel(v)}
                  </span>
                </div>
                <div class="hint">{timelineLine(v)}</div>
                {v.result && (
                  <div class="hint">
                    {t('conventionCouncil.resultLine', {
                      yes: v.result.yes,
                      no: v.result.no,
                      abstain: v.result.abstain,
                      turnout: v.result.turnout,
                      eligible: v.result.eligible,
                    })}
                  </div>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {acknowledgements && (
        <section class="card council-section" data-testid="acknowledgements">
          <h2>{t('conventionCouncil.ackTitle', { number: acknowledgements.versionNumber })}</h2>
          <p>
            {t('conventionCouncil.ackCounts', {
              signed: acknowledgements.acknowledged,
              pending: acknowledgements.pending.length,
            })}
          </p>
          {acknowledgements.pending.length === 0 ? (
            <p class="empty">{t('conventionCouncil.ackAll')}</p>
          ) : (
            <ul class="council-pending">
              {acknowledgements.pending.map((p) => (
                <li key={p.memberId}>
                  {p.name}
                  {p.address && <span class="hint"> · {p.address}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
