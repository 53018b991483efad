import type { Timers } from '../../src-main/tasks/scheduler';
import type { FakeClock } from './tempBackend';

interface Pending {
  at: number;
  callback: () => void;
}

/**
 * The scheduler's timers on the fake clock: nothing fires by itself; `advance` moves the clock
 * and fires what fell due, in order, as the real timers would have. Several backends (two
 * windows) may share one instance, so they wake at the same moments.
 */
export function manualTimers(clock: FakeClock) {
  const pending = new Set<Pending>();
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const handle: Pending = { at: clock.now() + ms, callback };
      pending.add(handle);
      return handle;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as Pending);
    },
  };
  /** Fires every timer due by now, including ones armed by the callbacks themselves. */
  const fireDue = () => {
    for (;;) {
      const next = [...pending].filter((p) => p.at <= clock.now()).sort((a, b) => a.at - b.at)[0];
      if (!next) return;
      pending.delete(next);
      next.callback();
    }
  };
  return {
    timers,
    /** Moves the clock by `ms` in one step (a laptop asleep), then fires what is due. */
    advance(ms: number) {
      clock.advance(ms);
      fireDue();
    },
  };
}
