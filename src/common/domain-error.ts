import type { Params } from '../shared/i18n';
import {
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
