import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../src-shared/contract';
import {
  addDays,
  dueLabel,
  localInputToIso,
  snoozeInput,
  toLocalInput,
  wallTimeLabel,
} from '../../src-renderer/features/followups/dueDays';
import {
  mergeNotices,
  noticesFor,
  wantsBrowserNotification,
} from '../../src-renderer/features/followups/reminderNotices';
import { repeatText } from '../../src-renderer/features/followups/taskFormat';
import { en } from '../../src-renderer/i18n/en';
import type { Translate } from '../../src-renderer/i18n/useI18n';

const t: Translate = (key, params = {}) =>
  en[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

describe('due days and their labels', () => {
  it('steps across month and year ends, and a leap day', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('says yesterday, today and tomorrow relative to the server’s today, else the weekday and date', () => {
    const today = '2026-03-02';
    expect(dueLabel({ dueDate: '2026-03-01', dueTime: null }, today, 'en-US').relative).toBe('yesterday');
    expect(dueLabel({ dueDate: today, dueTime: '14:30' }, today, 'en-US')).toEqual({
      relative: 'today',
      date: 'Mon, Mar 2',
      time: '2:30 PM',
    });
    expect(dueLabel({ dueDate: '2026-03-03', dueTime: null }, today, 'en-US')).toMatchObject({
      relative: 'tomorrow',
      time: null,
    });
    expect(dueLabel({ dueDate: '2026-03-06', dueTime: null }, today, 'en-US')).toMatchObject({
      relative: null,
      date: 'Fri, Mar 6',
    });
  });

  it('shows a wall-clock time the way the locale does, never shifted by a zone', () => {
    expect(wallTimeLabel('09:05', 'en-US')).toBe('9:05 AM');
    expect(wallTimeLabel('21:00', 'zh-CN')).toBe('21:00');
  });
});

describe('snooze choices', () => {
  it('sends a preset as it is', () => {
    expect(snoozeInput(4, 'tomorrow')).toEqual({ id: 4, preset: 'tomorrow' });
  });

  it('sends a picked local date and time as the instant it means, seconds included', () => {
    const picked = '2026-03-02T15:04:05';
    expect(snoozeInput(4, { until: picked })).toEqual({ id: 4, until: new Date(picked).toISOString() });
    expect(localInputToIso(toLocalInput(new Date(2026, 2, 2, 15, 4)))).toBe(
      new Date(2026, 2, 2, 15, 4).toISOString(),
    );
  });

  it('refuses a picked value that is no date and time', () => {
    expect(snoozeInput(4, { until: '' })).toBeNull();
    expect(snoozeInput(4, { until: '2026-03-02' })).toBeNull();
    expect(snoozeInput(4, { until: '2026-13-40T25:00' })).toBeNull();
  });
});

describe('repeat hints', () => {
  it('words the rules the form builds', () => {
    expect(repeatText(t, null, 'en-US')).toBeNull();
    expect(repeatText(t, 'FREQ=DAILY', 'en-US')).toBe('Repeats daily');
    expect(repeatText(t, 'FREQ=DAILY;INTERVAL=3', 'en-US')).toBe('Every 3 days');
    expect(repeatText(t, 'FREQ=WEEKLY;BYDAY=MO,WE', 'en-US')).toBe('Weekly on Mon, Wed');
    expect(repeatText(t, 'FREQ=MONTHLY;BYDAY=-1FR', 'en-US')).toBe('Monthly on the last Friday');
    expect(repeatText(t, 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15', 'en-US')).toBe('Every 2 months on day 15');
    expect(repeatText(t, 'FREQ=MONTHLY;BYDAY=2TU', 'en-US')).toBe('Repeats');
  });
});

const reminder = (taskId: number): Reminder => ({
  taskId,
  title: `Task ${taskId}`,
  customerId: null,
  customerName: null,
  dueAt: '2026-03-02T06:30:00.000Z',
  allDay: false,
});

describe('reminder notices', () => {
  it('shows one notice per reminder, or one summary when some fell due while SoloCRM was closed', () => {
    expect(noticesFor({ reminders: [reminder(1), reminder(2)], missed: 0 }, 1).map((n) => n.kind)).toEqual([
      'reminder',
      'reminder',
    ]);
    expect(noticesFor({ reminders: [reminder(1), reminder(2), reminder(3)], missed: 3 }, 2)).toEqual([
      { key: 'missed-2', kind: 'missed', count: 3 },
    ]);
  });

  it('a snoozed task that reminds again replaces its old notice instead of showing twice', () => {
    const first = noticesFor({ reminders: [reminder(1), reminder(2)], missed: 0 }, 1);
    const again = noticesFor({ reminders: [reminder(1)], missed: 0 }, 2);
    expect(mergeNotices(first, again).map((notice) => notice.key)).toEqual(['reminder-2-1', 'reminder-1-2']);
  });

  it('raises a browser notification only when allowed, hidden, and not in Electron', () => {
    expect(wantsBrowserNotification('web', 'granted', true)).toBe(true);
    expect(wantsBrowserNotification('electron', 'granted', true)).toBe(false);
    expect(wantsBrowserNotification('web', 'default', true)).toBe(false);
    expect(wantsBrowserNotification('web', 'granted', false)).toBe(false);
    expect(wantsBrowserNotification(undefined, 'granted', true)).toBe(false);
  });
});
