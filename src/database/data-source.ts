// The DataSource the TypeORM CLI uses (npm run migration:*). The service builds its own from the
// same options in DatabaseModule.
import { DataSource } from 'typeorm';
import { databaseConfig } from '../config/database.config';
import { dataSourceOptions } from './data-source-options';

const url = databaseConfig().url;
if (!url) {
  throw new Error(
    'Set DATABASE_URL to run migration commands (e.g. postgres://postgres@127.0.0.1:5432/hutong).',
  );
}

export default new DataSource(dataSourceOptions(url));
