import type { DataSourceOptions } from 'typeorm';
import { allMigrations } from '../../migrations';

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: allMigrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // Schema changes go through migrations/ only.
    synchronize: false,
    extra: { max: poolSize },
  };
}
