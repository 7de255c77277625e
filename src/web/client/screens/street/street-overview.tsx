import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { t } from '../../i18n';
import { Link } from '../../router';
import { LoadFailed, Loading, TopBar } from '../../ui';
import { PersuasionCounts } from '../daily-work/persuasion-counts';
import { BarChart } from './bar-chart';
import {
  type AssociationFigures,
  beijingHour,
  beijingTime,
  loadOverview,
  type StreetOverview,
} from './street-api';
import './street.css';

/**
 * 街道概览: the street's associations side by side, in figures and charts. Twenty-four hours by
 * several associations is too many numbers to read as text on a phone.
 */
export function StreetOverviewScreen() {
  const [overview, setOverview] = useState<StreetOverview | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = () => {
    setFailed(null);
    loadOverview().then(setOverview, (error: unknown) =>
      setFailed(error instanceof ApiError ? error.message : t('error.network')),
    );
  };
  useEffect(load, []);

  return (
    <div class="screen" data-testid="street-overview">
      <TopBar title={t('street.title')} />
      <main class="content">
        {failed && <LoadFailed message={failed} onRetry={load} />}
        {!failed && !overview && <Loading />}
        {overview && <Overview overview={overview} />}
      </main>
    </div>
  );
}

function Overview({ overview }: { overview: StreetOverview }) {
  const list = overview.associations;
  const short = (name: string) => (name.length > 7 ? `${name.slice(0, 6)}…` : name);
  return (
    <>
      <p class="hint" data-testid="street-subtitle">
        {overview.streetOffice
          ? t('street.subtitle', { street: overview.streetOffice, count: list.length })
          : t('street.subtitleViewer', { count: list.length })}
        <br />
        {t('street.generatedAt', { time: beijingTime(overview.generatedAt) })}
      </p>
      {list.length === 0 && <p class="card empty">{t('street.none')}</p>}
      {list.length > 1 && (
        <section class="card street-card" data-testid="street-compare">
          <h2 class="card-title">{t('street.compare')}</h2>
          <h4>{t('street.chart.occupancyShare')}</h4>
          <BarChart
            label={t('street.chart.occupancyShareLabel')}
            testid="chart-occupancy-share"
            max={100}
            unit="%"
            bars={list.map((a) => ({
              key: a.id,
              label: short(a.name),
              value: a.spaces ? Math.round((a.occupiedNow / a.spaces) * 100) : 0,
              shown: true,
            }))}
          />
          <h4>{t('street.chart.gaps')}</h4>
          <BarChart
            label={t('street.chart.gapsLabel')}
            testid="chart-gaps"
            bars={list.map((a) => ({
              key: a.id,
              label: short(a.name),
              value: a.uncoveredHoursNext7Days,
              shown: true,
              highlight: a.uncoveredHoursNext7Days > 0,
            }))}
          />
        </section>
      )}
      <ul class="list">
        {list.map((a) => (
          <li key={a.id}>
            <AssociationCard figures={a} />
          </li>
        ))}
      </ul>
    </>
  );
}

function AssociationCard({ figures: a }: { figures: AssociationFigures }) {
  const last = a.occupancyByHour.length - 1;
  const thisMonth = a.violationsByMonth[a.violationsByMonth.length - 1]?.count ?? 0;
  return (
    <section class="card street-card" data-testid="street-association" data-association-id={a.id}>
      <h3 class="card-title">{a.name}</h3>
      <p class="hint">{a.community}</p>
      <dl class="street-figures">
        <Figure label={t('street.spaces')} value={a.spaces} />
        <Figure label={t('street.occupiedNow')} value={a.occupiedNow} />
        <Figure label={t('street.freeNow')} value={a.freeNow} />
        <Figure label={t('street.gaps')} value={a.coverageGapsNext7Days} />
        <Figure label={t('street.violationsThisMonth')} value={a.violationsThisMonth} />
        <Figure label={t('street.persuasionsThisMonth')} value={a.persuasionsThisMonth} />
        <Figure label={t('street.bookingsTonight')} value={a.bookingsTonight} />
      </dl>
      <h4>{t('persuasion.byMonth')}</h4>
      <PersuasionCounts counts={a.persuasionsByMonth} months={3} testid="street-persuasions" />
      <h4>{t('street.chart.occupancy')}</h4>
      <BarChart
        label={t('street.chart.occupancyLabel', {
          name: a.name,
          now: a.occupiedNow,
          spaces: a.spaces,
        })}
        testid="chart-occupancy"
        max={a.spaces}
        bars={a.occupancyByHour.map((h, i) => ({
          key: h.at,
          label: i === last ? t('street.chart.now') : i % 6 === 2 ? beijingHour(h.at) : '',
          value: h.parked,
          shown: i === last,
          highlight: i === last,
        }))}
      />
      <h4>{t('street.chart.violations')}</h4>
      <BarChart
        label={t('street.chart.violationsLabel', { name: a.name, count: thisMonth })}
        testid="chart-violations"
        height={120}
        bars={a.violationsByMonth.map((m, i) => ({
          key: m.month,
          label: monthLabel(m.month),
          value: m.count,
          shown: m.count > 0,
          highlight: i === a.violationsByMonth.length - 1,
        }))}
      />
      <Link to={`/board/${a.id}`} class="street-link" data-testid="street-board-link">
        {t('street.board')} ›
      </Link>
    </section>
  );
}

function Figure(props: { label: string; value: number }) {
  return (
    <div class="street-figure">
      <dt>
        <span>{props.label}</span>
      </dt>
      <dd style={{ margin: 0 }}>
        <b>{props.value}</b>
      </dd>
    </div>
  );
}

/** "9" for September; January carries its year ("26/1") so the turn of the year shows. */
function monthLabel(month: string): string {
  const [year = '', mm = ''] = month.split('-');
  return mm === '01' ? `${year.slice(2)}/1` : String(Number(mm));
}
