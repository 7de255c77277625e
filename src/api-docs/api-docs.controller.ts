import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { DomainError } from '../common/domain-error';
import { NOT_FRAMED, type PagePolicy } from '../common/security-headers';

const UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>hutong-parking API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/assets/start.js"></script>
</body></html>`;

// A file, not an inline script, so the page's Content-Security-Policy allows no inline script.
const START = `window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#ui', persistAuthorization: true });`;

/** Swagger UI's own scripts and styles (it sets inline styles), and the API it describes. */
export const API_DOCS_PAGES: PagePolicy = {
  prefix: '/api/docs',
  policy: () =>
    [
      "default-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "object-src 'none'",
      ...NOT_FRAMED,
    ].join('; '),
};

/** Swagger UI from the bundled swagger-ui-dist package: nothing is fetched from the internet. */
@ApiExcludeController()
@Public()
@Controller('api/docs')
export class ApiDocsController {
  @Get()
  page(@Res() reply: FastifyReply): void {
    void reply.type('text/html; charset=utf-8').send(PAGE);
  }

  @Get('assets/:file')
  async asset(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    if (file === 'start.js') {
      return void reply.type('application/javascript; charset=utf-8').send(START);
    }
    const type = ASSETS[file];
    if (!type) throw DomainError.notFound('file', file);
    const body = await readFile(path.join(UI_DIR, file));
    void reply.type(type).header('cache-control', 'public, max-age=86400').send(body);
  }
}
