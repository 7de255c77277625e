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
import { etagOf, matchesEtag, resolveWebTarget } from './web-files';

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
  index(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply) {
    return this.sendIndex(ifNoneMatch, reply);
  }

  @Get('app/*')
  async asset(
    @Param('*') requested: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const target = resolveWebTarget(WEB_DIR, requested ?? '');
    switch (target.kind) {
      case 'index':
        return this.sendIndex(ifNoneMatch, reply);
      case 'not-found':
        throw DomainError.notFound('file', requested);
      case 'file':
        if (!(await this.send(target.absolutePath, target.contentType, ifNoneMatch, reply))) {
          if (!(await isBuilt())) throw this.notBuilt();
          throw DomainError.notFound('file', requested);
        }
    }
  }

  private async sendIndex(ifNoneMatch: string | undefined, reply: FastifyReply): Promise<void> {
    // Its Content-Security-Policy: web-policy.ts, set with the other headers in one onSend hook.
    const sent = await this.send(
      path.join(WEB_DIR, 'index.html'),
      'text/html; charset=utf-8',
      ifNoneMatch,
      reply,
    );
    if (!sent) throw this.notBuilt();
  }

  /** Sends the file, or 304 if the browser's copy is current; false if there is no such file. */
  private async send(
    file: string,
    contentType: string,
    ifNoneMatch: string | undefined,
    reply: FastifyReply,
  ): Promise<boolean> {
    let body: Buffer;
    let etag: string;
    try {
      const stats = await stat(file);
      if (!stats.isFile()) return false;
      etag = etagOf(stats);
      body = await readFile(file);
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    // The file names are stable (app.js, app.css), so browsers revalidate on every load; the
    // ETag makes that a 304 unless a new build replaced the file.
    void reply.header('cache-control', 'no-cache').header('etag', etag);
    if (matchesEtag(ifNoneMatch, etag)) {
      void reply.status(304).send();
    } else {
      void reply.type(contentType).send(body);
    }
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
