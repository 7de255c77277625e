import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { databaseConfig } from './database.config';
import { liveConfig } from './live.config';
import { permitsConfig } from './permits.config';
import { sharingConfig } from './sharing.config';

export { appConfig, authConfig, databaseConfig, liveConfig, permitsConfig, sharingConfig };
export type { AppConfig } from './app.config';
export type { AuthConfig, LoginLimits } from './auth.config';
export type { DatabaseConfig } from './database.config';
export type { LiveConfig } from './live.config';
export type { PermitsConfig } from './permits.config';
export type { SharingConfig } from './sharing.config';

export const allConfig = [
  appConfig,
  authConfig,
  databaseConfig,
  liveConfig,
  permitsConfig,
  sharingConfig,
];
