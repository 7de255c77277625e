// How the council's screens say a rule parameter, a version's state and a fraction, zh first.
import { type MessageKey, t } from '../../i18n';
import {
  beijingDay,
  beijingMinute,
  type Fraction,
  type PenaltyStep,
  type TimeWindow,
  type VersionSummary,
} from './council-api';

export function parameterLabel(name: string): string {
  return t(`conventionCouncil.param.${name}` as MessageKey) ?? name;
}

export function statusLabel(version: Pick<VersionSummary, 'status' | 'inForce'>): string {
  if (version.inForce) return t('conventionCouncil.status.inForce');
  return t(`conventionCouncil.status.${version.status}`);
}

export const share = (f: Fraction) => `${f.numerator}/${f.denominator}`;

function windowText(w: TimeWindow): string {
  const days = w.days?.length ? ` (${t('conventionCouncil.window.days')} ${w.days.join(',')})` : '';
  const hours = w.from === w.to ? t('sharing.allDay') : `${w.from}–${w.to}`;
  return `${hours}${days} ${w.reason}`;
}

function stepText(s: PenaltyStep): string {
  const action = t(`conventionCouncil.action.${s.action}`);
  const extra = s.suspensionDays
    ? ` ${t('conventionCouncil.ladder.days', { days: s.suspensionDays })}`
    : '';
  return `${s.step}. ${action}${extra} (${t('conventionCouncil.ladder.within', { days: s.withinDays })})`;
}

/** A parameter's value as members read it: numbers, 是/否, windows and ladder steps in words. */
export function parameterValue(name: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean')
    return value ? t('conventionCouncil.yes') : t('conventionCouncil.no');
  if (name === 'noParkingWindows' && Array.isArray(value)) {
    return value.length
      ? (value as TimeWindow[]).map(windowText).join('；')
      : t('conventionCouncil.none');
  }
  if (name === 'priorityTiers' && Array.isArray(value)) {
    return value.length
      ? (value as { label: string }[]).map((tier, i) => `${i + 1}. ${tier.label}`).join('；')
      : t('conventionCouncil.none');
  }
  if (name === 'penaltyLadder' && Array.isArray(value)) {
    return (value as PenaltyStep[]).map(stepText).join('；');
  }
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** The dates that matter for a version at its stage. */
export function timelineLine(v: VersionSummary): string {
  switch (v.status) {
    case 'draft':
      return t('conventionCouncil.line.draft', {
        quorum: share(v.ballot.quorum),
        threshold: share(v.ballot.threshold),
      });
    case 'comment':
      return t('conventionCouncil.line.comment', { until: beijingMinute(v.commentsCloseAt) });
    case 'voting':
      return t('conventionCouncil.line.voting', { until: beijingMinute(v.votingCloseAt) });
    case 'adopted':
      return t('conventionCouncil.line.adopted', {
        notice: beijingDay(v.noticeUntil),
        from: beijingDay(v.effectiveFrom),
      });
    case 'rejected':
      return t('conventionCouncil.line.rejected', { notice: beijingDay(v.noticeUntil) });
  }
}
