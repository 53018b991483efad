import Database from 'better-sqlite3';
import { AppError } from '../core/errors';

/**
 * A connection with the settings every connection gets. Kept apart from open.ts (migrations,
 * drizzle, the schema) so that a worker job, which only needs a connection, starts without them.
 */

/** Connection settings, set explicitly on every open (the defaults differ between first open and reopen). */
export function connect(file: string, options: { fileMustExist?: boolean } = {}): Database.Database {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { timeout: 5000, fileMustExist: options.fileMustExist ?? false });
    // The first statement that reads the header: a file that is not SQLite fails here, before anything is written.
    sqlite.pragma('journal_mode = WAL');
    // NORMAL in WAL survives application crashes; a power cut may lose the last commits but never corrupts.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw new AppError(
      'DB_UNREADABLE',
      `${file} could not be opened as a SoloCRM database (${(error as Error).message}). The file was left untouched; restore it from a backup or choose another data folder.`,
    );
  }
}

/**
 * A second connection to a database the backend has already opened and migrated: a worker
 * job's own connection (better-sqlite3 connections cannot cross threads).
 */
export function openWorkerConnection(file: string): Database.Database {
  const sqlite = connect(file, { fileMustExist: true });
  // A job writes or reads tens of MB in one transaction (an import of 100,000 customers and its
  // search rows). With the default 2 MB page cache the transaction spills pages to the WAL and
  // reads them back (an import of 100,000 customers was ~1 s slower). 16 MB gains as much as
  // 64 MB did, in a process whose memory budget is 400 MB.
  sqlite.pragma(`cache_size = -${WORKER_CACHE_MB * 1024}`);
  return sqlite;
}

const WORKER_CACHE_MB = 16;
