import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { API_DOCS_PAGES } from './api-docs/api-docs.controller';
import { AppModule } from './app.module';
import { appConfig, liveConfig } from './config';
import { ErrorFilter } from './common/error.filter';
import { XLSX_TYPE } from './common/ledger/ledger-download';
import { httpErrorHandlers } from './common/http-errors';
import { useBoundedJsonParser } from './common/json-body';
import { addSecurityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { LiveIoAdapter } from './live/live-io.adapter';
import { WEB_CLIENT_PAGES } from './web/web-policy';

const CSV_BODY_LIMIT = 4 * 1024 * 1024;

/** Builds the application exactly as production runs it; tests call this too. */
export async function createApp(databaseUrl: string): Promise<NestFastifyApplication> {
  const { bodyLimitBytes, trustProxy } = appConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: bodyLimitBytes,
    trustProxy,
    ...httpErrorHandlers(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ databaseUrl }),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  addSecurityHeaders(fastify, [WEB_CLIENT_PAGES, API_DOCS_PAGES]);
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  // Workbooks the council uploads (行驶证 owners): kept as bytes for exceljs.
  fastify.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  useBoundedJsonParser(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  // Socket.IO across instances (PostgreSQL, or Redis when REDIS_URL is set); closed with the app.
  app.useWebSocketAdapter(new LiveIoAdapter(app, { databaseUrl, redisUrl: liveConfig().redisUrl }));
  setUpOpenApi(app);
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('hutong-parking')
    .setDescription(
      'Parking self-governance for hutong car-owner associations (车友会). Every error has the body ' +
        '{ statusCode, error, message, details }. Log in at POST /api/auth/login and send the access token as a Bearer token.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

function setUpOpenApi(app: NestFastifyApplication): void {
  // The UI itself is served by ApiDocsController from the bundled swagger-ui-dist.
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    ui: false,
    raw: ['json'],
  });
}
