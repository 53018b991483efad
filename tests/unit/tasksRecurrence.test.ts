import { describe, expect, it } from 'vitest';
import { calendarRule, dueDatesBetween, nextDueDate } from '../../src-main/tasks/recurrence';
import { wallAt, zonedInstant } from '../../src-main/tasks/zonedTime';

/** The due days a series shows from its start through `to`. */
const days = (rrule: string, start: string, to: string, time: string | null = '09:00') =>
  dueDatesBetween(rrule, start, time, start, to);

describe('a repeating follow-up is due on the days its rule names', () => {
  it('daily: every day', () => {
    expect(days('FREQ=DAILY', '2026-03-02', '2026-03-05')).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
  });

  it('every other day with INTERVAL=2', () => {
    expect(days('FREQ=DAILY;INTERVAL=2', '2026-03-02', '2026-03-08')).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-08',
    ]);
  });

  it('weekly on chosen days: Monday, Wednesday and Friday', () => {
    expect(days('FREQ=WEEKLY;BYDAY=MO,WE,FR', '2026-03-02', '2026-03-11')).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
    ]);
  });

  it('monthly on the 15th', () => {
    expect(days('FREQ=MONTHLY;BYMONTHDAY=15', '2026-01-15', '2026-04-30')).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-03-15',
      '2026-04-15',
    ]);
  });

  it('monthly on the last Friday (BYDAY=-1FR)', () => {
    expect(days('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-30', '2026-05-31')).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
    ]);
  });

  it('yearly on the same day', () => {
    expect(days('FREQ=YEARLY', '2026-05-20', '2028-12-31')).toEqual([
      '2026-05-20',
      '2027-05-20',
      '2028-05-20',
    ]);
  });

  it('ends after N occurrences (COUNT): nothing follows the last', () => {
    expect(days('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-03-02', '2026-12-31')).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
    expect(nextDueDate('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-03-02', '09:00', '2026-03-16')).toBeNull();
  });

  it.each([
    ['as the form writes it', 'FREQ=DAILY;UNTIL=20260305T235959Z', '09:00'],
    ['as a day, on a timed task', 'FREQ=DAILY;UNTIL=20260305', '09:00'],
    ['as a day, on an all-day task', 'FREQ=DAILY;UNTIL=20260305', null],
  ])('ends on a date (UNTIL %s), that day included', (_how, rrule, time) => {
    expect(days(rrule, '2026-03-02', '2026-03-31', time)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
    expect(nextDueDate(rrule, '2026-03-02', time, '2026-03-05')).toBeNull();
  });
});

describe('month ends (decision 48): a shorter month gets its last day, not a skipped month', () => {
  it.each(['FREQ=MONTHLY;BYMONTHDAY=31', 'FREQ=MONTHLY'])('%s from 31 January', (rrule) => {
    expect(days(rrule, '2026-01-31', '2026-06-30')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
  });

  it('the 30th is 28 February in a common year and 29 February in a leap year', () => {
    expect(days('FREQ=MONTHLY;BYMONTHDAY=30', '2026-01-30', '2026-03-31')).toEqual([
      '2026-01-30',
      '2026-02-28',
      '2026-03-30',
    ]);
    expect(days('FREQ=MONTHLY;BYMONTHDAY=30', '2028-01-30', '2028-03-31')).toEqual([
      '2028-01-30',
      '2028-02-29',
      '2028-03-30',
    ]);
  });

  it('yearly from 29 February is due on the 28th in common years, as birthdays are', () => {
    expect(days('FREQ=YEARLY', '2028-02-29', '2032-12-31', null)).toEqual([
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
      '2032-02-29',
    ]);
  });

  it('days every month has, and several days, follow the rule as written', () => {
    expect(days('FREQ=MONTHLY;BYMONTHDAY=28', '2026-01-28', '2026-03-31')).toEqual([
      '2026-01-28',
      '2026-02-28',
      '2026-03-28',
    ]);
    expect(days('FREQ=MONTHLY;BYMONTHDAY=1,31', '2026-01-31', '2026-03-01')).toEqual([
      '2026-01-31',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('the calendar export says the same in RFC terms', () => {
    expect(calendarRule('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31')).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1',
    );
    expect(calendarRule('FREQ=WEEKLY;BYDAY=MO,WE', '2026-03-02')).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
  });
});

const iso = (instant: number) => new Date(instant).toISOString();

describe('wall time across daylight-saving changes (zonedTime.ts)', () => {
  it.each([
    // zone, a 09:00 a week before the change, the 09:00 after it, UTC hours before → after
    ['Europe/Berlin', '2026-03-23', '2026-03-30', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ['Europe/Berlin', '2026-10-19', '2026-10-26', '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z'],
    ['America/New_York', '2026-03-02', '2026-03-09', '2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z'],
    ['America/New_York', '2026-10-26', '2026-11-02', '2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z'],
    ['Asia/Shanghai', '2026-03-23', '2026-03-30', '2026-03-23T01:00:00.000Z', '2026-03-30T01:00:00.000Z'],
  ])('%s: 09:00 on %s and on %s', (zone, before, after, beforeUtc, afterUtc) => {
    expect(iso(zonedInstant(before, '09:00', zone))).toBe(beforeUtc);
    expect(iso(zonedInstant(after, '09:00', zone))).toBe(afterUtc);
    expect(wallAt(zonedInstant(after, '09:00', zone), zone)).toEqual({ date: after, time: '09:00' });
  });

  it.each([
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z', '03:30'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z', '03:30'],
  ])(
    '%s: %s %s does not exist (spring forward) and is read as the time after the jump',
    (zone, date, time, utc, shown) => {
      expect(iso(zonedInstant(date, time, zone))).toBe(utc);
      expect(wallAt(zonedInstant(date, time, zone), zone)).toEqual({ date, time: shown });
    },
  );

  it.each([
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
  ])('%s: %s %s exists twice (fall back) and is the first of the two', (zone, date, time, utc) => {
    const instant = zonedInstant(date, time, zone);
    expect(iso(instant)).toBe(utc);
    // The second one, an hour later, shows the same wall time: the choice was a real one.
    expect(wallAt(instant + 3_600_000, zone)).toEqual({ date, time });
  });

  it('Asia/Shanghai has no gap: 02:30 on Berlin’s change day is 02:30', () => {
    expect(iso(zonedInstant('2026-03-29', '02:30', 'Asia/Shanghai'))).toBe('2026-03-28T18:30:00.000Z');
  });
});
