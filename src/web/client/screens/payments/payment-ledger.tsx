import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { type MessageKey, t } from '../../i18n';
import { LedgerDownloadButton } from '../../ledger-download';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { refusalOf } from '../../permits/permits-api';
import { beijingMinute } from '../conventions/council-api';
import './payments.css';
import type { PaymentResponse } from '../../../../shared/api/payments';
import type { Wire } from '../../../../shared/api/wire';

/** One row of GET /api/payments (src/shared/api/payments.ts). */
export type Payment = Wire<PaymentResponse>;

const PAGE_SIZE = 50;

/** 收费台账: every fee the council recorded, on permits and on standing places, latest first. */
export function PaymentLedgerScreen() {
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<Payment[] | null>(null);
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    setItems(null);
    setFailed(null);
    apiFetch<{ items: Payment[]; total: number }>(
      `/api/payments?page=${page}&pageSize=${PAGE_SIZE}`,
    ).then(
      (body) => {
        if (!live) return;
        setItems(body.items);
        setTotal(body.total);
      },
      (error: unknown) => live && setFailed(refusalOf(error)),
    );
    return () => {
      live = false;
    };
  }, [page, reloads]);

  const sum = (items ?? []).reduce((s, p) => s + Math.round(p.amountCny * 100), 0) / 100;
  return (
    <div class="screen" data-testid="payment-ledger">
      <TopBar title={t('payments.title')} back="/home" />
      <main class="content">
        {failed && <LoadFailed message={failed} onRetry={() => setReloads((n) => n + 1)} />}
        {!failed && !items && <Loading />}
        {items && items.length === 0 && <p class="hint">{t('payments.none')}</p>}
        {items && items.length > 0 && (
          <>
            <p class="payments-total" data-testid="payments-total">
              {t('payments.total', { count: total, sum: sum.toFixed(2) })}
            </p>
            <LedgerDownloadButton
              path="/api/payments/export.xlsx"
              fileName="payments-ledger.xlsx"
              label={t('payments.exportXlsx')}
              testId="payments-export-xlsx"
            />
            <ol class="payments" aria-label={t('payments.title')}>
              {items.map((p) => (
                <li key={p.id} class="payment" data-testid="payment-row">
                  <div class="payment-head">
                    <strong>¥{p.amountCny.toFixed(2)}</strong>
                    <span>{t(`payments.method.${p.method}` as MessageKey)}</span>
                  </div>
                  <div>
                    {t(`payments.subject.${p.subject}` as MessageKey)} {p.reference} · {p.plate}
                    {p.household && ` · ${p.household}`}
                  </div>
                  <div class="hint">
                    {beijingMinute(p.recordedAt)}
                    {p.receiptNumber &&
                      ` · ${t('payments.receiptNumber', { number: p.receiptNumber })}`}
                    {p.recordedBy && ` · ${t('payments.recordedBy', { name: p.recordedBy })}`}
                    {p.note && ` · ${p.note}`}
                  </div>
                </li>
              ))}
            </ol>
            <div class="payments-pages">
              {page > 1 && (
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => setPage(page - 1)}
                >
                  {t('payments.previous')}
                </button>
              )}
              {page * PAGE_SIZE < total && (
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => setPage(page + 1)}
                >
                  {t('payments.more')}
                </button>
              )}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
