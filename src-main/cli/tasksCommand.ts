import { parseArgs } from 'node:util';
import {
  SNOOZE_PRESETS,
  TASK_STATUSES,
  type ChannelOutput,
  type DueTasks,
  type Task,
} from '../../src-shared/contract';
import { invalidFields } from '../core/errors';
import { callNaming, checkInput, defined, numberFlag, recordIdArg, UsageError, type CliAction } from './io';
import { printDue, printTasks, taskLine, wallText } from './tasksOutput';

export const TASKS_HELP = `solocrm tasks add --title TITLE --due YYYY-MM-DD[THH:MM] [--customer ID] [--rrule RULE]
    [--priority low|normal|high] [--notes TEXT] [--json]
solocrm tasks due [--json]
solocrm tasks list [--status open|done|all] [--json]
solocrm tasks done ID [--json]
solocrm tasks snooze ID 10m|1h|tomorrow|next_week [--json]
    --due: a day (all day) or a day and a time on this computer's clock
    --rrule: e.g. FREQ=WEEKLY;BYDAY=MO,TH or FREQ=MONTHLY;BYDAY=-1FR;COUNT=6`;

/** The contract's field names as the flags a person typed. */
const FLAGS: Record<string, string> = {
  customerId: 'customer',
  dueDate: 'due',
  dueTime: 'due',
  timeZone: 'due',
};
const flagOf = (path: string) => FLAGS[path] ?? path;

/** `solocrm tasks …`: follow-ups from a terminal, through the same channels as the Today page. */
export function parseTasksCommand(args: string[]): CliAction {
  const [sub, ...rest] = args;
  if (sub === 'add') return parseAdd(rest);
  if (sub === 'due') return parseDue(rest);
  if (sub === 'list') return parseList(rest);
  if (sub === 'done') return parseDone(rest);
  if (sub === 'snooze') return parseSnooze(rest);
  throw new UsageError(`Unknown tasks command "${sub ?? ''}".\n${TASKS_HELP}`);
}

/**
 * `--due 2026-03-05` is all day; `--due 2026-03-05T14:30` (or with a space) is that wall time in
 * the machine's zone, which the backend gives a task that names none.
 */
function readDue(typed: string | undefined): { dueDate?: string; dueTime?: string } {
  if (typed === undefined) return {};
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/.exec(typed.trim());
  if (!match) {
    throw invalidFields([
      {
        path: 'due',
        code: 'invalid',
        message: `"${typed}" is not a day (2026-03-05) or a day and time (2026-03-05T14:30)`,
      },
    ]);
  }
  return defined({ dueDate: match[1], dueTime: match[2] });
}

function parseAdd(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: {
      title: { type: 'string' },
      due: { type: 'string' },
      customer: { type: 'string' },
      rrule: { type: 'string' },
      priority: { type: 'string' },
      notes: { type: 'string' },
    },
    strict: true,
  });
  const input = defined({
    title: values.title,
    ...readDue(values.due),
    customerId: numberFlag(values.customer),
    rrule: values.rrule,
    priority: values.priority,
    notes: values.notes,
  });
  checkInput('tasks.create', input, flagOf);
  return async (backend, io, json) => {
    const task = await callNaming<Task>(backend, 'tasks.create', input, flagOf);
    if (json) io.stdout(JSON.stringify(task, null, 2));
    else io.stdout(`Added follow-up ${taskLine(task)}`);
  };
}

function parseDue(args: string[]): CliAction {
  parseArgs({ args, options: {}, strict: true });
  return async (backend, io, json) => {
    printDue(io, json, await callNaming<DueTasks>(backend, 'tasks.due', {}, flagOf));
  };
}

function parseList(args: string[]): CliAction {
  const { values } = parseArgs({ args, options: { status: { type: 'string' } }, strict: true });
  if (values.status !== undefined && !(TASK_STATUSES as readonly string[]).includes(values.status)) {
    throw new UsageError(`--status takes ${TASK_STATUSES.join(', ')}, not "${values.status}".`);
  }
  return async (backend, io, json) => {
    const tasks = await callNaming<Task[]>(backend, 'tasks.list', defined({ status: values.status }), flagOf);
    printTasks(io, json, tasks);
  };
}

/** Marks a follow-up done; a repeating one's next occurrence is printed, so the person sees it exists. */
function parseDone(args: string[]): CliAction {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError(`Name one task: ${TASKS_HELP.split('\n')[4]}`);
  const id = recordIdArg(positionals[0], 'task');
  return async (backend, io, json) => {
    const result = await callNaming<ChannelOutput<'tasks.complete'>>(
      backend,
      'tasks.complete',
      { id },
      flagOf,
    );
    if (json) {
      io.stdout(JSON.stringify(result, null, 2));
      return;
    }
    io.stdout(`Done: ${taskLine(result.task)}`);
    if (result.next) io.stdout(`Next: ${taskLine(result.next)}`);
    else if (result.task.rrule) io.stdout('That was the last occurrence.');
  };
}

function parseSnooze(args: string[]): CliAction {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [typedId, preset, ...extra] = positionals;
  if (!preset || extra.length > 0 || !(SNOOZE_PRESETS as readonly string[]).includes(preset)) {
    throw new UsageError(`Say for how long: ${TASKS_HELP.split('\n')[5]}`);
  }
  const input = { id: recordIdArg(typedId, 'task'), preset };
  return async (backend, io, json) => {
    const task = await callNaming<Task>(backend, 'tasks.snooze', input, flagOf);
    if (json) io.stdout(JSON.stringify(task, null, 2));
    else
      io.stdout(
        `Snoozed #${task.id} "${task.title}": reminds again ${wallText(task.remindAt!, task.timeZone)}`,
      );
  };
}
