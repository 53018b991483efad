import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { createBackend, type Backend } from '../../src-main/backend/createBackend';
import type { Timers } from '../../src-main/tasks/scheduler';
import type { PushEvent } from '../../src-shared/contract';
import { caller } from './envelopes';

/** The repository root, whatever folder vitest was started from. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** The migrations the app ships. */
export const MIGRATIONS_DIR = join(REPO_ROOT, 'migrations');
/** The background-job worker, run from source (the job runner registers tsx for a `.ts` entry). */
export const WORKER_FILE = join(REPO_ROOT, 'src-main', 'jobs', 'worker.ts');
export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** The only fake in these suites: time. Starts at a fixed instant and moves only when told. */
export interface FakeClock {
  now(): number;
  set(epochMs: number): void;
  advance(ms: number): void;
}

export const CLOCK_START = Date.UTC(2026, 0, 15, 9, 30, 0);

export function fakeClock(start = CLOCK_START): FakeClock {
  let current = start;
  return {
    now: () => current,
    set: (epochMs) => {
      current = epochMs;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A fresh folder under the OS temp dir, removed when the current test finishes. */
export function tempDir(prefix = 'solocrm-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Same as tempDir, for beforeAll/afterAll: the caller removes it. */
export function tempDirUnmanaged(prefix = 'solocrm-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export interface TempBackend {
  dir: string;
  dbFile: string;
  clock: FakeClock;
  backend: Backend;
  /** Closes the backend and opens a new one on the same file (what a restart does). */
  reopen(): Backend;
  /** Closes the backend and removes the folder. */
  cleanup(): void;
}

/** The real backend on a real SQLite file in a temp dir with the shipped migrations; caller cleans up. */
export interface TempBackendOptions {
  clock?: FakeClock;
  dir?: string;
  /** Turns on the automatic analytics re-run (off by default, as in every test not about it). */
  analyticsAutoRunMs?: number;
  /** Runs the reminder scheduler (off by default, as in the CLI). */
  reminders?: boolean;
  /** The zone tasks are due in (default: the machine's). */
  timeZone?: string;
  /** The scheduler's timers; with the fake clock, tests fire them by hand (manualTimers). */
  timers?: Timers;
}

export function openTempBackend(options: TempBackendOptions = {}): TempBackend {
  const owned = options.dir ? null : tempDirUnmanaged();
  const dir = options.dir ?? (owned as { dir: string }).dir;
  const dbFile = join(dir, 'solocrm.db');
  const clock = options.clock ?? fakeClock();
  const zone = options.timeZone;
  const open = () =>
    createBackend({
      dbFile,
      migrationsDir: MIGRATIONS_DIR,
      workerFile: WORKER_FILE,
      door: 'test',
      version: '0.0.0-test',
      clock,
      analyticsAutoRunMs: options.analyticsAutoRunMs ?? null,
      reminders: options.reminders,
      timeZone: zone === undefined ? undefined : () => zone,
      timers: options.timers,
    });
  const handle: TempBackend = {
    dir,
    dbFile,
    clock,
    backend: open(),
    reopen: () => {
      handle.backend.close();
      handle.backend = open();
      return handle.backend;
    },
    cleanup: () => {
      handle.backend.close();
      owned?.remove();
    },
  };
  return handle;
}

/** openTempBackend, closed and removed when the current test finishes. */
export function useTempBackend(options: Omit<TempBackendOptions, 'dir'> = {}): TempBackend {
  const handle = openTempBackend(options);
  onTestFinished(() => handle.cleanup());
  return handle;
}

/**
 * useTempBackend and the ways a test talks to it: `call` (the data, or the test fails), `dispatch`
 * (the raw envelope, for refusals) and `pushed` (every event the backend announced so far).
 */
export function useBackendCalls(options: Omit<TempBackendOptions, 'dir'> = {}) {
  const t = useTempBackend(options);
  const call = caller(() => t.backend);
  const dispatch = (channel: string, input?: unknown) => t.backend.dispatch(channel, input);
  const pushed: PushEvent[] = [];
  t.backend.subscribe((event) => pushed.push(event));
  return { t, call, dispatch, pushed };
}
