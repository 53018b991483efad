import type { DueTasks, Task } from '../../src-shared/contract';
import { wallAt } from '../tasks/zonedTime';
import type { CliIo } from './io';
import { textTable } from './textTable';

/** How `solocrm tasks …` shows follow-ups: a table a person reads, or the contract's JSON. */

/** `2026-03-05` for an all-day task, `2026-03-05 14:30` for a timed one (its own wall time). */
export const dueText = (task: Task) => (task.dueTime ? `${task.dueDate} ${task.dueTime}` : task.dueDate);

/** An instant as the task's own wall clock shows it: `2026-03-05 09:00`. */
export function wallText(iso: string, timeZone: string): string {
  const { date, time } = wallAt(Date.parse(iso), timeZone);
  return `${date} ${time}`;
}

export function taskLine(task: Task): string {
  const who = task.customerName ? ` · ${task.customerName} (#${task.customerId})` : '';
  const flags = [task.overdue ? 'overdue' : '', task.rrule ? `repeats ${task.rrule}` : '']
    .filter(Boolean)
    .join(', ');
  return `#${task.id} "${task.title}"${who}, due ${dueText(task)}${flags ? ` (${flags})` : ''}`;
}

function table(tasks: readonly Task[]): string {
  return textTable(
    ['id', 'due', 'title', 'customer', 'priority', 'status'],
    tasks.map((task) => [
      String(task.id),
      dueText(task),
      task.title,
      task.customerName ?? '',
      task.priority,
      task.doneAt ? 'done' : task.overdue ? 'overdue' : 'open',
    ]),
  );
}

export function printTasks(io: CliIo, json: boolean, tasks: readonly Task[]): void {
  if (json) io.stdout(JSON.stringify(tasks, null, 2));
  else io.stdout(tasks.length === 0 ? 'No follow-ups.' : table(tasks));
}

export function printDue(io: CliIo, json: boolean, due: DueTasks): void {
  if (json) {
    io.stdout(JSON.stringify(due, null, 2));
    return;
  }
  const sections: [string, Task[]][] = [
    ['Overdue', due.overdue],
    [`Today (${due.today})`, due.dueToday],
    ['Next 7 days', due.upcoming],
  ];
  const shown = sections.filter(([, tasks]) => tasks.length > 0);
  if (shown.length === 0) {
    io.stdout(`Nothing due through the next 7 days (today is ${due.today}).`);
    return;
  }
  io.stdout(shown.map(([label, tasks]) => `${label}: ${tasks.length}\n${table(tasks)}`).join('\n\n'));
}
