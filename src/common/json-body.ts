import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { DomainError } from './domain-error';

/**
 * How deep and how wide a JSON body may be. Our largest legitimate bodies (a year of holidays, a
 * lane's outline, a convention draft) stay under 6 levels and 2,000 keys; a body nested thousands
 * of levels deep overflowed the validator's stack, and a wide one costs it ~10× a flat body of the
 * same size.
 */
export const JSON_LIMITS = { maxDepth: 32, maxEntries: 10_000 } as const;

export interface JsonShapeLimits {
  maxDepth: number;
  /** Object keys plus array items, counted over the whole body. */
  maxEntries: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * Refuses a JSON text nested deeper or holding more entries than allowed, in one pass over the
 * characters, before anything is parsed: the cost is linear and no structure is built. Malformed
 * JSON is left for the parser to refuse.
 */
export function checkJsonShape(text: string, limits: JsonShapeLimits = JSON_LIMITS): void {
  // Whether each open container is an array; never longer than maxDepth.
  const inArray: boolean[] = [];
  let entries = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (inArray.length >= limits.maxDepth) {
          throw new DomainError('request.too_deep', { limit: limits.maxDepth });
        }
        inArray.push(c === OPEN_ARRAY);
        // An array's first item has no comma before it: count it on opening.
        if (c === OPEN_ARRAY) entries++;
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        inArray.pop();
        break;
      case COLON:
        entries++;
        break;
      case COMMA:
        if (inArray[inArray.length - 1]) entries++;
        break;
    }
    if (entries > limits.maxEntries) {
      throw new DomainError('request.too_many_keys', { limit: limits.maxEntries });
    }
  }
}

/**
 * The one JSON parser: checks the body's shape first, then parses it as Fastify would
 * (prototype-poisoning keys refused, empty and malformed bodies reported as before). Registering
 * it through Nest keeps Nest from adding its own; no other body type is read as a form, so a
 * form-encoded body is refused as an unsupported media type like any other.
 */
export function useBoundedJsonParser(app: NestFastifyApplication): void {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    const text = body.toString('utf8');
    try {
      checkJsonShape(text);
    } catch (error) {
      done(error as DomainError, undefined);
      return;
    }
    // Nest turns Fastify's own parse errors into a bare HttpException (code lost): name them here.
    void parse(request, text, (error, value) => {
      if (!error) return done(null, value);
      const code = (error as { code?: string }).code;
      done(
        new DomainError(
          code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'request.empty_body' : 'request.malformed_json',
        ),
        undefined,
      );
    });
  });
}
