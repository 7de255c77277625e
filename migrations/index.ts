// Every migration, in order. Add new ones at the end.
import { Foundation1763900000000 } from './1763900000000-foundation';

export const allMigrations = [Foundation1763900000000];
