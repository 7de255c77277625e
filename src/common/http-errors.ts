import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { pickLang } from '../shared/i18n';
import type { Reason } from '../shared/reasons';
import { DomainError } from './domain-error';
import { langOf, toErrorBody } from './error.filter';
import { applySecurityHeaders, BASE_SECURITY_HEADERS } from './security-headers';

/**
 * Refusals given before a route is found, in the one error body and the reader's language:
 * Fastify's own (a malformed percent-encoding, a path segment past the router's limit) and
 * Node's HTTP parser's (headers too large, a request line that is not HTTP), which reach no
 * Fastify code at all. Pass the result to the FastifyAdapter.
 */
export function httpErrorHandlers(): Pick<
  FastifyServerOptions,
  'frameworkErrors' | 'clientErrorHandler'
> {
  return { frameworkErrors: onFrameworkError, clientErrorHandler: onClientError };
}

function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const reason: Reason =
    error.code === 'FST_ERR_BAD_URL'
      ? 'request.bad_url'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'request.uri_too_long'
        : 'internal';
  const body = toErrorBody(new DomainError(reason), langOf(request));
  // These replies are sent outside any route, so the onSend hook does not see them.
  applySecurityHeaders(request, reply);
  void reply
    .status(body.statusCode)
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-language', langOf(request))
    .send(body);
}

/** The parser's error codes that mean "too large" (Node names them after llhttp's). */
const PARSER_REFUSALS: Record<string, Reason> = {
  HPE_HEADER_OVERFLOW: 'request.headers_too_large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request.timeout',
  ERR_HTTP_HEADERS_TIMEOUT: 'request.timeout',
};

/** Past this, a request line that has not ended is a too-long address, not too many headers. */
const LONGEST_REQUEST_LINE = 8 * 1024;

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/**
 * Node's `clientError`: the request could not be read as HTTP. Answers with a minimal response
 * written to the socket (there is no request object to reply through) and closes it.
 */
export function onClientError(connectionError: Error, socket: Socket): void {
  // Fastify types rawPacket as JSON; Node hands over the Buffer itself.
  const error = connectionError as ParserError;
  // A reset connection has no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const raw = error.rawPacket?.subarray(0, 64 * 1024).toString('latin1') ?? '';
  let reason: Reason = PARSER_REFUSALS[error.code ?? ''] ?? 'request.malformed';
  if (reason === 'request.headers_too_large' && requestLineTooLong(raw)) {
    reason = 'request.uri_too_long';
  }
  const lang = pickLang(/\r\naccept-language:[ \t]*([^\r\n]{0,256})/i.exec(raw)?.[1]);
  const body = JSON.stringify(toErrorBody(new DomainError(reason), lang));
  const status = new DomainError(reason).status;
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'content-language': lang,
    'cache-control': 'no-store',
    ...BASE_SECURITY_HEADERS,
    connection: 'close',
  };
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        `\r\n${body}`,
    );
  }
  socket.destroy();
}

function requestLineTooLong(raw: string): boolean {
  const end = raw.indexOf('\r\n');
  return end < 0 ? raw.length >= LONGEST_REQUEST_LINE : end >= LONGEST_REQUEST_LINE;
}
