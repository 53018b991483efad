import type { Task } from '../../src-shared/contract';
import { calendarRule } from './recurrence';
import { addDays } from './zonedTime';

/**
 * Follow-ups as an iCalendar file (RFC 5545) for the owner's calendar app: one VTODO-like
 * VEVENT per task (calendar apps show events; many ignore VTODO), all-day on its due day or at
 * its due time, with a display alarm at the reminder and the RRULE of a recurring one.
 */

/** TEXT escaping (§3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (§3.1), never inside a UTF-8 sequence: a Chinese title is
 * 3 bytes a character, and a cut through one shows as garbage in Outlook.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; continuation lines start with a space, leaving 74.
    if (bytes + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const dateValue = (date: string) => date.replace(/-/g, '');

export function tasksToIcs(tasks: readonly Task[], now: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//SoloCRM//Follow-ups//EN', 'CALSCALE:GREGORIAN'];
  for (const task of tasks) {
    lines.push('BEGIN:VEVENT', `UID:${task.uid}@solocrm`, `DTSTAMP:${utcStamp(now)}`);
    if (task.dueTime === null) {
      lines.push(
        `DTSTART;VALUE=DATE:${dateValue(task.dueDate)}`,
        `DTEND;VALUE=DATE:${dateValue(addDays(task.dueDate, 1))}`,
      );
    } else {
      lines.push(
        `DTSTART;TZID=${task.timeZone}:${dateValue(task.dueDate)}T${task.dueTime.replace(':', '')}00`,
      );
      lines.push('DURATION:PT30M');
    }
    const summary = task.customerName ? `${task.title} (${task.customerName})` : task.title;
    lines.push(`SUMMARY:${escapeText(summary)}`);
    if (task.notes) lines.push(`DESCRIPTION:${escapeText(task.notes)}`);
    if (task.rrule && task.doneAt === null) lines.push(`RRULE:${calendarRule(task.rrule, task.dueDate)}`);
    if (task.doneAt !== null) lines.push('STATUS:CANCELLED');
    if (task.remindAt !== null && task.doneAt === null) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(task.title)}`);
      lines.push(`TRIGGER;VALUE=DATE-TIME:${utcStamp(task.remindAt)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
