import { describe, expect, it } from 'vitest';
import { readAmount, readInteger } from '../../src-main/imports/values/amounts';
import {
  readDate,
  toCalendarDate,
  toLocalEpoch,
  type DateParts,
  type DateReading,
} from '../../src-main/imports/values/dates';
import { isExcelScientific, looksExcelTruncated } from '../../src-main/imports/values/excelDamage';
import type { DateOrder } from '../../src-shared/contract';

/** What the owner sees of a reading: the date (and time) that would be stored. */
function shown(reading: DateReading): string {
  const show = (parts: DateParts) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = `${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
    return parts.hasTime ? `${toCalendarDate(parts)} ${time}` : toCalendarDate(parts);
  };
  if (reading.kind === 'invalid') return 'invalid';
  if (reading.kind === 'either') return `either ${show(reading.dmy)} | ${show(reading.mdy)}`;
  return show(reading.parts);
}

const date = (text: string, order: DateOrder = 'auto') => shown(readDate(text, order));

describe('readDate: the forms spreadsheets and Chinese tools write', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05 08:26', '2024-03-05 08:26:00'],
    ['2024-03-05T08:26:59', '2024-03-05 08:26:59'],
    ['2024-03-05T08:26:00.123', '2024-03-05 08:26:00'],
    ['2024/3/5', '2024-03-05'],
    ['2024/3/5 8:26', '2024-03-05 08:26:00'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年3月5号', '2024-03-05'],
    ['2024年3月5日 08:26', '2024-03-05 08:26:00'],
    ['2024年3月5日8时26分', '2024-03-05 08:26:00'],
    ['2024年3月5日 8点26分30秒', '2024-03-05 08:26:30'],
    ['20240305', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['  2024-03-05  ', '2024-03-05'],
    ['3/5/2024 8:26 PM', 'either 2024-05-03 20:26:00 | 2024-03-05 20:26:00'],
    ['12/31/2024 12:05 AM', '2024-12-31 00:05:00'],
  ])('reads %j as %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it('converts a UTC time to the local date and time of this computer', () => {
    const local = new Date(Date.UTC(2024, 2, 5, 23, 30, 0));
    const reading = readDate('2024-03-05T23:30:00Z', 'auto');
    expect(reading).toEqual({
      kind: 'date',
      parts: {
        year: local.getFullYear(),
        month: local.getMonth() + 1,
        day: local.getDate(),
        hour: local.getHours(),
        minute: local.getMinutes(),
        second: 0,
        hasTime: true,
      },
    });
  });

  it('converts a +08:00 time to the same instant', () => {
    const reading = readDate('2024-03-05 08:26:00+08:00', 'auto');
    expect(reading.kind === 'date' && toLocalEpoch(reading.parts)).toBe(Date.UTC(2024, 2, 5, 0, 26, 0));
  });
});

describe('readDate: day and month order', () => {
  it('lets a day above 12 decide (31/3/2024 is day first)', () => {
    expect(date('31/3/2024')).toBe('2024-03-31');
  });

  it('lets a day above 12 decide (3/31/2024 is month first)', () => {
    expect(date('3/31/2024')).toBe('2024-03-31');
  });

  it('asks when both readings are possible and different', () => {
    expect(readDate('03/04/2024', 'auto')).toEqual({
      kind: 'either',
      dmy: { year: 2024, month: 4, day: 3, hour: 0, minute: 0, second: 0, hasTime: false },
      mdy: { year: 2024, month: 3, day: 4, hour: 0, minute: 0, second: 0, hasTime: false },
    });
  });

  it('does not ask when both readings are the same day', () => {
    expect(date('04/04/2024')).toBe('2024-04-04');
    expect(date('4/04/2024')).toBe('2024-04-04');
  });

  it('reads day first when the owner chose dmy', () => {
    expect(date('03/04/2024', 'dmy')).toBe('2024-04-03');
    expect(date('03-04-2024', 'dmy')).toBe('2024-04-03');
  });

  it('reads month first when the owner chose mdy', () => {
    expect(date('03/04/2024', 'mdy')).toBe('2024-03-04');
  });

  it('refuses a day-first date when the owner chose mdy and the month would be 31', () => {
    expect(date('31/03/2024', 'mdy')).toBe('invalid');
  });

  it('still asks for slash dates when the order is ymd (it says nothing about them)', () => {
    expect(date('03/04/2024', 'ymd')).toMatch(/^either/);
    expect(date('2024/03/04', 'ymd')).toBe('2024-03-04');
  });

  it('reads a dot date day first whatever the order', () => {
    expect(date('03.04.2024', 'mdy')).toBe('2024-04-03');
  });
});

describe('readDate: Excel serial numbers (1900 date system)', () => {
  it('reads 45356 as 2024-03-05', () => {
    expect(date('45356')).toBe('2024-03-05');
  });

  it('reads a fraction as the time of day', () => {
    expect(date('45356.5')).toBe('2024-03-05 12:00:00');
    expect(date('45356.25')).toBe('2024-03-05 06:00:00');
  });

  it('reads 1 as 1900-01-01 and 59 as 1900-02-28', () => {
    expect([date('1'), date('59')]).toEqual(['1900-01-01', '1900-02-28']);
  });

  it("refuses 60, Excel's 1900-02-29 that never was", () => {
    expect(date('60')).toBe('invalid');
  });

  it('reads 61 as 1900-03-01', () => {
    expect(date('61')).toBe('1900-03-01');
  });

  it('reads the last serial Excel has, 2958465, as 9999-12-31', () => {
    expect(date('2958465')).toBe('9999-12-31');
  });

  it.each(['0', '2958466'])('refuses the serial %s', (text) => {
    expect(date(text)).toBe('invalid');
  });
});

describe('readDate: what is not a date', () => {
  it.each([
    ['2024-02-30', 'February has no 30th'],
    ['2023-02-29', 'not a leap year'],
    ['31/04/2024', 'April has 30 days'],
    ['13/13/2024', 'no month 13 either way'],
    ['2024-03-05 25:00', 'hour 25'],
    ['2024-03-05 08:60', 'minute 60'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['0000-00-00', 'the zero date some databases export'],
    ['5/3/24', 'two-digit year'],
    ['24-03-05', 'two-digit year first'],
    ['2024-03/05', 'mixed separators'],
    ['3/5/2024 13:00 PM', '13 PM'],
    ['20241305', 'compact with month 13'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['next Tuesday', 'words'],
    ['2024-03-05abc', 'trailing text'],
  ])('refuses %j (%s)', (text) => {
    expect(date(text)).toBe('invalid');
  });
});

describe('toLocalEpoch and toCalendarDate', () => {
  it('gives the instant on this computer clock', () => {
    const parts = { year: 2024, month: 3, day: 5, hour: 8, minute: 26, second: 0, hasTime: true };
    expect(toLocalEpoch(parts)).toBe(new Date(2024, 2, 5, 8, 26, 0).getTime());
  });

  it('gives YYYY-MM-DD with zero padding', () => {
    const parts = { year: 1990, month: 1, day: 2, hour: 0, minute: 0, second: 0, hasTime: false };
    expect(toCalendarDate(parts)).toBe('1990-01-02');
  });
});

describe('readAmount: amounts as shops, banks and spreadsheets write them', () => {
  it.each<[string, number, string | null]>([
    ['12', 1200, null],
    ['1234.5', 123450, null],
    ['¥1,234.50', 123450, 'CNY'],
    ['￥88', 8800, 'CNY'],
    ['RMB 12', 1200, 'CNY'],
    ['rmb12', 1200, 'CNY'],
    ['12元', 1200, 'CNY'],
    ['¥12元', 1200, 'CNY'],
    ['CNY 12', 1200, 'CNY'],
    ['12 CNY', 1200, 'CNY'],
    ['$12', 1200, null],
    ['US$12.99', 1299, 'USD'],
    ['USD 1,000', 100000, 'USD'],
    ['$12 USD', 1200, 'USD'],
    ['HK$12', 1200, 'HKD'],
    ['€12,50', 1250, 'EUR'],
    ['1.234,50 €', 123450, 'EUR'],
    ['1.234.567,89 EUR', 123456789, 'EUR'],
    ['£7.5', 750, 'GBP'],
    ['1 234,50', 123450, null],
    ['1\u00A0234,50', 123450, null],
    ['1\u2009234.50', 123450, null],
    ['1,234', 123400, null],
    ['1,234,567', 123456700, null],
    ['1,23', 123, null],
    ['12,5', 1250, null],
    ['１２３．４５', 12345, null],
    ['１，２３４．５０元', 123450, 'CNY'],
    ['12.', 1200, null],
    ['0', 0, null],
  ])('reads %j as %i cents in %s', (text, cents, currency) => {
    expect(readAmount(text)).toEqual({ ok: true, cents, currency });
  });

  it.each<[string, number]>([
    ['-12.50', -1250],
    ['12.50-', -1250],
    ['(123.45)', -12345],
    ['(¥1,234.50)', -123450],
    ['¥(1,234.50)', -123450],
    ['-¥12', -1200],
    ['¥-12', -1200],
    ['−12', -1200],
    ['+12', 1200],
  ])('reads the negative or signed %j as %i cents', (text, cents) => {
    expect(readAmount(text)).toMatchObject({ ok: true, cents });
  });

  it.each<[string, number]>([
    ['0.001', 0],
    ['0.005', 1],
    ['2.345', 235],
    ['-2.345', -235],
    ['1.234', 123],
  ])('rounds %j half away from zero to %i cents', (text, cents) => {
    expect(readAmount(text)).toMatchObject({ ok: true, cents });
  });

  it.each([
    ['12abc', 'trailing letters'],
    ['1,2,3.4.5', 'nonsense grouping'],
    ['1.2.3', 'two decimal points'],
    ['1,2345', 'a comma group of four digits'],
    ['12,34,56', 'groups of two'],
    ['--5', 'two minus signs'],
    ['-(5)', 'minus and parentheses'],
    ['$12 EUR', 'two currencies'],
    ['', 'empty'],
    ['¥', 'a symbol alone'],
    ['-', 'a sign alone'],
    ['1e3', 'exponent'],
    ['1 2', 'a space that groups nothing'],
    ['12.50.', 'a trailing second point'],
    ['99999999999999999999', 'beyond what a number holds exactly'],
  ])('refuses %j (%s)', (text) => {
    expect(readAmount(text)).toEqual({ ok: false });
  });

  it('never goes through a float (0.29 is 29 cents, not 28.999…)', () => {
    expect(readAmount('0.29')).toMatchObject({ cents: 29 });
    expect(readAmount('1234567.89')).toMatchObject({ cents: 123456789 });
  });
});

describe('readInteger: quantities and minutes', () => {
  it.each<[string, number]>([
    ['3', 3],
    ['-2', -2],
    ['+7', 7],
    ['1,000', 1000],
    ['2.0', 2],
    ['2.00', 2],
    ['１２', 12],
    [' 15 ', 15],
    ['-0', 0],
  ])('reads %j as %i', (text, value) => {
    expect(readInteger(text)).toBe(value);
  });

  it.each(['2.5', '1,00', 'abc', '', '3 pcs', '1e3', '--1'])('refuses %j', (text) => {
    expect(readInteger(text)).toBeNull();
  });
});

describe('Excel damage is flagged, not repaired', () => {
  it.each(['1.38001E+10', '1.38001e+10', ' 8.6138E+12 ', '1E+15'])(
    'flags %j as scientific notation',
    (text) => {
      expect(isExcelScientific(text)).toBe(true);
    },
  );

  it.each(['13800138000', '1.5', 'E+10', '1.38001E-10', '12.3E+4'])('does not flag %j', (text) => {
    expect(isExcelScientific(text)).toBe(false);
  });

  it('flags an 18-digit ID whose last digits Excel turned into zeros', () => {
    expect(looksExcelTruncated('110101199003071000')).toBe(true);
  });

  it.each(['110101199003071234', '13800138000', '1234567890123456', '11010119900307100X'])(
    'does not flag %j',
    (text) => {
      expect(looksExcelTruncated(text)).toBe(false);
    },
  );
});
