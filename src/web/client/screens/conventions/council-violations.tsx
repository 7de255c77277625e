import { useEffect, useState } from 'preact/hooks';
import { apiDownload, apiFetch } from '../../api';
import { t } from '../../i18n';
import { LedgerDownloadButton } from '../../ledger-download';
import { useMe } from '../../me';
import { useSession } from '../../session';
import { isCouncil } from '../../session.policy';
import { LoadFailed, Loading, Spinner, TopBar } from '../../ui';
import {
  type AppealStatus,
  beijingMinute,
  messageOf,
  type Page,
  type Violation,
  type ViolationKind,
  type ViolationStat,
} from './council-api';
import { Field, ViolationKindOptions } from './council-fields';
import { RecordViolationForm } from './record-violation';
import { ViolationsChart } from './violations-chart';
import './council.css';

// One page holds the ledger of a lane for years (a few violations a month); kind and month are
// filtered here, the appeal status by the server.
const PAGE_SIZE = 500;

/**
 * The violation ledger (台账): the council filters it, decides appeals, exports it and sees the
 * trend; a warden records a violation here and sees the lane's recent records.
 */
export function CouncilViolationsScreen() {
  const session = useSession();
  const council = isCouncil(session);
  const [appeal, setAppeal] = useState<AppealStatus | ''>('');
  const [kind, setKind] = useState<ViolationKind | ''>('');
  const [month, setMonth] = useState('');
  const [state, setState] = useState<{ page?: Page<Violation>; error?: string }>({});
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const reload = () => {
    setState((s) => ({ page: s.page }));
    const filter = appeal ? `&appealStatus=${appeal}` : '';
    apiFetch<Page<Violation>>(`/api/violations?pageSize=${PAGE_SIZE}${filter}`).then(
      (page) => setState({ page }),
      (e: unknown) => setState({ error: messageOf(e) }),
    );
  };
  useEffect(reload, [appeal]);

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await apiDownload('/api/violations/export.csv', 'violations-ledger.csv');
    } catch (e) {
      setExportError(messageOf(e));
    } finally {
      setExporting(false);
    }
  };

  // The workbook holds the rows the filters above show, and no others.
  const ledgerQuery = (() => {
    const query = new URLSearchParams();
    if (appeal) query.set('appealStatus', appeal);
    if (kind) query.set('kind', kind);
    if (month) query.set('month', month);
    const text = query.toString();
    return text ? `?${text}` : '';
  })();

  const items = (state.page?.items ?? []).filter(
    (v) => (!kind || v.kind === kind) && (!month || beijingMinute(v.occurredAt).startsWith(month)),
  );
  const pending = (state.page?.items ?? []).filter((v) => v.appealStatus === 'pending');

  return (
    <div class="screen" data-testid="council-violations">
      <TopBar title={council ? t('violationLedger.title') : t('violationLedger.recordTitle')} />
      <main class="content">
        {council ? (
          <>
            <TrendCard />
            <details class="card council-section">
              <summary>{t('violationLedger.recordTitle')}</summary>
              <RecordViolationForm onRecorded={reload} />
            </details>
          </>
        ) : (
          <section class="card council-section">
            <RecordViolationForm onRecorded={reload} />
          </section>
        )}

        {council && pending.length > 0 && (
          <section data-testid="appeals">
            <h2 class="section-title">{t('violationLedger.appeals', { count: pending.length })}</h2>
            <ul class="list">
              {pending.map((v) => (
                <li key={v.id}>
                  <AppealCard violation={v} onDecided={reload} />
                </li>
              ))}
            </ul>
          </section>
        )}

        <section class="card council-section ledger-filters">
          <h2>{t('violationLedger.ledger')}</h2>
          <Field label={t('violationLedger.filter.kind')}>
            <select
              value={kind}
              data-testid="filter-kind"
              onChange={(e) => setKind((e.target as HTMLSelectElement).value as ViolationKind)}
            >
              <option value="">{t('violationLedger.all')}</option>
              <ViolationKindOptions />
            </select>
          </Field>
          <Field label={t('violationLedger.filter.month')}>
            <input
              type="month"
              value={month}
              data-testid="filter-month"
              onInput={(e) => setMonth((e.target as HTMLInputElement).value)}
            />
          </Field>
          <Field label={t('violationLedger.filter.appeal')}>
            <select
              value={appeal}
              data-testid="filter-appeal"
              onChange={(e) => setAppeal((e.target as HTMLSelectElement).value as AppealStatus)}
            >
              <option value="">{t('violationLedger.all')}</option>
              {(['none', 'pending', 'upheld', 'overturned'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`violationLedger.appeal.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          {/* Whoever reads this list may download it: the same rows, as their list shows them. */}
          <LedgerDownloadButton
            path={`/api/violations/export.xlsx${ledgerQuery}`}
            fileName="violations-ledger.xlsx"
            label={t('violationLedger.exportXlsx')}
            testId="export-xlsx"
          />
          <button
            type="button"
            class="button button--secondary"
            disabled={exporting}
            data-testid="export-csv"
            onClick={() => void exportCsv()}
          >
            {exporting && <Spinner />}
            {exporting ? t('violationLedger.exporting') : t('violationLedger.export')}
          </button>
          {exportError && (
            <p class="form-error" role="alert">
              {exportError}
            </p>
          )}
        </section>

        {!state.page && !state.error && <Loading />}
        {state.error && <LoadFailed message={state.error} onRetry={reload} />}
        {state.page && (
          <section>
            <p class="hint" data-testid="ledger-count">
              {t('violationLedger.count', { shown: items.length, total: state.page.total })}
            </p>
            {items.length === 0 ? (
              <p class="card empty">{t('violationLedger.none')}</p>
            ) : (
              <ul class="list" data-testid="ledger">
                {items.map((v) => (
                  <li class="card ledger-item" key={v.id} data-testid="ledger-item">
                    <ViolationSummary violation={v} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </main>
    </div>
  );
}

/** The rule that really applied: "第七条（宽限15分钟）", or the unit's own terms and grace. */
function citation(v: Violation): string | null {
  if (v.rule === 'offer') return t('violationLedger.offerTerms', { minutes: v.graceMinutes ?? 0 });
  if (!v.article) return null;
  return v.graceMinutes === null
    ? v.article
    : t('violationLedger.articleGrace', { article: v.article, minutes: v.graceMinutes });
}

function ViolationSummary({ violation: v }: { violation: Violation }) {
  return (
    <>
      <div class="council-version-head">
        <strong>{t(`violation.${v.kind}`)}</strong>
        <span class={`council-badge ledger-action--${v.action}`}>
          {t('violationLedger.step', {
            step: v.step,
            action: t(`conventionCouncil.action.${v.action}`),
          })}
        </span>
      </div>
      <div>
        <span class="ledger-plate">{v.plate}</span> · {v.place}
      </div>
      <div class="hint">
        {beijingMinute(v.occurredAt)}
        {citation(v) && ` · ${citation(v)}`}
        {v.suspendedUntil &&
          ` · ${t('violationLedger.suspendedUntil', { until: beijingMinute(v.suspendedUntil) })}`}
        {v.appealStatus !== 'none' && ` · ${t(`violationLedger.appeal.${v.appealStatus}`)}`}
      </div>
      {v.appealNote && (
        <div class="hint">{t('violationLedger.answer', { note: v.appealNote })}</div>
      )}
    </>
  );
}

/** Every appeal gets a written answer: uphold or overturn, with the reason. */
function AppealCard(props: { violation: Violation; onDecided: () => void }) {
  const v = props.violation;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'upheld' | 'overturned' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const decide = async (decision: 'upheld' | 'overturned') => {
    setBusy(decision);
    setRefusal(null);
    try {
      await apiFetch(`/api/violations/${v.id}/decision`, { body: { decision, note } });
      props.onDecided();
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="card council-section" data-testid={`appeal-${v.id}`}>
      <ViolationSummary violation={v} />
      <p class="ledger-reason">
        {t('violationLedger.reason')}
        {v.appealReason}
      </p>
      <Field label={t('violationLedger.decisionNote')}>
        <textarea
          rows={2}
          value={note}
          data-testid="appeal-note"
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
      </Field>
      <div class="council-actions">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy !== null}
          data-testid="appeal-uphold"
          onClick={() => void decide('upheld')}
        >
          {busy === 'upheld' && <Spinner />}
          {t('violationLedger.uphold')}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={busy !== null}
          data-testid="appeal-overturn"
          onClick={() => void decide('overturned')}
        >
          {busy === 'overturned' && <Spinner />}
          {t('violationLedger.overturn')}
        </button>
      </div>
      {refusal && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
    </div>
  );
}

/** The trend by kind and month, from the same statistics the public board shows. */
function TrendCard() {
  const { state: me } = useMe();
  const [state, setState] = useState<{ stats?: ViolationStat[]; error?: string }>({});
  const associationId = me.status === 'ready' ? (me.me.association?.id ?? null) : null;
  const load = () => {
    if (!associationId) return;
    setState({});
    apiFetch<{ violationStats: ViolationStat[] }>(
      `/api/public/associations/${associationId}/board`,
      { auth: false },
    ).then(
      (board) => setState({ stats: board.violationStats }),
      (e: unknown) => setState({ error: messageOf(e) }),
    );
  };
  useEffect(load, [associationId]);

  return (
    <section class="card council-section">
      <h2>{t('violationLedger.chartTitle')}</h2>
      {state.error ? (
        <LoadFailed message={state.error} onRetry={load} />
      ) : state.stats ? (
        <ViolationsChart stats={state.stats} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
