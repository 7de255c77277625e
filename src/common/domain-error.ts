import type { Params } from '../shared/i18n';
import {
  isReason,
  type Noun,
  type Reason,
  type ReasonStatus,
  reasonStatus,
  renderReason,
} from '../shared/reasons';

/** The coarse class of a refusal, the error body's `error` field; `reason` says exactly what. */
export enum ErrorCode {
  Validation = 'validation',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Gone = 'gone',
  RateLimited = 'rate_limited',
  Timeout = 'timeout',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  Unavailable = 'unavailable',
  Internal = 'internal',
}

/**
 * Every refusal the domain gives: a stable reason from the catalogue (src/shared/reasons) with its
 * params. Mapped to HTTP in ErrorFilter and to socket acks in the live gateway, where the message
 * is rendered in the reader's language.
 */
export class DomainError extends Error {
  readonly status: ReasonStatus;

  constructor(
    readonly reason: Reason,
    readonly params: Params = {},
    readonly details?: unknown,
  ) {
    super(renderReason(reason, params, 'en'));
    this.name = 'DomainError';
    this.status = reasonStatus(reason);
  }

  get code(): ErrorCode {
    return errorCodeOf(this.status);
  }

  static notFound(what: Noun, id?: string): DomainError {
    return new DomainError('not_found', { what, ...(id ? { id } : {}) });
  }

  /** @deprecated a refusal names its reason: `new DomainError('permit.not_yours')`. */
  static forbidden(legacy?: string): DomainError {
    return legacy ? legacyRefusal(403, legacy) : new DomainError('forbidden');
  }

  /** @deprecated a refusal names its reason: `new DomainError('space.occupied', { code })`. */
  static conflict(legacy: string, details?: unknown): DomainError {
    return legacyRefusal(409, legacy, details);
  }

  /** @deprecated a refusal names its reason: `new DomainError('period.too_long', { days })`. */
  static invalid(legacy: string, details?: unknown): DomainError {
    return legacyRefusal(400, legacy, details);
  }
}

/** Errors thrown as "中文 / English" before reasons existed: still one language per reply. */
class LegacyRefusal extends DomainError {
  override readonly status: ReasonStatus;
  constructor(status: ReasonStatus, zh: string, en: string, details?: unknown) {
    super('legacy.refusal', { zh, en }, details);
    this.status = status;
  }
}

function legacyRefusal(status: ReasonStatus, message: string, details?: unknown): DomainError {
  if (isReason(message)) return new DomainError(message, {}, details);
  const split = message.indexOf(' / ');
  const zh = split >= 0 ? message.slice(0, split) : message;
  const en = split >= 0 ? message.slice(split + 3) : message;
  return new LegacyRefusal(status, zh, en, details);
}

export function errorCodeOf(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 414:
    case 422:
    case 431:
      return ErrorCode.Validation;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 410:
      return ErrorCode.Gone;
    case 408:
      return ErrorCode.Timeout;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 429:
      return ErrorCode.RateLimited;
    case 500:
      return ErrorCode.Internal;
    default:
      return ErrorCode.Unavailable;
  }
}

/** @deprecated use `reasonStatus` / `error.status`. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.Validation:
      return 400;
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.Gone:
      return 410;
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.Timeout:
      return 408;
    case ErrorCode.Unavailable:
      return 503;
    case ErrorCode.Internal:
      return 500;
  }
}
