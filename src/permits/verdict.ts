// What a warden sees after a scan. Pure: the same judgement runs for tokens, typed permit
// numbers and typed plates; the web client mirrors it offline (src/web/client/permits/offline-verify.ts).
import { normalisePlate } from '../associations/plate';
import { shanghaiDateTime } from '../common/shanghai-time';
import { type StatusFacts, statusAt } from './permit-status';

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

export interface Judgement {
  verdict: Verdict;
  reason: string;
}

export interface JudgedPermit extends StatusFacts {
  associationId: string;
  laneId: string | null;
  carParkId: string | null;
  plate: string;
}

export interface ScanPlace {
  /** The warden's association. */
  associationId: string;
  laneId?: string | null;
  carParkId?: string | null;
}

export interface JudgeInput {
  permit: JudgedPermit | null;
  place: ScanPlace;
  plateSeen?: string | null;
  at: Date;
  /**
   * Shared permits: inside the car park's offer windows? null (or left out) when they could not
   * be read: such a permit is never judged valid.
   */
  withinWindow?: boolean | null;
}

export function judge(input: JudgeInput): Judgement {
  const { permit, place, at } = input;
  if (!permit) return verdict('unknown');
  // Another association's permit says nothing more than "not here": no dates, no plate.
  if (permit.associationId !== place.associationId) return verdict('wrong_scope');
  const status = statusAt(permit, at);
  switch (status) {
    case 'pending':
    case 'rejected':
      return { verdict: 'unknown', reason: '停车证未获批准 / this permit was never approved' };
    case 'revoked':
      return verdict('revoked');
    case 'suspended':
      return {
        verdict: 'suspended',
        reason: `停车证暂停使用至 ${shanghaiDateTime(permit.suspendedUntil!)} / suspended until ${shanghaiDateTime(permit.suspendedUntil!)}`,
      };
    case 'expired':
      return {
        verdict: 'expired',
        reason: `停车证已于 ${shanghaiDateTime(permit.validTo)} 过期 / expired at ${shanghaiDateTime(permit.validTo)}`,
      };
    case 'scheduled':
      return {
        verdict: 'not_yet_valid',
        reason: `停车证自 ${shanghaiDateTime(permit.validFrom)} 起生效 / not valid before ${shanghaiDateTime(permit.validFrom)}`,
      };
    case 'active':
      break;
  }
  if (!inScope(permit, place)) return verdict('wrong_scope');
  if (input.plateSeen && normalisePlate(input.plateSeen) !== permit.plate) {
    return verdict('plate_mismatch');
  }
  if (permit.carParkId) {
    // Fail closed: a shared permit is valid only when the offer's windows say so.
    if (input.withinWindow === false) return verdict('outside_window');
    if (input.withinWindow !== true) return WINDOWS_UNREADABLE;
  }
  return verdict('valid');
}

function inScope(permit: JudgedPermit, place: ScanPlace): boolean {
  if (permit.carParkId) return place.carParkId === permit.carParkId;
  if (place.carParkId) return false;
  return !permit.laneId || !place.laneId || permit.laneId === place.laneId;
}

const REASONS: Record<Verdict, string> = {
  valid: '有效，可以停放 / valid: this car may park here',
  expired: '停车证已过期 / the permit has expired',
  not_yet_valid: '停车证尚未生效 / the permit is not valid yet',
  revoked: '停车证已被吊销 / the permit has been revoked',
  suspended: '停车证暂停使用 / the permit is suspended',
  wrong_scope: '此证不适用于此处 / this permit is not for this place',
  outside_window: '不在共享停车时段内 / outside the shared parking hours of this car park',
  plate_mismatch: '车牌与停车证不符 / the plate on the car is not the plate on the permit',
  forged: '二维码无效或被篡改 / forged or altered: the signature does not verify',
  unknown: '查无此证 / no such permit',
};

/** The car park's offer windows could not be read: nobody can say this car may park now. */
export const WINDOWS_UNREADABLE: Judgement = {
  verdict: 'unknown',
  reason:
    '暂时无法读取共享停车时段，不能确认 / the shared parking hours cannot be read now: not confirmed',
};

export function verdict(v: Verdict): Judgement {
  return { verdict: v, reason: REASONS[v] };
}
