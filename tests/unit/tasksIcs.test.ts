import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, tasksToIcs } from '../../src-main/tasks/ics';
import { followUp } from '../support/followUp';

const NOW = '2026-03-01T08:00:00.000Z';
/** The calendar's lines, with folded lines joined again as a reader does (RFC 5545 §3.1). */
const unfolded = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('.ics export of follow-ups', () => {
  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    const ics = tasksToIcs([followUp({ title: '报价; 第二版, 确认', notes: 'line 1\nline 2' })], NOW);
    expect(unfolded(ics)).toContain('SUMMARY:报价\\; 第二版\\, 确认');
    expect(unfolded(ics)).toContain('DESCRIPTION:line 1\\nline 2');
  });

  it('folds lines at 75 octets, never inside a Chinese character, and unfolds to the same text', () => {
    const title = '跟进华辰贸易有限公司关于年度采购合同的报价与样品寄送事宜并确认交货日期和付款方式';
    const ics = tasksToIcs([followUp({ title })], NOW);
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // 'SUMMARY:' is 8 octets and each character 3: 22 fit (74), the 23rd would cut to 77.
    const at = physical.findIndex((line) => line.startsWith('SUMMARY:'));
    expect(physical[at]).toBe(`SUMMARY:${title.slice(0, 22)}`);
    // A continuation line is a space and up to 74 octets: 24 characters.
    expect(physical[at + 1]).toBe(` ${title.slice(22, 46)}`);
    expect(unfolded(ics)).toContain(`SUMMARY:${title}`);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('an all-day task spans its day; a timed one starts at its wall time in its zone', () => {
    const ics = unfolded(
      tasksToIcs(
        [
          followUp({ id: 1, uid: 'a', dueDate: '2026-03-31' }),
          followUp({ id: 2, uid: 'b', dueDate: '2026-03-02', dueTime: '14:30', timeZone: 'Europe/Berlin' }),
        ],
        NOW,
      ),
    );
    expect(ics).toEqual(
      expect.arrayContaining([
        'UID:a@solocrm',
        'DTSTART;VALUE=DATE:20260331',
        'DTEND;VALUE=DATE:20260401',
        'UID:b@solocrm',
        'DTSTART;TZID=Europe/Berlin:20260302T143000',
        'DURATION:PT30M',
        'DTSTAMP:20260301T080000Z',
      ]),
    );
  });

  it('carries the repeat rule (month ends as SoloCRM reads them) and a display alarm at the reminder', () => {
    const ics = unfolded(
      tasksToIcs(
        [
          followUp({
            dueDate: '2026-01-31',
            rrule: 'FREQ=MONTHLY;BYMONTHDAY=31',
            remindAt: '2026-01-31T01:00:00.000Z',
            title: '月底对账',
          }),
        ],
        NOW,
      ),
    );
    const alarm = ics.slice(ics.indexOf('BEGIN:VALARM'), ics.indexOf('END:VALARM') + 1);
    expect(ics).toContain('RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1');
    expect(alarm).toEqual([
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:月底对账',
      'TRIGGER;VALUE=DATE-TIME:20260131T010000Z',
      'END:VALARM',
    ]);
  });

  it('a done task has no rule and no alarm, and is marked cancelled; the file is framed and CRLF-ended', () => {
    const ics = tasksToIcs(
      [followUp({ rrule: 'FREQ=DAILY', remindAt: NOW, doneAt: '2026-03-02T10:00:00.000Z' })],
      NOW,
    );
    const lines = unfolded(ics);
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines.some((line) => line.startsWith('RRULE') || line === 'BEGIN:VALARM')).toBe(false);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
