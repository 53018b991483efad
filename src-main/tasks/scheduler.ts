import type { Reminder } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import type { EventHub } from '../core/events';
import type { Logger } from '../core/logger';
import type { TaskReader } from './read';
import { wallAt } from './zonedTime';

/** The timer functions the scheduler arms; tests pass ones they fire by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending reminder must not keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Checks at least this often even with nothing pending: a laptop waking from sleep, a clock set
 * by hand or a new time zone are noticed within this time (the Electron adapter also checks on
 * resume), and automatic follow-ups appear without a restart.
 */
export const POLL_MS = 30_000;
/** Automatic follow-ups (rules, cadences, birthdays) are looked for at most this often. */
export const AUTOMATION_EVERY_MS = 5 * 60_000;
/** A reminder delivered this long after its time was missed (closed, asleep, no window open). */
const LATE_AFTER_MS = 60_000;

export interface SchedulerDeps {
  reader: TaskReader;
  clock: Clock;
  events: EventHub;
  logger: Logger;
  /** Writes the automatic follow-ups (FollowUpAutomation.run). */
  automate: () => void;
  /**
   * Whether a door is listening (the desktop shell, an open browser tab). Without one a claimed
   * reminder would be marked delivered and seen by nobody, so claiming waits for a listener.
   */
  hasAudience: () => boolean;
  /** The zone "today" is counted in (the tasks' own). */
  timeZone: () => string;
  timers?: Timers;
}

/**
 * Delivers each reminder exactly once. The claim is one UPDATE (reader.claimDue): whichever
 * process or window runs it first gets the occurrence, a restart finds it claimed. Reminders
 * delivered late — they fell due while the app was closed, the laptop asleep or no window open —
 * are reported as one summary (`missed`), not a storm of notifications.
 */
export class ReminderScheduler {
  private timer: unknown = null;
  private timerAt = Infinity;
  /** The calendar day of the last check: at midnight "today" moves and the doors refetch. */
  private lastDay: string | null = null;
  private started = false;
  private lastAutomation = -Infinity;
  private stopped = false;
  private readonly timers: Timers;

  constructor(private readonly deps: SchedulerDeps) {
    this.timers = deps.timers ?? systemTimers;
  }

  /**
   * The first check runs on the next tick, not here: the doors subscribe to push events after
   * createBackend returns, and reminders claimed before that (the catch-up summary) would be
   * marked delivered and never shown.
   */
  start(): void {
    this.started = true;
    this.stopped = false;
    this.checkIn(0);
  }

  /** Writes automatic follow-ups when due, claims due reminders, tells the doors, re-arms. */
  check(): Reminder[] {
    if (this.stopped) return [];
    const now = this.deps.clock.now();
    try {
      if (now - this.lastAutomation >= AUTOMATION_EVERY_MS || now < this.lastAutomation) {
        this.lastAutomation = now;
        this.deps.automate();
      }
      const day = wallAt(now, this.deps.timeZone()).date;
      if (this.lastDay !== null && day !== this.lastDay) {
        this.deps.events.emit({ type: 'data.changed', payload: { entity: 'tasks' } });
      }
      this.lastDay = day;
      if (!this.deps.hasAudience()) return [];
      const due = this.deps.reader.claimDue(now);
      const missed = due.filter((reminder) => this.late(reminder, now)).length;
      if (due.length > 0) {
        this.deps.events.emit({ type: 'reminders.due', payload: { reminders: due, missed } });
        this.deps.events.emit({ type: 'data.changed', payload: { entity: 'tasks' } });
      }
      return due;
    } catch (error) {
      // A locked or busy database must not stop reminders for good: the next check tries again.
      this.deps.logger.error('reminder check failed', { error: String(error) });
      return [];
    } finally {
      this.arm();
    }
  }

  /** Re-arms the timer for the earliest pending reminder (after a task was written or snoozed). */
  arm(): void {
    if (this.stopped) return;
    const next = this.deps.reader.nextReminderAt();
    const now = this.deps.clock.now();
    this.checkIn(next === null ? POLL_MS : Math.min(POLL_MS, Math.max(0, next - now)));
  }

  /**
   * Something the automatic follow-ups read changed (a conversation, an analytics run, a deal):
   * look again shortly instead of at the next five-minute mark.
   */
  soon(delayMs = 2_000): void {
    if (this.stopped || !this.started) return;
    this.lastAutomation = -Infinity;
    this.checkIn(delayMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Arms a check `delayMs` from now, unless one is already armed sooner: the earliest wins. */
  private checkIn(delayMs: number): void {
    const at = this.deps.clock.now() + delayMs;
    if (this.timer !== null) {
      if (this.timerAt <= at) return;
      this.timers.clearTimeout(this.timer);
    }
    this.timerAt = at;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.check();
    }, delayMs);
  }

  private late(reminder: Reminder, now: number): boolean {
    const remindAt = this.deps.reader.any(reminder.taskId).remindAt;
    return remindAt !== null && remindAt < now - LATE_AFTER_MS;
  }
}
