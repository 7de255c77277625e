// Every migration, in order. Add new ones at the end.
import { Foundation1763900000000 } from './1763900000000-foundation';
import { Spaces1763900100000 } from './1763900100000-spaces';
import { LiveAdapter1763900110000 } from './1763900110000-live-adapter';
import { Permits1763900200000 } from './1763900200000-permits';
import { Sharing1763900300000 } from './1763900300000-sharing';
import { Rosters1763900400000 } from './1763900400000-rosters';
import { Conventions1763900500000 } from './1763900500000-conventions';
import { OnDutyFlags1763900600000 } from './1763900600000-on-duty-flags';
import { IdempotentRequests1764200000000 } from './1764200000000-idempotent-requests';

export const allMigrations = [
  Foundation1763900000000,
  Spaces1763900100000,
  LiveAdapter1763900110000,
  Permits1763900200000,
  Sharing1763900300000,
  Rosters1763900400000,
  Conventions1763900500000,
  OnDutyFlags1763900600000,
  IdempotentRequests1764200000000,
];
