import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { type Lang, pickLang } from '../shared/i18n';
import { CONSTRAINT_REASONS, type Reason, renderReason } from '../shared/reasons';
import { DomainError, errorCodeOf } from './domain-error';
import type { ErrorBody } from './error-body';
import { ValidationFailure } from './validation';

/** Turns every failure into the one error body, in the request's language; unexpected ones are logged and hidden. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toErrorBody(exception, langOf(request));
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception);
    // A rate limit says when to come back (RFC 9110 Retry-After, in seconds).
    const seconds = body.reason === 'rate.limited' ? Number(body.params?.seconds) : NaN;
    if (Number.isFinite(seconds) && seconds > 0) void reply.header('retry-after', String(seconds));
    // A route that answers CSV or iCalendar has set its content type already; errors are JSON.
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-language', langOf(request))
      .send(body);
  }
}

export function langOf(request: { headers: Record<string, string | string[] | undefined> }): Lang {
  const header = request.headers['accept-language'];
  return pickLang(Array.isArray(header) ? header[0] : header);
}

/** The error body for any failure, its message rendered in `lang`. */
export function toErrorBody(exception: unknown, lang: Lang): ErrorBody {
  const refusal = asDomainError(exception);
  const body: ErrorBody = {
    statusCode: refusal.status,
    error: errorCodeOf(refusal.status),
    reason: refusal.reason,
    message: renderReason(refusal.reason, refusal.params, lang),
  };
  if (Object.keys(refusal.params).length > 0) {
    body.params = refusal.params;
  }
  if (refusal instanceof ValidationFailure) {
    body.details = refusal.fields.map((field) => ({
      field: field.field,
      rules: field.rules,
      problems: field.problems.map((p) => renderReason(p.reason, p.params, lang)),
    }));
  } else if (refusal.details !== undefined) {
    body.details = refusal.details;
  }
  return body;
}

/** Any failure as a DomainError: ours as they are, the framework's and the database's mapped. */
export function asDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) return fromStatus(exception.getStatus());
  if (isDatabaseUnavailable(exception)) return new DomainError('service.unavailable');
  if (exception instanceof QueryFailedError) {
    const mapped = fromDatabase(exception as QueryFailedError<Error>);
    if (mapped) return mapped;
  }
  const fastifyError = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    const code = typeof fastifyError.code === 'string' ? fastifyError.code : '';
    const aboutJson =
      exception instanceof SyntaxError || String(fastifyError.message).includes('JSON');
    return fromFastify(fastifyError.statusCode, aboutJson ? 'FST_ERR_CTP_INVALID_JSON_BODY' : code);
  }
  return new DomainError('internal');
}

function fromStatus(status: number): DomainError {
  const reasons: Record<number, Reason> = {
    401: 'auth.login_required',
    403: 'forbidden',
    405: 'request.method_not_allowed',
    413: 'request.too_large',
    415: 'request.unsupported_media_type',
    429: 'rate.limited',
    503: 'service.unavailable',
  };
  if (status === 404) return DomainError.notFound('route');
  const reason = reasons[status] ?? (status >= 500 ? 'internal' : 'request.bad');
  return new DomainError(reason, reason === 'rate.limited' ? { seconds: 60 } : {});
}

function fromFastify(status: number, code: string): DomainError {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('request.too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('request.unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('request.empty_body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError('request.malformed_json');
    default:
      return fromStatus(status);
  }
}

/**
 * Input that slipped past validation but broke a database rule is still the caller's error. The
 * reply never names the constraint: CONSTRAINT_REASONS says what it means to the reader.
 */
function fromDatabase(error: QueryFailedError<Error>): DomainError | undefined {
  const driver = error.driverError as { code?: string; constraint?: string };
  const known = driver.constraint ? CONSTRAINT_REASONS[driver.constraint] : undefined;
  if (known) return new DomainError(known);
  switch (driver.code) {
    case '23505':
    case '23P01':
      return new DomainError('record.conflict');
    case '23503':
      return new DomainError('record.in_use');
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
    case '22P05':
      return new DomainError('record.rule_broken');
    case undefined:
    default:
      return undefined;
  }
}
