import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, httpStatusOf } from './domain-error';
import type { ErrorBody } from './error-body';

const ERROR_NAMES: Record<number, string> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Turns every failure into the one error body; unexpected ones are logged and hidden. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception);
    // A route that answers CSV or iCalendar has set its content type already; errors are JSON.
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = httpStatusOf(exception.code);
    return {
      statusCode,
      error: exception.code,
      message: exception.message,
      details: exception.details,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const raw =
      typeof response === 'object' && response !== null ? response : { message: response };
    const { message, details } = raw as { message?: unknown; details?: unknown };
    const messages = Array.isArray(message) ? message.map(String) : undefined;
    return {
      statusCode,
      error: ERROR_NAMES[statusCode] ?? (statusCode >= 500 ? 'internal' : 'bad_request'),
      message: messages
        ? `请求无效 / invalid request: ${messages.join('; ')}`
        : typeof message === 'string'
          ? message
          : exception.message,
      details: details ?? messages,
    };
  }
  if (exception instanceof QueryFailedError) {
    const fromDatabase = mapDatabaseError(exception as QueryFailedError<Error>);
    if (fromDatabase) return fromDatabase;
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return {
      statusCode: fastifyError.statusCode,
      error: ERROR_NAMES[fastifyError.statusCode] ?? 'bad_request',
      message: describeFastifyError(fastifyError.code, fastifyError.message),
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'internal',
    message: '服务器内部错误 / internal error',
  };
}

function describeFastifyError(code: string | undefined, message = ''): string {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return '请求体过大 / request body too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '不支持的内容类型 / unsupported content type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求体为空 / empty JSON body';
    case undefined:
    default:
      if (message.includes('JSON')) return `JSON格式错误 / malformed JSON: ${message}`;
      return message || '请求无效 / invalid request';
  }
}

/** Input that slipped past validation but broke a database rule is still the caller's error. */
function mapDatabaseError(error: QueryFailedError<Error>): ErrorBody | undefined {
  const driver = error.driverError as { code?: string; constraint?: string; detail?: string };
  switch (driver.code) {
    case '23505':
    case '23P01':
      return {
        statusCode: 409,
        error: 'conflict',
        message: `与现有记录冲突 / conflicts with an existing record (${driver.constraint ?? 'unique'})`,
        details: { constraint: driver.constraint },
      };
    case '23503':
      return {
        statusCode: 409,
        error: 'conflict',
        message: `引用的记录不存在或仍被使用 / a referenced record is missing or still in use (${driver.constraint ?? 'foreign key'})`,
        details: { constraint: driver.constraint },
      };
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
      return {
        statusCode: 400,
        error: 'validation',
        message: `数据不符合规则 / value breaks a rule (${driver.constraint ?? driver.code})`,
        details: { constraint: driver.constraint },
      };
    case undefined:
    default:
      return undefined;
  }
}
