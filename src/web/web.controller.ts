import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  Controller,
  Get,
  Headers,
  HttpException,
  HttpStatus,
  Logger,
  Param,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { DomainError } from '../common/domain-error';
import {
  acceptedEncodings,
  cacheControlOf,
  type ContentEncoding,
  encodedPath,
  etagOf,
  matchesEtag,
  resolveWebTarget,
} from './web-files';

/** What a reply needs from the request: its validator and the encodings it takes. */
interface Asked {
  ifNoneMatch: string | undefined;
  acceptEncoding: string | undefined;
}

// This file runs from <root>/src/web (ts-node, jest) or <root>/dist/src/web (node dist/...);
// `npm run build:web` writes the client to <root>/dist/web either way.
const SOURCE_ROOT = path.resolve(__dirname, '..', '..');
const REPO_ROOT = path.basename(SOURCE_ROOT) === 'dist' ? path.dirname(SOURCE_ROOT) : SOURCE_ROOT;
export const WEB_DIR = path.join(REPO_ROOT, 'dist', 'web');

const NOT_BUILT = 'web client not built: run npm run build';

/** Serves the web client from dist/web under /app/; any path without an extension is a client route. */
@ApiExcludeController()
@Public()
@Controller()
export class WebController {
  private readonly logger = new Logger('WebClient');
  private warnedNotBuilt = false;

  @Get()
  root(@Res() reply: FastifyReply): void {
    void reply.redirect('/app/', 302);
  }

  @Get('app')
  index(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    return this.sendIndex({ ifNoneMatch, acceptEncoding }, reply);
  }

  @Get('app/*')
  async asset(
    @Param('*') requested: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const asked = { ifNoneMatch, acceptEncoding };
    const target = resolveWebTarget(WEB_DIR, requested ?? '');
    switch (target.kind) {
      case 'index':
        return this.sendIndex(asked, reply);
      case 'not-found':
        throw DomainError.notFound('file', requested);
      case 'file':
        if (!(await this.send(target.absolutePath, target.contentType, asked, reply))) {
          if (!(await isBuilt())) throw this.notBuilt();
          throw DomainError.notFound('file', requested);
        }
    }
  }

  private async sendIndex(asked: Asked, reply: FastifyReply): Promise<void> {
    // Its Content-Security-Policy: web-policy.ts, set with the other headers in one onSend hook.
    const sent = await this.send(
      path.join(WEB_DIR, 'index.html'),
      'text/html; charset=utf-8',
      asked,
      reply,
    );
    if (!sent) throw this.notBuilt();
  }

  /**
   * Sends the file in the best encoding the request accepts that the build wrote (.br, .gz),
   * or 304 if the browser's copy is current; false if there is no such file.
   */
  private async send(
    file: string,
    contentType: string,
    asked: Asked,
    reply: FastifyReply,
  ): Promise<boolean> {
    const found = await readBest(file, acceptedEncodings(asked.acceptEncoding));
    if (!found) return false;
    // Each encoding is its own file, so its ETag (size, time) differs from the others'.
    void reply
      .header('cache-control', cacheControlOf(file))
      .header('vary', 'accept-encoding')
      .header('etag', found.etag);
    if (matchesEtag(asked.ifNoneMatch, found.etag)) {
      void reply.status(304).send();
      return true;
    }
    if (found.encoding) void reply.header('content-encoding', found.encoding);
    void reply.type(contentType).send(found.body);
    return true;
  }

  private notBuilt(): HttpException {
    if (!this.warnedNotBuilt) {
      this.warnedNotBuilt = true;
      this.logger.warn(`${NOT_BUILT} (looked in ${WEB_DIR})`);
    }
    return new HttpException({ message: NOT_BUILT }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/** The first encoded form that exists, else the file itself; null when there is no such file. */
async function readBest(
  file: string,
  encodings: readonly ContentEncoding[],
): Promise<{ body: Buffer; etag: string; encoding: ContentEncoding | null } | null> {
  for (const encoding of [...encodings, null]) {
    const candidate = encoding ? encodedPath(file, encoding) : file;
    try {
      const stats = await stat(candidate);
      if (!stats.isFile()) continue;
      return { body: await readFile(candidate), etag: etagOf(stats), encoding };
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return null;
}

async function isBuilt(): Promise<boolean> {
  try {
    return (await stat(path.join(WEB_DIR, 'index.html'))).isFile();
  } catch {
    return false;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
