import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { t } from '../../i18n';
import { LoadFailed, Loading } from '../../ui';
import { messageOf, type VersionDiff, type VersionSummary } from './council-api';
import { parameterLabel, parameterValue, statusLabel } from './council-format';

const label = (n: number) => t('conventionCouncil.articleN', { number: n });

/** What changed between any two versions: parameters first (what the system enforces). */
export function VersionDiffView(props: {
  versions: VersionSummary[];
  initialFrom: string;
  initialTo: string;
}) {
  const [fromId, setFromId] = useState(props.initialFrom);
  const [toId, setToId] = useState(props.initialTo);
  const [state, setState] = useState<{ diff?: VersionDiff; error?: string }>({});

  const load = () => {
    setState({});
    apiFetch<VersionDiff>(`/api/conventions/versions/${fromId}/diff/${toId}`).then(
      (diff) => setState({ diff }),
      (e: unknown) => setState({ error: messageOf(e) }),
    );
  };
  useEffect(load, [fromId, toId]);

  const picker = (value: string, onPick: (id: string) => void, testId: string, label: string) => (
    <select
      value={value}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => onPick((e.target as HTMLSelectElement).value)}
    >
      {props.versions.map((v) => (
        <option key={v.id} value={v.id}>
          {t('convention.versionTitle', { number: v.number })} · {statusLabel(v)}
        </option>
      ))}
    </select>
  );

  const diff = state.diff;
  const nothing =
    diff &&
    !diff.parameters.length &&
    !diff.articles.added.length &&
    !diff.articles.removed.length &&
    !diff.articles.changed.length;

  return (
    <section class="card council-section" data-testid="diff">
      <h3>{t('conventionCouncil.diff')}</h3>
      <div class="council-diff-pick">
        {picker(fromId, setFromId, 'diff-from', t('conventionCouncil.diffFrom'))}
        <span>→</span>
        {picker(toId, setToId, 'diff-to', t('conventionCouncil.diffTo'))}
      </div>
      {!diff && !state.error && <Loading />}
      {state.error && <LoadFailed message={state.error} onRetry={load} />}
      {nothing && <p class="empty">{t('conventionCouncil.diffNone')}</p>}
      {diff && diff.parameters.length > 0 && (
        <>
          <h4>{t('conventionCouncil.parametersChanged')}</h4>
          <ul class="list">
            {diff.parameters.map((p) => (
              <li class="council-diff-item" key={p.name} data-testid={`diff-param-${p.name}`}>
                <strong>{parameterLabel(p.name)}</strong>
                <div>
                  <del>{parameterValue(p.name, p.from)}</del> →{' '}
                  <ins>{parameterValue(p.name, p.to)}</ins>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff &&
        diff.articles.changed.length + diff.articles.added.length + diff.articles.removed.length >
          0 && (
          <>
            <h4>{t('conventionCouncil.articlesChanged')}</h4>
            <ul class="list">
              {diff.articles.changed.map((a) => (
                <li
                  class="council-diff-item"
                  key={`c${a.number}`}
                  data-testid={`diff-article-${a.number}`}
                >
                  <strong>{label(a.number)}</strong>
                  <div>
                    <del>{a.from}</del>
                  </div>
                  <div>
                    <ins>{a.to}</ins>
                  </div>
                </li>
              ))}
              {diff.articles.added.map((a) => (
                <li
                  class="council-diff-item"
                  key={`a${a.number}`}
                  data-testid={`diff-article-${a.number}`}
                >
                  <strong>
                    {label(a.number)} · {t('conventionCouncil.added')}
                  </strong>
                  <div>
                    <ins>{a.text}</ins>
                  </div>
                </li>
              ))}
              {diff.articles.removed.map((a) => (
                <li
                  class="council-diff-item"
                  key={`r${a.number}`}
                  data-testid={`diff-article-${a.number}`}
                >
                  <strong>
                    {label(a.number)} · {t('conventionCouncil.removed')}
                  </strong>
                  <div>
                    <del>{a.text}</del>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
    </section>
  );
}
