import type { Door } from '../../src-shared/contract';
import type { Logger } from '../core/logger';
import { databaseFileIn } from '../paths/dataDir';
import { createBackend, type Backend } from './createBackend';

export interface AppFiles {
  migrationsDir: string;
  /** The background-job worker's entry. */
  workerFile: string;
  version: string;
}

/** What the CLI and the web door share: the backend on `<dataDir>/solocrm.db` with the shipped migrations. */
export function openBackendInDataDir(options: {
  dataDir: string;
  files: AppFiles;
  door: Door;
  logger: Logger;
  /** See BackendOptions.analyticsAutoRunMs: the web door re-runs analytics after changes, the CLI does not. */
  analyticsAutoRunMs?: number | null;
  /** See BackendOptions.reminders: the web door delivers follow-up reminders, the CLI does not. */
  reminders?: boolean;
}): Backend {
  return createBackend({
    dbFile: databaseFileIn(options.dataDir),
    migrationsDir: options.files.migrationsDir,
    workerFile: options.files.workerFile,
    version: options.files.version,
    door: options.door,
    logger: options.logger,
    analyticsAutoRunMs: options.analyticsAutoRunMs ?? null,
    reminders: options.reminders ?? false,
  });
}
