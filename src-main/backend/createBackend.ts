import { dirname } from 'node:path';
import { effectiveRegion, type Door } from '../../src-shared/contract';
import { systemClock, type Clock } from '../core/clock';
import { EventHub, type PushListener } from '../core/events';
import { silentLogger, type Logger } from '../core/logger';
import { BatchService } from '../batches/service';
import { customerHandlers } from '../customers/handlers';
import { CustomerSearch } from '../customers/search';
import { CustomerService } from '../customers/service';
import { openDatabase } from '../db/open';
import { appHandlers } from '../settings/handlers';
import { SettingsService } from '../settings/service';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { pendingHandlers } from './pending';

export interface BackendOptions {
  dbFile: string;
  migrationsDir: string;
  door: Door;
  version: string;
  clock?: Clock;
  logger?: Logger;
}

export interface Backend {
  dispatch: Dispatch;
  /** Push events for the doors to forward (IPC `webContents.send`, SSE). Returns an unsubscribe. */
  subscribe(listener: PushListener): () => void;
  close(): void;
}

/** The whole application behind one `dispatch`, knowing nothing of Electron, HTTP or argv. */
export function createBackend(options: BackendOptions): Backend {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const events = new EventHub();
  const { sqlite, db, schemaVersion } = openDatabase({
    file: options.dbFile,
    migrationsDir: options.migrationsDir,
    logger,
  });

  const settings = new SettingsService(db, events);
  const batches = new BatchService(sqlite, clock);
  const customers = new CustomerService({ sqlite, db, clock, events, settings });
  const search = new CustomerSearch(sqlite, db);
  customers.records.backfill(effectiveRegion(settings.get()));
  const info = () => ({
    version: options.version,
    door: options.door,
    dataDir: dirname(options.dbFile),
    databaseFile: options.dbFile,
    schemaVersion,
  });

  const handlers: Handlers = {
    ...appHandlers(settings, info),
    ...customerHandlers(customers, search, db),
    'batches.undo': ({ batchId }) => {
      const result = batches.undo(batchId);
      events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
      return result;
    },
    ...pendingHandlers(),
  };

  return {
    dispatch: createDispatcher(handlers, logger),
    subscribe: (listener) => events.subscribe(listener),
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
