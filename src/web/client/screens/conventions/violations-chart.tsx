import { t } from '../../i18n';
import { VIOLATION_KINDS, type ViolationStat } from './council-api';

// One colour per kind, told apart without relying on red alone (red is the app's accent).
const COLOURS: Record<string, string> = {
  no_permit: '#c0392b',
  wrong_space: '#e08e0b',
  overstay: '#2e86c1',
  blocking_passage: '#6c3483',
  no_parking_window: '#229954',
};

const WIDTH = 340;
const HEIGHT = 180;
const AXIS = 22;

/**
 * Violations by month, a bar per month stacked by kind, drawn as inline SVG (no chart library):
 * twelve months by five kinds is too many numbers to read as a list on a phone.
 */
export function ViolationsChart(props: { stats: ViolationStat[]; now?: Date }) {
  if (props.stats.length === 0) return <p class="empty">{t('violationLedger.chartEmpty')}</p>;
  const months = lastTwelveMonths(props.now ?? new Date());
  const byMonth = months.map((month) => {
    const counts = VIOLATION_KINDS.map((kind) => ({
      kind,
      count: props.stats
        .filter((s) => s.month === month && s.kind === kind)
        .reduce((sum, s) => sum + s.count, 0),
    }));
    return { month, counts, total: counts.reduce((sum, c) => sum + c.count, 0) };
  });
  const max = Math.max(1, ...byMonth.map((m) => m.total));
  const slot = (WIDTH - 8) / months.length;
  const bar = Math.min(28, slot * 0.7);
  const scale = (HEIGHT - AXIS - 16) / max;
  const totals = VIOLATION_KINDS.map((kind) => ({
    kind,
    count: props.stats.filter((s) => s.kind === kind).reduce((sum, s) => sum + s.count, 0),
  })).filter((k) => k.count > 0);

  return (
    <figure class="ledger-chart" data-testid="violations-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('violationLedger.chartLabel')}
        width="100%"
      >
        <line x1="4" x2={WIDTH - 4} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} stroke="#cfc8bd" />
        {byMonth.map((m, i) => {
          const x = 4 + i * slot + (slot - bar) / 2;
          let y = HEIGHT - AXIS;
          return (
            <g key={m.month} data-testid={`chart-month-${m.month}`}>
              {m.counts
                .filter((c) => c.count > 0)
                .map((c) => {
                  const h = c.count * scale;
                  y -= h;
                  return (
                    <rect key={c.kind} x={x} y={y} width={bar} height={h} fill={COLOURS[c.kind]}>
                      <title>
                        {m.month} · {t(`violation.${c.kind}`)} · {c.count}
                      </title>
                    </rect>
                  );
                })}
              <text x={x + bar / 2} y={y - 3} text-anchor="middle" font-size="11" fill="#1f2328">
                {m.total}
              </text>
              <text
                x={x + bar / 2}
                y={HEIGHT - 6}
                text-anchor="middle"
                font-size="10"
                fill="#5f6670"
              >
                {monthLabel(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="ledger-legend">
        <span class="hint">
          {months[0]} – {months[months.length - 1]}
        </span>
        {totals.map((k) => (
          <span key={k.kind}>
            <i style={{ background: COLOURS[k.kind] }} />
            {t(`violation.${k.kind}`)} {k.count}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** "2025-09" … "2026-08": the twelve Asia/Shanghai months up to this one, empty ones too. */
function lastTwelveMonths(now: Date): string[] {
  const [year = 0, month = 1] = now
    .toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    .split('-')
    .map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** "9" for September; January carries its year ("26/1") so the turn of the year shows. */
function monthLabel(month: string): string {
  const [year = '', mm = ''] = month.split('-');
  return mm === '01' ? `${year.slice(2)}/1` : String(Number(mm));
}
