// What every service receives: the database, the clock, the configuration and the file store.
// Built once at start-up (and per test), never a global.
import type { Clock } from '../domain/clock.ts';
import type { Config } from './config.ts';
import type { Database, DatabaseHandle } from './db/database.ts';
import type { FileStorage } from './storage/file-storage.ts';

export interface AppContext {
  db: Database;
  /** Read replica (or the primary) for lists and statistics. */
  reader: Database;
  engine: DatabaseHandle['engine'];
  clock: Clock;
  config: Config;
  storage: FileStorage;
}

/** The signed-in staff member, as the policies see them. */
export interface Actor {
  userId: number;
  orgId: number;
  orgPath: string;
  /** Path of the subtree the user works on: a petition bureau works for its government's whole area. */
  scopePath: string;
  role: import('../shared/enums.ts').Role;
  displayName: string;
  username: string;
}

/** Who is acting: staff, a citizen on the portal, or the system (jobs). */
export type Principal =
  | { kind: 'staff'; actor: Actor; ip?: string }
  | { kind: 'petitioner'; ip?: string }
  | { kind: 'system' };
