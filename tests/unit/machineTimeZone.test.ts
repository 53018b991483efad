import { afterEach, describe, expect, it, vi } from 'vitest';
import { machineTimeZone } from '../../src-main/tasks/zonedTime';

// The machine's zone is remembered for a second (reading it builds an Intl formatter, and an
// automation pass asks once per task); a laptop that travels must still be followed.
describe("the machine's time zone", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    process.env.TZ = saved;
  });

  it('follows a change of the system zone within a second', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 2, 2, 7, 0));
    process.env.TZ = 'Asia/Shanghai';
    vi.advanceTimersByTime(2_000);
    expect(machineTimeZone()).toBe('Asia/Shanghai');
    process.env.TZ = 'Europe/Berlin';
    vi.advanceTimersByTime(1_500);
    expect(machineTimeZone()).toBe('Europe/Berlin');
  });
});
