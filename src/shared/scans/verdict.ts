// What a warden sees after a scan, judged once for the server (src/permits/verdict.ts) and for the
// phone verifying offline (src/web/client/permits/offline-verify.ts). Pure: no Nest, no DOM.
import { fill, type Lang, type Params } from '../i18n';
import { type StatusFacts, statusAt } from '../permits/status';

export const VERDICTS = [
  'valid',
  'expired',
  'not_yet_valid',
  'revoked',
  'suspended',
  'wrong_scope',
  'outside_window',
  'plate_mismatch',
  'forged',
  'unknown',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Why, more precisely than the verdict: a permit never approved reads "unknown" to the warden but
 * says why, and so do shared parking hours that cannot be read. Stored with each scan.
 */
export const VERDICT_CAUSES = [...VERDICTS, 'never_approved', 'windows_unreadable'] as const;
export type VerdictCause = (typeof VERDICT_CAUSES)[number];

/** Times in Beijing local form (`2026-12-01 08:00`), so both sides render them alike. */
export interface VerdictParams extends Params {
  at?: string;
}

export interface Judgement {
  verdict: Verdict;
  cause: VerdictCause;
  params: VerdictParams;
}

/** Where the permit stands at the moment of the scan, as far as the judge can know. */
export type StandingAtScan =
  | { state: 'never_approved' | 'revoked' | 'active' }
  | { state: 'suspended' | 'expired' | 'scheduled'; at?: string };

/**
 * The standing of a permit from its facts: the server's row, or on the phone offline the token's
 * dates and the cached revocation list. `time` writes the moment the verdict names (Beijing wall
 * time); without it the verdict names none.
 */
export function standingAt(
  permit: StatusFacts,
  at: Date,
  time?: (moment: Date) => string,
): StandingAtScan {
  const when = (moment: Date | null) => (time && moment ? { at: time(moment) } : {});
  switch (statusAt(permit, at)) {
    case 'pending':
    case 'rejected':
      return { state: 'never_approved' };
    case 'revoked':
      return { state: 'revoked' };
    case 'suspended':
      return { state: 'suspended', ...when(permit.suspendedUntil) };
    case 'expired':
      return { state: 'expired', ...when(permit.validTo) };
    case 'scheduled':
      return { state: 'scheduled', ...when(permit.validFrom) };
    case 'active':
      return { state: 'active' };
  }
}

export interface VerdictFacts {
  standing: StandingAtScan;
  inScope: boolean;
  /** False only when a plate was seen and it is not the permit's. */
  plateMatches: boolean;
  /** Shared permits only: inside the offer windows; null when they could not be read. */
  withinWindow?: boolean | null;
  shared: boolean;
}

/** The order of judgement: the permit's standing, then place, then plate, then the hours. */
export function judgeFacts(facts: VerdictFacts): Judgement {
  const { standing } = facts;
  switch (standing.state) {
    case 'never_approved':
      return { verdict: 'unknown', cause: 'never_approved', params: {} };
    case 'revoked':
      return judgement('revoked');
    case 'suspended':
      return judgement('suspended', standing.at);
    case 'expired':
      return judgement('expired', standing.at);
    case 'scheduled':
      return judgement('not_yet_valid', standing.at);
    case 'active':
      break;
  }
  if (!facts.inScope) return judgement('wrong_scope');
  if (!facts.plateMatches) return judgement('plate_mismatch');
  if (facts.shared) {
    // Fail closed: a shared permit is valid only when the offer's windows say so.
    if (facts.withinWindow === false) return judgement('outside_window');
    if (facts.withinWindow !== true) {
      return { verdict: 'unknown', cause: 'windows_unreadable', params: {} };
    }
  }
  return judgement('valid');
}

export function judgement(verdict: Verdict, at?: string): Judgement {
  return { verdict, cause: verdict, params: at ? { at } : {} };
}

interface VerdictMessage {
  zh: string;
  en: string;
  /** When the permit's time is known. */
  zhAt?: string;
  enAt?: string;
}

const MESSAGES: Record<VerdictCause, VerdictMessage> = {
  valid: { zh: '有效，可以停放', en: 'Valid: this car may park here' },
  expired: {
    zh: '停车证已过期',
    en: 'The permit has expired',
    zhAt: '停车证已于{at}过期',
    enAt: 'The permit expired at {at}',
  },
  not_yet_valid: {
    zh: '停车证尚未生效',
    en: 'The permit is not valid yet',
    zhAt: '停车证自{at}起生效',
    enAt: 'The permit is not valid before {at}',
  },
  revoked: { zh: '停车证已被吊销', en: 'The permit has been revoked' },
  suspended: {
    zh: '停车证暂停使用',
    en: 'The permit is suspended',
    zhAt: '停车证暂停使用至{at}',
    enAt: 'The permit is suspended until {at}',
  },
  wrong_scope: { zh: '此证不适用于此处', en: 'This permit is not for this place' },
  outside_window: {
    zh: '不在共享停车时段内',
    en: 'Outside the shared parking hours of this car park',
  },
  plate_mismatch: {
    zh: '车牌与停车证不符',
    en: 'The plate on the car is not the plate on the permit',
  },
  forged: {
    zh: '二维码无效或被篡改',
    en: 'Forged or altered: the signature does not verify',
  },
  unknown: { zh: '查无此证', en: 'No such permit' },
  never_approved: { zh: '停车证未获批准', en: 'This permit was never approved' },
  windows_unreadable: {
    zh: '暂时无法读取共享停车时段，不能确认',
    en: 'The shared parking hours cannot be read now: not confirmed',
  },
};

export function isVerdictCause(value: string): value is VerdictCause {
  return (VERDICT_CAUSES as readonly string[]).includes(value);
}

/** The sentence under the verdict, in the reader's language. */
export function verdictMessage(cause: VerdictCause, params: VerdictParams, lang: Lang): string {
  const message = MESSAGES[cause];
  const zh = lang === 'zh-CN';
  if (params.at) {
    const template = zh ? message.zhAt : message.enAt;
    if (template) return fill(template, params);
  }
  return zh ? message.zh : message.en;
}
