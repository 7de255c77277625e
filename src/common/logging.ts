import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type LogFn, type Logger } from 'pino';
import type { AppConfig } from '../config';

/**
 * The service's logs: JSON lines (pino) for machines, readable lines when a person watches a
 * terminal. Nest's start-up chatter (one line per module and per route, ~220 lines) is demoted to
 * debug, so the banner of `npm start` is what a person sees last; `LOG_LEVEL=debug` shows the
 * route table again.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: (req, res) => {
          const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
          res.setHeader('x-request-id', id);
          return id;
        },
        serializers: { req: requestInLog },
        autoLogging: { ignore: (req) => pathOf(req) === '/health' },
        hooks: { logMethod: startUpChatterAtDebug },
      },
      readableLogs(config) ? readableDestination() : jsonDestination(),
    ],
  };
}

/** Readable lines on a terminal (or LOG_FORMAT=pretty), JSON otherwise (or LOG_FORMAT=json). */
export function readableLogs(config: AppConfig): boolean {
  if (config.logFormat === 'json') return false;
  return config.logFormat === 'pretty' || process.stdout.isTTY === true;
}

const CHATTER = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader']);
const INFO = 30;

function startUpChatterAtDebug(
  this: Logger,
  args: Parameters<LogFn>,
  method: LogFn,
  level: number,
): void {
  const first: unknown = args[0];
  const context =
    first && typeof first === 'object' ? (first as { context?: unknown }).context : undefined;
  if (level === INFO && typeof context === 'string' && CHATTER.has(context)) {
    this.debug(...args);
    return;
  }
  method.apply(this, args);
}

/** What pino's request serializer makes of a request, before ours picks from it. */
interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A request as its log lines carry it: id, method, path, the caller's address and browser. No
 * other header: nothing read from them is worth a token or a cookie in the logs, and serializing
 * and redacting every header of every request cost a few percent of a scan's time (issue 15.5).
 */
export function requestInLog(req: SerializedRequest) {
  return {
    id: req.id,
    method: req.method,
    url: req.url,
    remoteAddress: req.remoteAddress,
    userAgent: req.headers['user-agent'],
  };
}

function pathOf(req: IncomingMessage): string {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  return url.split('?')[0] ?? '';
}

/** Written synchronously, so a line logged before the banner is printed before it. */
function jsonDestination(): DestinationStream {
  return { write: (line: string) => void process.stdout.write(line) };
}

function readableDestination(): DestinationStream {
  const colour = process.stdout.isTTY === true && !('NO_COLOR' in process.env);
  return { write: (line: string) => void process.stdout.write(readableLine(line, colour)) };
}

const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '90'],
  20: ['DEBUG', '90'],
  30: ['INFO ', '32'],
  40: ['WARN ', '33'],
  50: ['ERROR', '31'],
  60: ['FATAL', '41;97'],
};

interface LogRecord {
  level?: number;
  time?: number;
  context?: string;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { stack?: string; message?: string };
}

/** One JSON log line as a person reads it: `11:31:07 INFO  [Context] message`. */
export function readableLine(json: string, colour: boolean): string {
  let record: LogRecord;
  try {
    record = JSON.parse(json) as LogRecord;
  } catch {
    return json;
  }
  const paint = (code: string, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const [name, code] = LEVELS[record.level ?? INFO] ?? LEVELS[INFO]!;
  const time = new Date(record.time ?? Date.now()).toTimeString().slice(0, 8);
  const context = record.context ? `${paint('36', `[${record.context}]`)} ` : '';
  let text = record.msg ?? '';
  if (record.req?.method && record.res?.statusCode) {
    const took = record.responseTime !== undefined ? ` ${Math.round(record.responseTime)} ms` : '';
    text = `${record.req.method} ${record.req.url ?? ''} ${record.res.statusCode}${took}`;
  }
  const error = record.err?.stack ?? record.err?.message;
  const detail = error ? `\n${error.replace(/^/gm, '    ')}` : '';
  return `${paint('2', time)} ${paint(code, name)} ${context}${text}${detail}\n`;
}

/**
 * A Nest logger for what main.ts says before the application (and its logger) exists, in the
 * same format as everything after.
 */
export function startupLogger(config: AppConfig): LoggerService {
  const logger = pino(
    { level: config.logLevel },
    readableLogs(config) ? readableDestination() : jsonDestination(),
  );
  const at =
    (level: 'info' | 'warn' | 'error' | 'debug' | 'trace') =>
    (message: unknown, ...rest: unknown[]) => {
      const context = typeof rest[rest.length - 1] === 'string' ? rest[rest.length - 1] : undefined;
      logger[level]({ context }, String(message));
    };
  return {
    log: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    verbose: at('trace'),
  };
}
