import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type * as AssociationsDemo from './associations/demo-data';
import { bannerLines, baseUrls, startupFailureMessage } from './banner';
import type * as Bootstrap from './bootstrap';
import type * as ClockModule from './common/clock';
import { readableLogs, startupLogger } from './common/logging';
import { appConfig, databaseConfig } from './config';
import type * as DemoSeed from './database/demo-seed';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import type * as EnsureDatabase from './database/ensure-database';
import type * as GuardedClient from './database/guarded-client';
import type * as Migrate from './database/migrate';

const STOP_TIMEOUT_MS = 10_000;

/**
 * The application's modules, loaded on first use: with the embedded database that is while
 * PostgreSQL starts, so loading them (most of a warm start) and PostgreSQL's start overlap.
 */
let modules: ReturnType<typeof loadApplication> | undefined;
function loadApplication() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('./bootstrap') as typeof Bootstrap),
    ...(require('./database/migrate') as typeof Migrate),
    ...(require('./database/ensure-database') as typeof EnsureDatabase),
    ...(require('./database/guarded-client') as typeof GuardedClient),
    ...(require('./database/demo-seed') as typeof DemoSeed),
    ...(require('./common/clock') as typeof ClockModule),
    ...(require('./associations/demo-data') as typeof AssociationsDemo),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
const application = () => (modules ??= loadApplication());

async function main(): Promise<void> {
  const config = appConfig();
  const db = databaseConfig();
  Logger.overrideLogger(startupLogger(config));
  const logger = new Logger('hutong-parking');

  let app: NestFastifyApplication | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let stopping = false;
  // The embedded PostgreSQL runs in its own process group, so the terminal's Ctrl-C reaches only
  // us: the app finishes its requests and closes its connections, then the database stops.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests and stopping`);
    const timer = setTimeout(() => {
      logger.warn(`still stopping after ${STOP_TIMEOUT_MS / 1000} s: stopping anyway`);
      void embedded?.stop().finally(() => process.exit(1));
    }, STOP_TIMEOUT_MS);
    try {
      await app?.close();
    } catch (error) {
      logger.warn(`while closing: ${(error as Error).message}`);
    }
    if (embedded) await application().connectionsEnded(2_000);
    await embedded?.stop();
    clearTimeout(timer);
    logger.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    let databaseUrl = db.url;
    if (!databaseUrl) {
      logger.log(`No DATABASE_URL: starting embedded PostgreSQL in ${db.embeddedDataDir}`);
      embedded = await startEmbeddedPostgres({
        dataDir: db.embeddedDataDir,
        port: db.embeddedPort,
        persistent: true,
        onLog: (message) => logger.log(message),
        onSpawned: () => {
          try {
            application();
          } catch {
            // Loaded again below, where the failure is reported.
          }
        },
      });
      databaseUrl = await application().ensureDatabase(embedded.url, 'hutong');
    }
    const { createApp, migrateDatabase, DemoSeeder, Clock } = application();

    const applied = await migrateDatabase(databaseUrl);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

    app = await createApp(databaseUrl);
    if (config.seedDemo && (await app.get(DemoSeeder).seed(app.get(Clock).now()))) {
      logger.log('Loaded the demo lane (下岗胡同, 4143车友会)');
    }
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if (stopping) return;
    stopping = true;
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }

  const facts = {
    publicUrl: config.publicUrl,
    host: config.host,
    port: config.port,
    database: embedded
      ? `embedded PostgreSQL (${db.embeddedDataDir}, port ${new URL(embedded.url).port})`
      : 'DATABASE_URL',
    demoLogins: config.seedDemo,
    demoPassword: application().DEMO_PASSWORD,
  };
  if (readableLogs(config)) {
    process.stdout.write(bannerLines(facts).join('\n') + '\n');
  } else {
    new Logger('hutong-parking').log({ msg: 'hutong-parking is running', urls: baseUrls(facts) });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(startupFailureMessage(error, appConfig().port) + '\n');
  process.exit(1);
});
