import { dirname, join } from 'node:path';
import { effectiveRegion, type Door } from '../../src-shared/contract';
import { activityHandlers } from '../activity/handlers';
import { refreshAllStats } from '../activity/stats';
import { systemClock, type Clock } from '../core/clock';
import { EventHub, type PushListener } from '../core/events';
import { silentLogger, type Logger } from '../core/logger';
import { BatchService } from '../batches/service';
import { BULK_BATCH_KIND, BulkService, bulkHandlers, type BulkUndo } from '../customers/bulk';
import { customerHandlers } from '../customers/handlers';
import { CustomerSearch } from '../customers/search';
import { CustomerService } from '../customers/service';
import { openDatabase } from '../db/open';
import { dealHandlers } from '../deals/handlers';
import { followUps } from '../tasks/handlers';
import type { Timers } from '../tasks/scheduler';
import { demoHandlers } from '../demo/handlers';
import { importHandlers } from '../imports/handlers';
import { analyticsHandlers } from '../insights/handlers';
import { AnalyticsService } from '../insights/service';
import { ImportTemplates } from '../imports/mapping/templates';
import { ImportService } from '../imports/service';
import { StagedFiles } from '../imports/staging';
import { JobRunner } from '../jobs/runner';
import { DuplicateFinder } from '../duplicates/finder';
import { duplicateHandlers } from '../duplicates/handlers';
import { CustomerMerge, MERGE_BATCH_KIND } from '../duplicates/merge';
import { CustomFieldService } from '../organize/customFields';
import { organizeHandlers } from '../organize/handlers';
import { TagService } from '../organize/tags';
import { appHandlers } from '../settings/handlers';
import { SettingsService } from '../settings/service';
import { viewHandlers } from '../views/handlers';
import { SavedViewService } from '../views/service';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';

export interface BackendOptions {
  dbFile: string;
  migrationsDir: string;
  /** The worker thread's entry (out/main/worker.js; the TypeScript source in tests). */
  workerFile: string;
  door: Door;
  version: string;
  clock?: Clock;
  logger?: Logger;
  /** Re-run analytics this long after a change (and once at start); default off (tests). */
  analyticsAutoRunMs?: number | null;
  /** Deliver follow-up reminders (desktop and web door); default off (CLI, tests). */
  reminders?: boolean;
  /** The zone follow-ups are due in; the machine's by default. */
  timeZone?: () => string;
  timers?: Timers;
}

export interface Backend {
  dispatch: Dispatch;
  /** Push events for the doors to forward (IPC `webContents.send`, SSE). Returns an unsubscribe. */
  subscribe(listener: PushListener): () => void;
  /** Looks for due reminders now (the desktop calls this on wake from sleep and unlock). */
  checkReminders(): void;
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
  const bulk = new BulkService({ sqlite, db, clock, events, settings, batches, records: customers.records });
  batches.register(BULK_BATCH_KIND, (undo, batchId) => bulk.undo(undo as BulkUndo, batchId));
  const merge = new CustomerMerge({ sqlite, clock, events, settings, batches, records: customers.records });
  batches.register(MERGE_BATCH_KIND, (undo, batchId) => merge.undo(undo, batchId));
  const jobs = new JobRunner({
    workerFile: options.workerFile,
    dbFile: options.dbFile,
    dataDir: dirname(options.dbFile),
    now: () => clock.now(),
    logger,
    onProgress: (jobId, phase, done, total) =>
      events.emit({ type: 'jobs.progress', payload: { jobId, phase, done, total } }),
  });
  const staging = new StagedFiles(join(dirname(options.dbFile), 'import-staging'), () => Date.now());
  staging.sweep();
  const templates = new ImportTemplates(sqlite, clock);
  const imports = new ImportService({ sqlite, clock, events, settings, staging, templates, jobs });
  const analytics = new AnalyticsService({
    sqlite,
    jobs,
    settings,
    events,
    clock,
    logger,
    autoRunDelayMs: options.analyticsAutoRunMs ?? null,
  });
  // Doors listening for push events: reminders are claimed only while one is (see the scheduler).
  let doorListeners = 0;
  const followUp = followUps({
    hasAudience: () => doorListeners > 0,
    sqlite,
    clock,
    events,
    settings,
    logger,
    timeZone: options.timeZone,
    timers: options.timers,
  });
  const info = () => ({
    version: options.version,
    door: options.door,
    dataDir: dirname(options.dbFile),
    databaseFile: options.dbFile,
    schemaVersion,
  });

  const handlers: Handlers = {
    ...appHandlers(settings, info),
    // Revenue columns count the owner's currency: a new currency recounts them in the same transaction.
    'settings.update': (patch) => {
      const before = settings.get().currency;
      const updated = sqlite.transaction(() => {
        const next = settings.update(patch);
        if (next.currency !== before) refreshAllStats(sqlite, next.currency);
        return next;
      })();
      if (updated.currency !== before) {
        events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
      }
      return updated;
    },
    ...activityHandlers({ sqlite, db, clock, events, settings }),
    ...customerHandlers(customers, search, db),
    ...bulkHandlers(bulk),
    ...organizeHandlers(
      new TagService({ sqlite, clock, events }),
      new CustomFieldService({ sqlite, clock, events }),
    ),
    ...viewHandlers(new SavedViewService({ sqlite, clock, events })),
    ...demoHandlers({ jobs, events, settings }),
    ...importHandlers({ imports, templates, jobs, settings, events }),
    'batches.undo': async ({ batchId }) => {
      // An import is undone in the worker (it may touch 100,000 rows), like its own Undo button.
      const importId = imports.importOfBatch(batchId);
      if (importId !== null) {
        const { restored } = await imports.undo(importId);
        return { batchId, restored };
      }
      const result = batches.undo(batchId);
      events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
      return result;
    },
    ...duplicateHandlers({ sqlite, clock, settings, finder: new DuplicateFinder(sqlite, db), merge }),
    ...analyticsHandlers(analytics),
    ...dealHandlers({ sqlite, db, clock, events, settings }),
    ...followUp.handlers,
  };
  if (options.reminders) {
    // Automatic follow-ups read conversations (keep in touch), segments and deals.
    events.subscribe((event) => {
      if (
        event.type === 'data.changed' &&
        ['customers', 'analytics', 'deals'].includes(event.payload.entity)
      ) {
        followUp.scheduler.soon();
      }
    });
    followUp.scheduler.start();
  }

  return {
    dispatch: createDispatcher(handlers, logger),
    subscribe: (listener) => {
      const unsubscribe = events.subscribe(listener);
      doorListeners++;
      // A window that just opened gets what fell due while none was open.
      if (options.reminders) followUp.scheduler.soon(0);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        doorListeners--;
      };
    },
    checkReminders: () => {
      if (options.reminders) followUp.scheduler.check();
    },
    close: () => {
      analytics.close();
      followUp.scheduler.stop();
      void jobs.stopAll();
      if (sqlite.open) sqlite.close();
    },
  };
}
