/** Every refusal the domain can give. Mapped to HTTP in DomainErrorFilter and to WsException in the gateway. */
export enum ErrorCode {
  Validation = 'validation',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  RateLimited = 'rate_limited',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError(
      ErrorCode.NotFound,
      `未找到${whatZh(what)} / ${what} ${id ? `"${id}" ` : ''}not found`,
    );
  }

  static forbidden(reason = '无权操作 / you may not do this'): DomainError {
    return new DomainError(ErrorCode.Forbidden, reason);
  }

  static conflict(message: string, details?: unknown): DomainError {
    return new DomainError(ErrorCode.Conflict, message, details);
  }

  static invalid(message: string, details?: unknown): DomainError {
    return new DomainError(ErrorCode.Validation, message, details);
  }
}

const WHAT_ZH: Record<string, string> = {
  association: '车友会',
  lane: '胡同',
  household: '住户',
  member: '成员',
  vehicle: '车辆',
  space: '车位',
  shift: '班次',
  'shift assignment': '排班',
  'shift swap': '换班',
  unavailability: '请假记录',
};

function whatZh(what: string): string {
  return WHAT_ZH[what] ?? '';
}

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
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.RateLimited:
      return 429;
  }
}
