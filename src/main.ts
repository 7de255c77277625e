import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap';
import { Clock } from './common/clock';
import { appConfig, databaseConfig } from './config';
import { DEMO_PASSWORD } from './associations/demo-data';
import { seedDemo } from './database/demo-seed';
import { ensureDatabase } from './database/ensure-database';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { migrateDatabase } from './database/migrate';

async function main(): Promise<void> {
  const logger = new Logger('hutong-parking');
  const app$ = appConfig();
  const db = databaseConfig();

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = db.url;
  if (!databaseUrl) {
    logger.log(`No DATABASE_URL: starting embedded PostgreSQL in ${db.embeddedDataDir}`);
    embedded = await startEmbeddedPostgres({
      dataDir: db.embeddedDataDir,
      port: db.embeddedPort,
      persistent: true,
    });
    databaseUrl = await ensureDatabase(embedded.url, 'hutong');
  }

  const applied = await migrateDatabase(databaseUrl);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

  const app = await createApp(databaseUrl);
  if (app$.seedDemo && (await seedDemo(app.get(DataSource), app.get(Clock).now()))) {
    logger.log('Loaded the demo lane (下岗胡同, 4143车友会)');
  }
  await app.listen({ port: app$.port, host: app$.host });

  const base = app$.publicUrl || `http://localhost:${app$.port}`;
  const lines = [
    '',
    `  hutong-parking is running`,
    `  web client   ${base}/app/`,
    `  API docs     ${base}/api/docs`,
    `  health       ${base}/health`,
    `  database     ${embedded ? `embedded PostgreSQL (${db.embeddedDataDir})` : 'DATABASE_URL'}`,
    ...(app$.seedDemo
      ? [
          `  demo logins  password ${DEMO_PASSWORD}: 13800000001 council admin, 13800000002-04 wardens,`,
          `               13800000010-45 residents, 13800000100-101 resident units, 13800000200 street office`,
        ]
      : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests and stopping`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
