import { Client } from 'pg';
import { ADMIN_URL_ENV, TEMPLATE_DB_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  const template = process.env[TEMPLATE_DB_ENV];
  if (adminUrl && template && process.env.TEST_DATABASE_URL) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__EMBEDDED_PG_STOP__?.();
}
