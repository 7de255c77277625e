import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { databaseConfig } from './database.config';
import { liveConfig } from './live.config';
import { outboxConfig } from './outbox.config';
import { permitsConfig } from './permits.config';
import { retentionConfig } from './retention.config';
import { rostersConfig } from './rosters.config';
import { sharingConfig } from './sharing.config';

export {
  appConfig,
  authConfig,
  databaseConfig,
  liveConfig,
  outboxConfig,
  permitsConfig,
  retentionConfig,
  rostersConfig,
  sharingConfig,
};
export type { AppConfig } from './app.config';
export type { AuthConfig, LoginLimits } from './auth.config';
export type { DatabaseConfig } from './database.config';
export type { LiveConfig } from './live.config';
export type { OutboxConfig } from './outbox.config';
export type { PermitsConfig } from './permits.config';
export type { RetentionConfig } from './retention.config';
export type { RostersConfig } from './rosters.config';
export type { SharingConfig } from './sharing.config';

export const allConfig = [
  appConfig,
  authConfig,
  databaseConfig,
  liveConfig,
  outboxConfig,
  permitsConfig,
  retentionConfig,
  rostersConfig,
  sharingConfig,
];
