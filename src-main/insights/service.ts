import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AnalyticsRun, ChannelOutput, ParsedInput, PushEvent } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import { AppError } from '../core/errors';
import type { EventHub } from '../core/events';
import type { Logger } from '../core/logger';
import type { JobRunner } from '../jobs/runner';
import type { SettingsService } from '../settings/service';
import { dashboardOf } from './dashboard';
import { analyticsCustomers, latestRun, scoresOf } from './read';
import type { AnalyticsJob } from './runAnalytics';

/**
 * The doors re-run analytics this long after the last change: a burst of edits (or an import and
 * its follow-up events) makes one run, and the figures are fresh a few seconds later.
 */
export const AUTO_ANALYTICS_DELAY_MS = 3_000;

/** What makes the figures stale: a change to any of these re-runs the engine (debounced). */
const STALE_AFTER: ReadonlySet<string> = new Set(['customers', 'imports', 'settings']);

export interface AnalyticsServiceDeps {
  sqlite: Database.Database;
  jobs: JobRunner;
  settings: SettingsService;
  events: EventHub;
  clock: Clock;
  logger: Logger;
  /**
   * Re-run this many ms after the last change (and once at start); null = only on demand. The
   * doors turn it on; tests that are not about it keep it off, so no worker starts behind them.
   */
  autoRunDelayMs: number | null;
}

/**
 * The main thread's side of analytics: starts runs in the worker (never here: 100,000 customers
 * take seconds), keeps the last finished run visible while the next one computes, re-runs after
 * changes, and answers the pages from the stored results.
 */
export class AnalyticsService {
  private running: { jobId: string; done: Promise<AnalyticsRun> } | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** A change arrived while a run was going: run again when it ends. */
  private staleWhileRunning = false;
  private closed = false;

  constructor(private readonly deps: AnalyticsServiceDeps) {
    if (deps.autoRunDelayMs !== null) {
      deps.events.subscribe((event) => this.onEvent(event));
      this.scheduleAuto();
    }
  }

  /** A run the owner asked for: always computed, even when nothing changed. */
  run(input: ParsedInput<'analytics.run'>): Promise<AnalyticsRun> {
    if (this.running) {
      return Promise.reject(
        new AppError('CONFLICT', 'An analysis is already running. Its results will show when it ends.'),
      );
    }
    return this.start(input, true);
  }

  latest(): ChannelOutput<'analytics.latest'> {
    return { run: latestRun(this.deps.sqlite), runningJobId: this.running?.jobId ?? null };
  }

  customers(query: ParsedInput<'analytics.customers'>): ChannelOutput<'analytics.customers'> {
    return analyticsCustomers(this.deps.sqlite, query);
  }

  customer(customerId: number): ChannelOutput<'analytics.customer'> {
    return scoresOf(this.deps.sqlite, customerId);
  }

  dashboard(): ChannelOutput<'analytics.dashboard'> {
    return dashboardOf(this.deps.sqlite, latestRun(this.deps.sqlite), this.deps.settings.get().currency);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private start(input: ParsedInput<'analytics.run'>, force: boolean): Promise<AnalyticsRun> {
    const job: AnalyticsJob = {
      type: 'analytics',
      input,
      env: { settings: this.deps.settings.get(), force },
    };
    const done = this.deps.jobs.run(input.jobId, job).then(({ runId, stored }) => {
      const run = latestRun(this.deps.sqlite);
      if (!run || run.id !== runId) throw new Error('the stored analytics run could not be read back');
      if (stored) this.deps.events.emit({ type: 'data.changed', payload: { entity: 'analytics' } });
      return run;
    });
    this.running = { jobId: input.jobId, done };
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'analytics' } });
    const finished = () => {
      this.running = null;
      this.deps.events.emit({ type: 'data.changed', payload: { entity: 'analytics' } });
      if (this.staleWhileRunning) {
        this.staleWhileRunning = false;
        this.scheduleAuto();
      }
    };
    done.then(finished, finished);
    return done;
  }

  private onEvent(event: PushEvent): void {
    if (event.type === 'data.changed' && STALE_AFTER.has(event.payload.entity)) this.scheduleAuto();
  }

  private scheduleAuto(): void {
    if (this.closed || this.deps.autoRunDelayMs === null) return;
    if (this.running) {
      this.staleWhileRunning = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) {
        this.staleWhileRunning = true;
        return;
      }
      this.start({ jobId: randomUUID() }, false).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'CANCELLED') return;
        this.deps.logger.warn('automatic analytics run failed', String(error));
      });
    }, this.deps.autoRunDelayMs);
    this.timer.unref();
  }
}
