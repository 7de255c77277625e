import type { DataSourceOptions } from 'typeorm';
import { allMigrations } from '../../migrations';
import { GuardedClient } from './guarded-client';

export function dataSourceOptions(
  url: string,
  poolSize = 10,
  connectTimeoutMs = 5000,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: allMigrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // Schema changes go through migrations/ only.
    synchronize: false,
    applicationName: 'hutong-parking',
    // A database that does not answer makes a request fail (503) instead of wait forever.
    connectTimeoutMS: connectTimeoutMs,
    extra: { max: poolSize, Client: GuardedClient },
  };
}
