import { useState } from 'preact/hooks';
import { apiFetch, ApiError } from '../../api';
import { DoneMessage, useConfirm } from '../../confirm';
import { t } from '../../i18n';
import { navigate } from '../../router';
import { Spinner } from '../../ui';
import { type GenerationReport, mondayOf } from './roster-api';

/** The first day of next month and of the month after, in Beijing: the period to roster. */
export function nextMonth(now: Date): { from: string; to: string; month: number } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1));
  const after = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  return {
    from: first.toISOString().slice(0, 10),
    to: after.toISOString().slice(0, 10),
    month: first.getUTCMonth() + 1,
  };
}

/** 生成下月值班表: the templates rostered over next month, after a confirmation, with a summary. */
export function GenerateNextMonth() {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { dialog, ask } = useConfirm();
  const period = nextMonth(new Date());

  const generate = async () => {
    const yes = await ask({
      title: t('roster.generate.title', { month: period.month }),
      body: <p>{t('roster.generate.body', { from: period.from, to: period.to })}</p>,
      confirmLabel: t('roster.generate.yes'),
    });
    if (!yes) return;
    setBusy(true);
    setDone(null);
    setRefusal(null);
    try {
      const report = await apiFetch<GenerationReport>('/api/rosters/generate', {
        body: { from: period.from, to: period.to },
      });
      setDone(
        t('roster.generate.done', {
          month: period.month,
          shifts: report.shifts,
          assignments: report.assignments,
          unfilled: report.unfilledSeats,
        }),
      );
    } catch (error) {
      setRefusal(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card generate-month" data-testid="generate-month">
      <button
        type="button"
        class="button button--primary"
        disabled={busy}
        data-testid="generate-next-month"
        onClick={() => void generate()}
      >
        {busy && <Spinner />}
        {t('roster.generate.button', { month: period.month })}
      </button>
      <DoneMessage text={done} />
      {done && (
        <button
          type="button"
          class="button button--secondary"
          data-testid="generated-first-week"
          onClick={() =>
            navigate(`/rosters?week=${mondayOf(new Date(`${period.from}T00:00:00+08:00`))}`)
          }
        >
          {t('roster.generate.see', { month: period.month })}
        </button>
      )}
      {refusal && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      {dialog}
    </section>
  );
}
