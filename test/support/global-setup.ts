import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { migrateDatabase } from '../../src/database/migrate';
import { DemoSeeder } from '../../src/database/demo-seed';
import { createApp } from '../../src/bootstrap';
import { databaseUrlFor, TEMPLATE_DB_ENV, ADMIN_URL_ENV } from './test-database';

declare global {
  var __EMBEDDED_PG_STOP__: (() => Promise<void>) | undefined;
}

/**
 * Starts one PostgreSQL for the whole run (TEST_DATABASE_URL, else an embedded one), migrates a
 * template database once, and lets each test file clone it (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  // Browser tests load the built client from dist/web, and tests that start `npm start`'s
  // dist/src/main.js build through src/build.mjs too (buildOnce). Both go through its stamp here,
  // before any test runs: a web build empties dist/web first, and one started by a test file
  // once left another file's browser without index.html (503 "web client not built").
  execFileSync(process.execPath, ['src/build.mjs'], { stdio: 'ignore' });
  let adminUrl = process.env.TEST_DATABASE_URL ?? '';
  if (!adminUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hutong-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
    adminUrl = embedded.url;
    globalThis.__EMBEDDED_PG_STOP__ = embedded.stop;
  }
  const template = `hutong_tpl_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const templateUrl = databaseUrlFor(adminUrl, template);
  await migrateDatabase(templateUrl);
  await seedTemplate(templateUrl);
  process.env[ADMIN_URL_ENV] = adminUrl;
  process.env[TEMPLATE_DB_ENV] = template;
}

/** Every test file starts from the demo lane, seeded once here through the real application. */
async function seedTemplate(url: string): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  const app = await createApp(url);
  try {
    await app.get(DemoSeeder).seed();
  } finally {
    await app.close();
  }
  // Test files clone the template, which PostgreSQL refuses while anyone is still connected.
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  await admin.end();
}
